import { existsSync, type FSWatcher, watch } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { Logger } from "pino";
import type { CalltouchClient } from "../calltouch/types.js";
import type { RateLimiter } from "../dispatch/rate-limiter.js";
import type { CampaignOptions } from "../engine/resolve.js";
import type { RowAttempt, RunProgress } from "../engine/run.js";
import { ConfigError } from "../errors.js";
import { acquireSenderLock, type ReleaseLock } from "../journal/sender-lock.js";
import { exitCodeOfEnd, type JobEnd, runFileJob } from "./campaign-job.js";
import { DEFAULT_QUIET_MS, ReadinessTracker } from "./file-ready.js";
import { type FoundFile, type PassedOver, scanFolder } from "./folder-scan.js";
import { classify, DONE_DIR, FAILED_DIR } from "./ignore-rules.js";
import { moveGroup, moveToFailed, stemOf } from "./move-files.js";
import { Pause } from "./pause.js";
import { formatStatus, type StatusView, statusWriter } from "./status-file.js";

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
  readonly logger: Logger;
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
  readonly now?: () => number;
}

type Phase = "queued" | "running" | "waiting" | "leaving";

interface Job {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  phase: Phase;
  until?: number;
  why?: string;
  progress?: RunProgress;
  /** Files still to move when a move could not be made (open in another program). */
  leave?: () => Promise<boolean>;
}

const RECENT = 10;
const SIDECAR_EXTENSIONS = [".yaml", ".yml", ".json"];

/**
 * `ctdial watch`: the loop that serves a campaigns folder. Each pass scans the folder (woken by file
 * events, and every `scanMs` in any case), starts the files that have finished arriving, and rewrites
 * STATUS.txt. What it keeps in memory is per file present in the folder, never per file processed.
 */
export async function serveFolder(options: WatchOptions): Promise<number> {
  const { dir, logger, signal } = options;
  if (!existsSync(dir)) {
    throw new ConfigError(
      `the campaigns folder ${dir} does not exist; create it, or give the folder to watch: ctdial watch <folder>.`,
    );
  }
  const now = options.now ?? Date.now;
  const scanMs = options.scanMs ?? 2000;
  const parallel = Math.max(1, options.parallel ?? 4);
  const tracker = new ReadinessTracker(options.quietMs ?? DEFAULT_QUIET_MS, now);
  const pause = new Pause(options.recheckMs ?? 15_000, now);
  const status = statusWriter(dir);
  const jobs = new Map<string, Job>();
  const running = new Map<string, Promise<void>>();
  const told = new Map<string, string>();
  const recent: string[] = [];
  const exitCodes: number[] = [];
  let onceNames: Set<string> | undefined;
  let release: ReleaseLock | undefined;
  let waitingForSender: string | undefined;
  let scanFailed = false;

  let wakeUp: (() => void) | undefined;
  const wake = (): void => {
    wakeUp?.();
    wakeUp = undefined;
  };
  signal.addEventListener("abort", wake, { once: true });
  const watcher = watchFolder(dir, wake, logger);

  /** --once: the file's part in the exit code. */
  const settle = (job: Job, code: number): void => {
    if (onceNames?.delete(job.name)) exitCodes.push(code);
  };

  async function finishJob(job: Job, end: JobEnd): Promise<void> {
    // Only a file that ran to its end shows that Calltouch accepts again: a file that waits or could
    // not be read never reached it.
    if (end.kind === "done") {
      if (pause.active !== undefined) logger.info("Calltouch accepts requests again: the folder resumes");
      pause.clear();
    }
    switch (end.kind) {
      case "interrupted":
        job.phase = "queued";
        return;
      case "paused": {
        const before = pause.active?.nextCheck;
        const next = pause.set(end.reason, end.advice);
        // Said when the pause begins and after each re-check, not once per file that met it.
        if (next !== before) {
          logger.error(
            `paused: ${end.reason}. ${end.advice ?? ""} Files stay in the folder; checking again at ${new Date(next).toISOString()}.`,
          );
        }
        job.phase = "queued";
        // --once does not wait for the account: every file not finished ends as stopped (exit 3).
        if (options.once) {
          for (const _ of onceNames ?? []) exitCodes.push(3);
          onceNames?.clear();
        }
        return;
      }
      case "later":
        job.phase = "waiting";
        job.until = end.until;
        job.why = end.why;
        logger.warn(`${job.name}: waits: ${end.why}`);
        settle(job, 3);
        return;
      case "done": {
        const { summary, resolved } = end;
        const counts = ["sent", "skipped", "invalid", "failed", "unknown", "pending"]
          .filter((s) => summary[s as "sent"] > 0)
          .map((s) => `${s} ${summary[s as "sent"]}`)
          .join(", ");
        const line = `${job.name}: ${summary.total === 1 ? "1 row" : `${summary.total} rows`}: ${counts || "nothing to do"}`;
        logger.info(`${line}; moved to ${DONE_DIR}/`);
        pushRecent(`${line} (moved to ${DONE_DIR}/)`);
        settle(job, exitCodeOfEnd(end));
        const group = [job.name, ...companions(job.name, resolved.reportPath, resolved.campaignPath)];
        job.leave = () => leaveGroup(job, DONE_DIR, group);
        break;
      }
      case "failed": {
        // Taken away while it ran (deleted, moved by hand): nothing to move, nothing to keep.
        if (!existsSync(job.path)) {
          jobs.delete(job.name);
          onceNames?.delete(job.name);
          return;
        }
        logger.error(`${job.name}: moved to ${FAILED_DIR}/: ${end.paragraph}`);
        pushRecent(`${job.name}: could not be run (see ${FAILED_DIR}/${stemOf(job.name)}.error.txt)`);
        settle(job, end.exitCode);
        const extra = companions(job.name, end.resolved?.reportPath, end.resolved?.campaignPath);
        let noted = false;
        job.leave = async () => {
          if (!noted) {
            noted = true;
            const result = await moveToFailed(dir, FAILED_DIR, job.name, extra, end.paragraph);
            return reportLeft(job, result.left);
          }
          return leaveGroup(job, FAILED_DIR, [job.name, ...extra]);
        };
        break;
      }
    }
    job.phase = "leaving";
    if (await job.leave()) jobs.delete(job.name);
  }

  /**
   * The report and the sidecar campaign file, when they are in the folder beside the source. When the
   * campaign could not even be read, they are found by name (a broken sidecar goes with its file).
   */
  function companions(name: string, report: string | undefined, campaign: string | undefined): string[] {
    const stem = stemOf(name);
    const reportPath =
      report ?? join(dir, `${stem}.report.${extname(name).toLowerCase() === ".xlsx" ? "xlsx" : "csv"}`);
    const campaignPath =
      campaign ??
      SIDECAR_EXTENSIONS.map((ext) => join(dir, `${stem}.campaign${ext}`)).find((path) => existsSync(path));
    const sidecar =
      campaignPath !== undefined &&
      dirname(campaignPath) === dir &&
      basename(campaignPath).startsWith(`${stem}.`)
        ? [basename(campaignPath)]
        : [];
    const ownReport = dirname(reportPath) === dir ? [basename(reportPath)] : [];
    return [...ownReport, ...sidecar];
  }

  async function leaveGroup(job: Job, sub: string, names: string[]): Promise<boolean> {
    const result = await moveGroup(dir, sub, stemOf(job.name), names);
    return reportLeft(job, result.left);
  }

  function reportLeft(job: Job, left: readonly { name: string; error: NodeJS.ErrnoException }[]): boolean {
    if (left.length === 0) return true;
    const key = `move:${job.name}`;
    const text = left.map((l) => `${l.name} (${l.error.code})`).join(", ");
    if (told.get(key) !== text) {
      told.set(key, text);
      logger.warn(`${job.name}: cannot move ${text} yet (open in another program?); trying again`);
    }
    return false;
  }

  function pushRecent(line: string): void {
    recent.unshift(line);
    recent.length = Math.min(recent.length, RECENT);
  }

  function tellPassedOver(list: readonly PassedOver[]): void {
    for (const item of list) {
      if (told.get(item.name) === item.reason) continue;
      told.set(item.name, item.reason);
      if (item.own) logger.debug(`${item.name}: passed over: ${item.reason}`);
      else logger.info(`${item.name}: ignored: ${item.reason}`);
    }
  }

  function start(job: Job): void {
    job.phase = "running";
    job.progress = undefined;
    const run = runFileJob(job.path, {
      campaign: options.campaign,
      env: options.env,
      stateDir: options.stateDir,
      client: options.client,
      token: options.token,
      limiter: options.limiter,
      logger,
      onAttempt: options.onAttempt,
      signal,
      now,
      onProgress: (progress) => {
        job.progress = progress;
      },
    })
      .then((end) => finishJob(job, end))
      .catch((error: unknown) => {
        logger.error(`${job.name}: ${error instanceof Error ? error.message : String(error)}`);
        // Finished, only its move failed (a folder that cannot be made): the move is tried again,
        // the file is not run again.
        if (job.phase === "leaving") return;
        job.phase = "waiting";
        job.until = now() + 60_000;
        job.why = "an error while finishing it; tried again in a minute";
      })
      .finally(() => {
        running.delete(job.name);
        wake();
      });
    running.set(job.name, run);
  }

  /** One pass; returns when the next pass is due at the latest. */
  async function pass(): Promise<number> {
    let next = now() + scanMs;
    let scan: { files: FoundFile[]; passedOver: PassedOver[] };
    try {
      scan = await scanFolder(dir);
      scanFailed = false;
    } catch (error) {
      if (!scanFailed) logger.error(`cannot read the campaigns folder ${dir}: ${(error as Error).message}`);
      scanFailed = true;
      return next;
    }
    tellPassedOver(scan.passedOver);
    const present = new Set<string>([
      ...scan.files.map((f) => f.name),
      ...scan.passedOver.map((p) => p.name),
    ]);
    for (const name of told.keys()) if (!present.has(name.replace(/^move:/, ""))) told.delete(name);
    if (onceNames === undefined) onceNames = new Set(scan.files.map((f) => f.name));
    for (const name of [...onceNames]) if (!present.has(name) && !jobs.has(name)) onceNames.delete(name);

    for (const file of scan.files) {
      const job = jobs.get(file.name);
      if (job !== undefined) {
        const movable = job.phase === "leaving" && job.leave !== undefined && !running.has(file.name);
        if (movable && (await job.leave?.())) jobs.delete(file.name);
        // A waiting file that was edited (or replaced) starts over as a new arrival.
        const changed = job.size !== file.size || job.mtimeMs !== file.mtimeMs;
        if (!(changed && (job.phase === "waiting" || job.phase === "queued"))) continue;
        jobs.delete(file.name);
      }
      if (options.once && !onceNames.has(file.name)) continue;
      const readiness = tracker.observe(file);
      if (!readiness.ready) {
        next = Math.min(next, readiness.readyAt);
        continue;
      }
      jobs.set(file.name, { ...file, phase: "queued" });
    }
    for (const [name, job] of jobs) {
      if (!present.has(name) && job.phase !== "running") {
        jobs.delete(name);
        onceNames.delete(name);
      }
    }
    tracker.keepOnly(present);

    await startWhatIsDue();
    for (const job of jobs.values())
      if (job.phase === "waiting" && job.until !== undefined) next = Math.min(next, job.until);
    if (pause.active !== undefined) next = Math.min(next, pause.active.nextCheck);
    await writeStatus();
    return next;
  }

  async function startWhatIsDue(): Promise<void> {
    const due = [...jobs.values()].filter(
      (job) => job.phase === "queued" || (job.phase === "waiting" && (job.until ?? 0) <= now()),
    );
    let picks: Job[];
    if (pause.active !== undefined) {
      // Paused: one file at a time re-checks whether Calltouch accepts again (the journal makes a re-run safe).
      picks = pause.active.nextCheck <= now() && running.size === 0 ? due.slice(0, 1) : [];
    } else {
      picks = due.slice(0, Math.max(0, parallel - running.size));
    }
    if (options.once && pause.active !== undefined) picks = [];
    if (picks.length === 0) {
      if (running.size === 0 && release !== undefined) {
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
          onWait: (message) => {
            waitingForSender = message;
            logger.warn(message);
            void writeStatus(true);
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

  /**
   * STATUS.txt is rewritten when what it says changes, and at least every minute so that its
   * "Updated" line shows the service is alive; not on every pass, which its own rewrite would cause.
   */
  let statusBody = "";
  let statusAt = 0;
  async function writeStatus(force = false): Promise<void> {
    const text = formatStatus(view());
    const body = text.replace(/^Updated: .*$/m, "");
    if (!force && body === statusBody && now() - statusAt < 60_000) return;
    if (await status.write(text)) {
      statusBody = body;
      statusAt = now();
    }
  }

  function view(): StatusView {
    const list = [...jobs.values()];
    return {
      dir,
      at: new Date(now()),
      ...(pause.active === undefined
        ? {}
        : {
            paused: {
              reason: pause.active.reason,
              ...(pause.active.advice === undefined ? {} : { advice: pause.active.advice }),
              nextCheck: new Date(pause.active.nextCheck),
            },
          }),
      ...(waitingForSender === undefined ? {} : { waitingForSender }),
      running: list
        .filter((job) => job.phase === "running")
        .map((job) => ({
          name: job.name,
          done: job.progress?.done ?? 0,
          counts: job.progress?.counts ?? {},
          ...(job.progress?.note === undefined ? {} : { note: job.progress.note }),
        })),
      waiting: list
        .filter((job) => job.phase !== "running")
        .map((job) => ({
          name: job.name,
          why:
            job.phase === "leaving"
              ? "finished; it moves once no other program holds it open"
              : job.phase === "waiting"
                ? (job.why ?? "waiting")
                : pause.active !== undefined
                  ? "paused with the folder"
                  : "next in line",
        })),
      recent,
    };
  }

  logger.info({ dir, once: options.once }, `watching ${dir}${options.once ? " (once)" : ""}`);
  try {
    while (!signal.aborted) {
      const next = await pass();
      if (options.once && onceNames?.size === 0 && running.size === 0) break;
      if (options.once && pause.active !== undefined && running.size === 0) break;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        const timer = setTimeout(wake, Math.max(50, next - now()));
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
        if (signal.aborted) wake();
      });
    }
    await Promise.all(running.values());
    // --once ends with the files it finished moved: one more try for any whose move had to wait.
    for (const [name, job] of jobs) {
      if (job.phase === "leaving" && job.leave !== undefined && (await job.leave())) jobs.delete(name);
    }
  } finally {
    watcher?.close();
    await release?.();
  }
  await writeStatus(true);
  if (signal.aborted) {
    logger.info("stopped: requests in flight finished and reports were written");
    return 0;
  }
  return exitCodes.reduce((worst, code) => Math.max(worst, code), 0);
}

/** File events where the platform gives them; the periodic scan covers the rest (network shares). */
function watchFolder(dir: string, onEvent: () => void, logger: Logger): FSWatcher | undefined {
  try {
    const watcher = watch(dir, { persistent: false }, (_event, name) => {
      // The service's own writes (STATUS.txt, reports, done/ and failed/) are no news.
      const kind = typeof name === "string" ? classify(name, false) : undefined;
      if (kind?.kind === "ignored" && kind.own) return;
      if (name === DONE_DIR || name === FAILED_DIR) return;
      onEvent();
    });
    watcher.on("error", (error) => logger.debug(`file events stopped (${error.message}); scanning only`));
    return watcher;
  } catch (error) {
    logger.debug(`no file events for ${dir} (${(error as Error).message}); scanning only`);
    return undefined;
  }
}
