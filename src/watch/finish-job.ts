import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { RunSummary } from "../engine/summary.js";
import { exitCodeOfEnd, type JobEnd } from "./campaign-job.js";
import { type FolderContext, pushRecent } from "./folder-context.js";
import { sameFile } from "./folder-scan.js";
import { DONE_DIR, ERROR_NOTE_SUFFIX, FAILED_DIR } from "./ignore-rules.js";
import type { Job } from "./job-queue.js";
import { leaveFailed, leaveTo } from "./leave-folder.js";
import { moveGroup, stemOf } from "./move-files.js";

const COUNTED = ["sent", "skipped", "invalid", "failed", "unknown", "pending"] as const;

/**
 * What a file's run ending means for the file and the folder: it leaves (done/ or failed/), waits for
 * a later run, goes back in line (a stop signal), or pauses the whole folder (Calltouch refused the
 * account). Only a file that ran to its end clears a pause.
 */
export async function finishJob(f: FolderContext, job: Job, end: JobEnd): Promise<void> {
  job.stop = undefined;
  // The file left the folder while it ran: whatever the run's end, nothing of it is left to move.
  if (job.stopping === "left") return leftMidRun(f, job, "summary" in end ? end.summary : undefined);
  // Changed under the run: taken in again as a new arrival once quiet; its journal skips what was sent.
  if (job.stopping === "changed" && end.kind !== "paused") {
    f.queue.jobs.delete(job.name);
    return;
  }
  // What ran must be what would be moved: a file saved again, copied over or still being written
  // since it was read is run again (sending only the rows its journal has not sent), never moved.
  if ((end.kind === "done" || end.kind === "failed") && (await changedSinceRead(job))) {
    f.emit({ kind: "file-changed", file: job.name, running: false });
    f.queue.jobs.delete(job.name);
    return;
  }
  // Only a file that ran to its end shows that Calltouch accepts again: a file that waits or could
  // not be read never reached it.
  if (end.kind === "done") {
    if (f.pause.active !== undefined) f.emit({ kind: "resumed" });
    f.pause.clear();
  }
  switch (end.kind) {
    case "interrupted":
      job.phase = "queued";
      return;
    case "paused": {
      const before = f.pause.active?.nextCheck;
      const next = f.pause.set(end.cause);
      // Told when the pause begins and after each re-check, not once per file that met it.
      if (next !== before) f.emit({ kind: "paused", cause: end.cause, nextCheck: next });
      job.phase = "queued";
      // --once does not wait for the account: every file not finished ends as stopped (exit 3).
      if (f.once) f.tally.settleAll(3);
      return;
    }
    case "later":
      job.phase = "waiting";
      job.until = end.until;
      job.why = end.why;
      f.emit({ kind: "file-waits", file: job.name, why: end.why, until: end.until });
      f.tally.settle(job.name, 3);
      return;
    case "done": {
      const { summary } = end;
      const counts = Object.fromEntries(COUNTED.map((status) => [status, summary[status]]));
      const entry = {
        kind: "done",
        file: job.name,
        total: summary.total,
        counts,
        sentNow: end.sentNow,
        to: DONE_DIR,
      } as const;
      f.emit({ kind: "file-done", entry });
      pushRecent(f, entry);
      f.tally.settle(job.name, exitCodeOfEnd(end, f.words.exitCodeOf));
      job.leave = leaveTo(f, job, DONE_DIR, end.resolved);
      break;
    }
    case "failed": {
      // Taken away while it ran (deleted, moved by hand): nothing to move, nothing to keep.
      if (!existsSync(job.path)) {
        f.queue.jobs.delete(job.name);
        f.tally.forget(job.name);
        return;
      }
      f.emit({ kind: "file-failed", file: job.name, to: FAILED_DIR, note: end.note });
      const note = `${stemOf(job.name)}${ERROR_NOTE_SUFFIX}`;
      pushRecent(f, { kind: "failed", file: job.name, to: FAILED_DIR, note });
      f.tally.settle(job.name, end.exitCode);
      job.leave = leaveFailed(f, job, FAILED_DIR, end.note, end.resolved);
      break;
    }
  }
  job.phase = "leaving";
  if (await job.leave()) f.queue.jobs.delete(job.name);
}

/** True when the file at the job's path is there but is not what was read (another size, time or file). */
async function changedSinceRead(job: Job): Promise<boolean> {
  const now = await stat(job.path).catch(() => undefined);
  if (now === undefined) return false;
  return !sameFile(job, { size: now.size, mtimeMs: now.mtimeMs, dev: now.dev, ino: now.ino });
}

/**
 * A file that left the folder while it ran (deleted, moved away, renamed): its run was stopped, the
 * rows it did not send stay unsent in its journal. Its report goes to done/ as the record of what was
 * sent under that name; the file is remembered so that, back under a new name, it is recognised.
 */
async function leftMidRun(f: FolderContext, job: Job, summary: RunSummary | undefined): Promise<void> {
  f.queue.jobs.delete(job.name);
  f.tally.forget(job.name);
  f.queue.rememberLeft(job);
  f.emit({
    kind: "file-left-stopped",
    file: job.name,
    sent: summary?.sent ?? 0,
    notSent: summary?.pending ?? 0,
  });
  const stem = stemOf(job.name);
  const path =
    summary?.report !== undefined && summary.report !== ""
      ? summary.report
      : join(f.dir, `${stem}.report.${extname(job.name).toLowerCase() === ".xlsx" ? "xlsx" : "csv"}`);
  if (resolve(dirname(path)) !== resolve(f.dir) || !existsSync(path)) return;
  const report = basename(path);
  // Best effort: a report that cannot move now stays, passed over as the service's own file.
  await moveGroup(f.dir, DONE_DIR, stem, [job.name, report], new Date(f.clock.now())).catch(() => undefined);
}
