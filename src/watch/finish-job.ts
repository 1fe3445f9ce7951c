import { existsSync } from "node:fs";
import { exitCodeOfEnd, type JobEnd } from "./campaign-job.js";
import { type FolderContext, pushRecent } from "./folder-context.js";
import { DONE_DIR, ERROR_NOTE_SUFFIX, FAILED_DIR } from "./ignore-rules.js";
import type { Job } from "./job-queue.js";
import { leaveFailed, leaveTo } from "./leave-folder.js";
import { stemOf } from "./move-files.js";

const COUNTED = ["sent", "skipped", "invalid", "failed", "unknown", "pending"] as const;

/**
 * What a file's run ending means for the file and the folder: it leaves (done/ or failed/), waits for
 * a later run, goes back in line (a stop signal), or pauses the whole folder (Calltouch refused the
 * account). Only a file that ran to its end clears a pause.
 */
export async function finishJob(f: FolderContext, job: Job, end: JobEnd): Promise<void> {
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
