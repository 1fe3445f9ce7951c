import { existsSync } from "node:fs";
import type { CalltouchClient } from "../calltouch/types.js";
import { type Clock, systemClock } from "../clock.js";
import type { RateLimiter } from "../dispatch/rate-limiter.js";
import type { CampaignOptions } from "../engine/resolve.js";
import type { RowAttempt } from "../engine/run.js";
import { ConfigError } from "../errors.js";
import { callWindowTimezone } from "../hygiene/call-window.js";
import type { Lang } from "../i18n/lang.js";
import { acquireSenderLock, type ReleaseLock, type SenderHolder } from "../journal/sender-lock.js";
import type { OutcomeSink } from "../sinks/outcome-sink.js";
import { WakeUp } from "../wake.js";
import { errorSaid, runFileJob } from "./campaign-job.js";
import { contentKey } from "./content-key.js";
import { DEFAULT_QUIET_MS, ReadinessTracker } from "./file-ready.js";
import { finishJob } from "./finish-job.js";
import type { FolderContext } from "./folder-context.js";
import type { FolderEvent, FolderWords, StopCause } from "./folder-events.js";
import { FolderLang } from "./folder-lang.js";
import { type FolderScan, scanFolder } from "./folder-scan.js";
import { watchFolder } from "./folder-watcher.js";
import { reportStem } from "./ignore-rules.js";
import { type Job, JobQueue } from "./job-queue.js";
import { stemOf } from "./move-files.js";
import { OnceTally } from "./once-tally.js";
import { Pause } from "./pause.js";
import { StatusBoard } from "./status-board.js";
import type { FolderHandle, Hold } from "./supervisor.js";

export interface WatchOptions {
  /** The campaigns folder (absolute). */
  readonly dir: string;
  /** Journals and the daily counter (for --sandbox, its own subfolder). */
  readonly stateDir: string;
  /** Where the machine's sender lock lives; undefined for the in-process sandbox, which has no per-IP limit. */
  readonly lockDir: string | undefined;
  /** Wait for another sender (true) or stop with exit 3 (--no-wait). */
  readonly waitForLock: boolean;
  readonly campaign: CampaignOptions;
  readonly env: NodeJS.ProcessEnv;
  readonly client: CalltouchClient;
  readonly token: string;
  /** The one limiter every campaign of the folder shares: its FIFO takes turns between them. */
  readonly limiter: RateLimiter;
  /** What the service does, as data (the CLI words it: cli/watch-words.ts). */
  readonly onEvent: (event: FolderEvent) => void;
  /** The words of STATUS.txt and the error notes (cli/watch-status.ts). */
  readonly words: FolderWords;
  /**
   * The service's language (the CLI's): STATUS.txt and the error notes are written in it unless the
   * folder's campaign file sets `lang:`. @default "en"
   */
  readonly lang?: Lang;
  /** Every answer a file's row got and what follows (the CLI logs it in its words). */
  readonly onAttempt?: (file: string, attempt: RowAttempt) => void;
  readonly signal: AbortSignal;
  /** Process what is in the folder now, then return the worst exit code. */
  readonly once: boolean;
  readonly quietMs?: number;
  /** The periodic scan, the safety net where the platform gives no events. @default 2000 */
  readonly scanMs?: number;
  /** Files run at once. @default 4 */
  readonly parallel?: number;
  /** First wait before re-checking a paused folder; doubles up to 10 minutes. @default 15000 */
  readonly recheckMs?: number;
  /** The calendar: pause re-checks, STATUS.txt's times, the daily limit's tomorrow, moved files' stamps. */
  readonly clock?: Clock;
  /** The supervisor's pause of all sending (`--ui`): while it holds, nothing starts and running files stop. */
  readonly hold?: Hold;
  /** More subscribers of a file's settled rows (`--ui`'s counts and problems), one set per run. */
  readonly extraSinks?: (file: string) => readonly OutcomeSink[];
  /** A file's source is open: about how many rows it holds, when it can tell (`--ui`). */
  readonly onFileReady?: (file: string, estimatedRows: number | undefined) => void;
  /** Called once the service runs, with what an observer (`--ui`) may read. */
  readonly onServing?: (folder: FolderHandle) => void;
}

/** A finishing error (a move that failed) is tried again after this; the file is not run again. */
const FINISH_RETRY_MS = 60_000;
/** The least wait between passes, so that a burst of file events does not spin the loop. */
const MIN_WAIT_MS = 50;

/**
 * `ctdial watch`: the loop that serves a campaigns folder. Each pass scans the folder (woken by file
 * events, and every `scanMs` in any case), starts the files that have finished arriving, and rewrites
 * STATUS.txt. The parts: job-queue.ts (the files in hand), finish-job.ts (what a run's end means),
 * pause.ts, leave-folder.ts (the moves), status-board.ts; it waits with wake.ts's WakeUp.
 */
export async function serveFolder(options: WatchOptions): Promise<number> {
  const { dir, signal } = options;
  if (!existsSync(dir)) {
    throw new ConfigError({ code: "E_WATCH_FOLDER", params: { target: dir, problem: "gone" } });
  }
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now();
  const scanMs = options.scanMs ?? 2000;
  const parallel = Math.max(1, options.parallel ?? 4);
  const tracker = new ReadinessTracker(options.quietMs ?? DEFAULT_QUIET_MS, now);
  const f: FolderContext = {
    dir,
    once: options.once,
    clock,
    emit: options.onEvent,
    words: options.words,
    lang: new FolderLang(dir, options.lang ?? "en"),
    queue: new JobQueue(),
    pause: new Pause(options.recheckMs ?? 15_000, clock),
    tally: new OnceTally(),
    told: new Map(),
    recent: [],
    ...(options.hold === undefined ? {} : { hold: options.hold }),
  };
  const { queue, pause, tally } = f;
  const status = new StatusBoard(f);
  const wakeUp = new WakeUp();
  let release: ReleaseLock | undefined;
  let waitingForSender: { holder?: SenderHolder } | undefined;
  let scanFailed = false;

  const watcher = watchFolder(dir, () => wakeUp.wake(), f.emit);
  // Each run gets its own stop signal, all ended by one listener on the service's: listeners a run
  // adds (its dispatcher, its call-window wait) then stay on its own signal, however many files the
  // folder runs over its life or at once (Node warns past 10 on one signal).
  const runStops = new Set<AbortController>();
  const stopRuns = (): void => {
    for (const stop of runStops) stop.abort(signal.reason);
  };
  signal.addEventListener("abort", stopRuns, { once: true });

  function start(job: Job): void {
    job.phase = "running";
    job.progress = undefined;
    job.stopping = undefined;
    // This file's own stop (it left the folder, or changed under the run); the service's stop reaches
    // every running file through `runStops` (one listener in all, not one per file).
    const stop = new AbortController();
    if (signal.aborted) stop.abort(signal.reason);
    runStops.add(stop);
    job.stop = stop;
    const run = contentKey(job.path)
      .then((content) => {
        job.content = content;
        const was = queue.cameBackAs(job);
        if (was !== undefined) f.emit({ kind: "file-came-back", file: job.name, was });
        return runFileJob(job.path, {
          campaign: options.campaign,
          env: options.env,
          stateDir: options.stateDir,
          client: options.client,
          token: options.token,
          limiter: options.limiter,
          onEvent: f.emit,
          onAttempt: options.onAttempt,
          signal: stop.signal,
          clock,
          cameBack: was !== undefined,
          reportLang: (resolved) => f.lang.of(resolved),
          sinks: options.extraSinks?.(job.name),
          onReady: (ready) => options.onFileReady?.(job.name, ready.estimatedRows),
          onProgress: (progress) => {
            job.progress = progress;
          },
          onResolved: (resolved) => {
            job.zone = callWindowTimezone(resolved.campaign);
          },
        });
      })
      .then((end) => finishJob(f, job, end))
      .catch((error: unknown) => {
        f.emit({
          kind: "finish-error",
          file: job.name,
          message: error instanceof Error ? error.message : String(error),
          ...errorSaid(error),
        });
        // Finished, only its move failed (a folder that cannot be made): the move is tried again,
        // the file is not run again.
        if (job.phase === "leaving") return;
        job.phase = "waiting";
        job.until = now() + FINISH_RETRY_MS;
        job.why = { kind: "finishing-failed" };
      })
      .finally(() => {
        runStops.delete(stop);
        queue.running.delete(job.name);
        wakeUp.wake();
      });
    queue.running.set(job.name, run);
  }

  /** One pass; returns when the next pass is due at the latest. */
  async function pass(): Promise<number> {
    let next = now() + scanMs;
    let scan: FolderScan;
    try {
      scan = await scanFolder(dir);
      scanFailed = false;
    } catch (error) {
      if (!scanFailed) f.emit({ kind: "scan-failed", dir, message: (error as Error).message });
      scanFailed = true;
      return next;
    }
    tellPassedOver(scan);
    stopChangedRuns(scan);
    const present = new Set<string>([
      ...scan.files.map((x) => x.name),
      ...scan.passedOver.map((p) => p.name),
    ]);
    for (const name of f.told.keys()) if (!present.has(name.replace(/^move:/, ""))) f.told.delete(name);
    tally.begin(scan.files.map((x) => x.name));
    tally.forgetAllBut((name) => present.has(name) || queue.jobs.has(name));

    next = Math.min(
      next,
      await queue.take(
        scan,
        tracker,
        (name) => !options.once || tally.includes(name),
        (name) => f.emit({ kind: "file-changed", file: name, running: false }),
      ),
    );
    for (const name of queue.dropGone(present)) tally.forget(name);
    tracker.keepOnly(present);

    await startWhatIsDue();
    next = Math.min(next, queue.nextDue());
    if (pause.active !== undefined) next = Math.min(next, pause.active.nextCheck);
    await status.update(waitingForSender);
    return next;
  }

  /**
   * A running file that left the folder (deleted, moved, renamed) or changed (saved again, copied
   * over) is no longer what its run reads: that run is stopped, its requests in flight finish.
   */
  function stopChangedRuns(scan: FolderScan): void {
    for (const { job, why, renamedTo } of queue.changesToRunning(scan)) {
      job.stopping = why;
      f.emit(
        why === "left"
          ? { kind: "file-left", file: job.name, ...(renamedTo === undefined ? {} : { renamedTo }) }
          : { kind: "file-changed", file: job.name, running: true },
      );
      job.stop?.abort();
    }
  }

  function tellPassedOver(scan: FolderScan): void {
    const stems = new Set(scan.files.map((file) => stemOf(file.name).toLowerCase()));
    for (const item of scan.passedOver) {
      // A report is the service's own only beside its table; one without it was dropped in (a report
      // put back, or a user's file named like one) and is named once like any file ignored.
      const own = item.reason === "report" ? stems.has(reportStem(item.name).toLowerCase()) : item.own;
      const said = `${item.reason}:${own}`;
      if (f.told.get(item.name) === said) continue;
      f.told.set(item.name, said);
      f.emit({ kind: "passed-over", file: item.name, reason: item.reason, own });
    }
  }

  async function startWhatIsDue(): Promise<void> {
    const picks =
      (options.once && pause.active !== undefined) || options.hold?.active !== undefined
        ? []
        : queue.picks(now(), parallel, pause.active);
    if (picks.length === 0) {
      if (queue.running.size === 0 && release !== undefined) {
        await release();
        release = undefined;
      }
      return;
    }
    if (release === undefined && options.lockDir !== undefined) {
      try {
        release = await acquireSenderLock(options.lockDir, {
          wait: options.waitForLock,
          signal,
          onWait: (holder) => {
            waitingForSender = holder === undefined ? {} : { holder };
            f.emit({ kind: "waiting-for-sender", ...waitingForSender });
            void status.update(waitingForSender, true);
          },
        });
      } catch (error) {
        // Stopped while waiting for the other sender: nothing was sent, and a stop is not an error.
        if (signal.aborted) return;
        throw error;
      } finally {
        waitingForSender = undefined;
      }
    }
    if (signal.aborted) return;
    for (const job of picks) start(job);
  }

  // The supervisor's pause stops the running files (their requests in flight finish; they go back in
  // line, as after a stop signal) and STATUS.txt says so at once; a resume starts them again.
  const stopHolding = options.hold?.onChange(() => {
    if (options.hold?.active !== undefined) {
      for (const job of queue.jobs.values()) if (job.phase === "running") job.stop?.abort();
    }
    wakeUp.wake();
    void status.update(waitingForSender, true);
  });
  options.onServing?.({
    view: () => status.view(waitingForSender),
    senderLockHeld: () => release !== undefined,
  });
  f.emit({ kind: "watching", dir, once: options.once });
  // STATUS.txt says STOPPED on every way out (a stop signal, --once done, an error), so that it never
  // reads SENDING or PAUSED for a service that is gone.
  let stopped: StopCause = { kind: "error", message: "" };
  try {
    try {
      while (!signal.aborted) {
        // Wakes from here on are news this pass may not see: they make the loop pass again at once.
        wakeUp.take();
        const next = await pass();
        if (options.once && tally.finished && queue.running.size === 0) break;
        if (options.once && pause.active !== undefined && queue.running.size === 0) break;
        await wakeUp.sleep(Math.max(MIN_WAIT_MS, next - now()), signal);
      }
      await Promise.all(queue.running.values());
      // --once ends with the files it finished moved: one more try for any whose move had to wait.
      await queue.leaveAll();
      stopped = signal.aborted ? { kind: "signal" } : { kind: "once" };
    } catch (error) {
      stopped = {
        kind: "error",
        message: error instanceof Error ? error.message : String(error),
        ...errorSaid(error),
      };
      throw error;
    } finally {
      signal.removeEventListener("abort", stopRuns);
      stopHolding?.();
      watcher?.close();
      await release?.();
    }
  } finally {
    await status.update(undefined, true, stopped);
  }
  if (signal.aborted) {
    f.emit({ kind: "stopped" });
    return 0;
  }
  return tally.worst();
}
