import type { FolderContext } from "./folder-context.js";
import type { StatusView, WaitingWhy } from "./folder-events.js";
import type { Job } from "./job-queue.js";
import { statusWriter } from "./status-file.js";

/** The status shows the service is alive: rewritten at least this often even when nothing changed. */
const ALIVE_MS = 60_000;

/**
 * STATUS.txt is rewritten when what it says changes, and at least every minute so that its "Updated"
 * line shows the service is alive; not on every pass, which its own rewrite would cause.
 */
export class StatusBoard {
  readonly #writer;
  #said = "";
  #at = 0;

  constructor(private readonly f: FolderContext) {
    this.#writer = statusWriter(f.dir);
  }

  async update(waitingForSender: string | undefined, force = false): Promise<void> {
    const { at, ...what } = this.view(waitingForSender);
    const said = JSON.stringify(what);
    if (!force && said === this.#said && at - this.#at < ALIVE_MS) return;
    if (await this.#writer.write(this.f.words.status({ at, ...what }))) {
      this.#said = said;
      this.#at = at;
    }
  }

  view(waitingForSender: string | undefined): StatusView {
    const { f } = this;
    const list = [...f.queue.jobs.values()];
    const pause = f.pause.active;
    return {
      dir: f.dir,
      at: f.clock.now(),
      ...(pause === undefined ? {} : { paused: { cause: pause.cause, nextCheck: pause.nextCheck } }),
      ...(waitingForSender === undefined ? {} : { waitingForSender }),
      running: list
        .filter((job) => job.phase === "running")
        .map((job) => ({
          name: job.name,
          done: job.progress?.done ?? 0,
          counts: job.progress?.counts ?? {},
          ...(job.progress?.waiting === undefined ? {} : { waiting: job.progress.waiting }),
        })),
      waiting: list
        .filter((job) => job.phase !== "running")
        .map((job) => ({ name: job.name, why: waitingWhy(job, pause !== undefined) })),
      recent: [...f.recent],
    };
  }
}

function waitingWhy(job: Job, paused: boolean): WaitingWhy {
  if (job.phase === "leaving") return { kind: "leaving" };
  if (job.phase === "waiting") {
    return job.why === undefined ? { kind: "waits" } : { kind: "waits", why: job.why };
  }
  return paused ? { kind: "paused" } : { kind: "next" };
}
