import type { FolderContext } from "./folder-context.js";
import type { FolderState, RunningLine, StatusView, StopCause, WaitingWhy } from "./folder-events.js";

type WaitingForSender = NonNullable<StatusView["waitingForSender"]>;

import type { Job } from "./job-queue.js";
import { statusWriter } from "./status-file.js";

/** The status shows the service is alive: rewritten at least this often even when nothing changed. */
export const ALIVE_MS = 60_000;

/**
 * STATUS.txt is rewritten when what it says changes, and at least every minute so that its "Updated"
 * line shows the service is alive; not on every pass, which its own rewrite would cause. The state
 * line says since when, so a file left by a service that is gone (killed, the machine off) reads as
 * old; a service that ends by itself writes STOPPED on its way out.
 */
export class StatusBoard {
  readonly #writer;
  #said = "";
  #at = 0;
  #state = "";
  #since = 0;

  constructor(private readonly f: FolderContext) {
    this.#writer = statusWriter(f.dir);
  }

  async update(
    waitingForSender: WaitingForSender | undefined,
    force = false,
    stopped?: StopCause,
  ): Promise<void> {
    const { at, ...what } = this.view(waitingForSender, stopped);
    const said = JSON.stringify(what);
    if (!force && said === this.#said && at - this.#at < ALIVE_MS) return;
    if (await this.#writer.write(this.f.words.status({ at, ...what }, await this.f.lang.get()))) {
      this.#said = said;
      this.#at = at;
    }
  }

  view(waitingForSender: WaitingForSender | undefined, stopped?: StopCause): StatusView {
    const { f } = this;
    const now = f.clock.now();
    const list = [...f.queue.jobs.values()];
    const pause = f.pause.active;
    const held = f.hold?.active;
    const running = list.filter((job) => job.phase === "running").map(runningLine);
    const waiting = list
      .filter((job) => job.phase !== "running")
      .map((job) => ({ name: job.name, why: waitingWhy(job, pause !== undefined || held !== undefined) }));
    const state: FolderState =
      stopped !== undefined
        ? { kind: "stopped", cause: stopped }
        : pause !== undefined || held !== undefined
          ? { kind: "paused" }
          : waitingForSender !== undefined
            ? { kind: "waiting-for-sender" }
            : folderState(running, waiting);
    // A state's "since" is when it began: kept while the state stays, a pause's own beginning.
    const key = state.kind;
    if (key !== this.#state) {
      this.#state = key;
      this.#since = now;
    }
    return {
      dir: f.dir,
      at: now,
      state,
      since: state.kind === "paused" && pause !== undefined ? pause.since : this.#since,
      ...(pause === undefined ? {} : { paused: { cause: pause.cause, nextCheck: pause.nextCheck } }),
      ...(waitingForSender === undefined ? {} : { waitingForSender }),
      ...(held === undefined ? {} : { held }),
      running,
      waiting,
      recent: [...f.recent],
    };
  }
}

function runningLine(job: Job): RunningLine {
  return {
    name: job.name,
    done: job.progress?.done ?? 0,
    ...(job.progress === undefined ? {} : { read: job.progress.read }),
    counts: job.progress?.counts ?? {},
    ...(job.progress?.waiting === undefined ? {} : { waiting: job.progress.waiting }),
    ...(job.zone === undefined ? {} : { zone: job.zone }),
  };
}

/** SENDING while any file sends or is next; WAITING when every file in hand waits for a time. */
function folderState(
  running: readonly RunningLine[],
  waiting: readonly { readonly why: WaitingWhy }[],
): FolderState {
  const sending = running.some((line) => line.waiting === undefined);
  if (sending || waiting.some((w) => w.why.kind === "next")) return { kind: "sending" };
  const reasons = new Set<"call-window" | "daily-limit" | "retry">();
  let until: { at: number; zone?: string } | undefined;
  const earliest = (at: number, zone?: string): void => {
    if (until === undefined || at < until.at) until = zone === undefined ? { at } : { at, zone };
  };
  for (const line of running) {
    if (line.waiting === undefined) continue;
    reasons.add("call-window");
    earliest(line.waiting.opensAt, line.zone);
  }
  for (const { why } of waiting) {
    if (why.kind !== "waits") continue;
    const daily = why.why?.kind === "daily-limit";
    reasons.add(daily ? "daily-limit" : "retry");
    if (why.until !== undefined)
      earliest(why.until, why.why?.kind === "daily-limit" ? why.why.zone : undefined);
  }
  if (reasons.size === 0) return { kind: "idle" };
  return { kind: "waiting", for: [...reasons], ...(until === undefined ? {} : { until }) };
}

function waitingWhy(job: Job, paused: boolean): WaitingWhy {
  if (job.phase === "leaving") return { kind: "leaving" };
  if (job.phase === "waiting") {
    return {
      kind: "waits",
      ...(job.why === undefined ? {} : { why: job.why }),
      ...(job.until === undefined ? {} : { until: job.until }),
    };
  }
  return paused ? { kind: "paused" } : { kind: "next" };
}
