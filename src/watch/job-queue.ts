import type { RunProgress } from "../engine/run.js";
import type { ReadinessTracker } from "./file-ready.js";
import type { WaitReason } from "./folder-events.js";
import type { FolderScan } from "./folder-scan.js";
import type { PauseState } from "./pause.js";

export type Phase = "queued" | "running" | "waiting" | "leaving";

/** One table of the folder the service is dealing with, from when it finished arriving until it has left. */
export interface Job {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  phase: Phase;
  until?: number;
  why?: WaitReason;
  progress?: RunProgress;
  /** The file's campaign's zone: STATUS.txt writes its call window's times in it. */
  zone?: string;
  /** Moves what is still to move (a file open in another program could not be moved); true once all left. */
  leave?: () => Promise<boolean>;
}

/**
 * The folder's files in hand and the runs under way. What it keeps is per file present in the folder,
 * never per file processed.
 */
export class JobQueue {
  readonly jobs = new Map<string, Job>();
  readonly running = new Map<string, Promise<void>>();

  /**
   * Takes one scan in: a file that finished arriving is queued, a waiting one that was edited starts
   * over as a new arrival, a finished one whose move had to wait is moved again. `admit` says whether
   * a new file may be taken at all (--once takes only the first scan's). Returns when a file still
   * arriving is due to be looked at again (Infinity when none).
   */
  async take(scan: FolderScan, tracker: ReadinessTracker, admit: (name: string) => boolean): Promise<number> {
    let readyAt = Number.POSITIVE_INFINITY;
    for (const file of scan.files) {
      const job = this.jobs.get(file.name);
      if (job !== undefined) {
        if (job.phase === "leaving" && !this.running.has(file.name) && (await job.leave?.())) {
          this.jobs.delete(file.name);
        }
        const changed = job.size !== file.size || job.mtimeMs !== file.mtimeMs;
        if (!(changed && (job.phase === "waiting" || job.phase === "queued"))) continue;
        this.jobs.delete(file.name);
      }
      if (!admit(file.name)) continue;
      const readiness = tracker.observe(file);
      if (!readiness.ready) {
        readyAt = Math.min(readyAt, readiness.readyAt);
        continue;
      }
      this.jobs.set(file.name, { ...file, phase: "queued" });
    }
    return readyAt;
  }

  /** Forgets the files gone from the folder (unless running: a run ends by itself); returns their names. */
  dropGone(present: ReadonlySet<string>): string[] {
    const gone: string[] = [];
    for (const [name, job] of this.jobs) {
      if (!present.has(name) && job.phase !== "running") {
        this.jobs.delete(name);
        gone.push(name);
      }
    }
    return gone;
  }

  /**
   * The files to start now: up to `parallel` at once; while paused, one file at a time once the
   * re-check is due (the journal makes a re-run safe).
   */
  picks(now: number, parallel: number, pause: PauseState | undefined): Job[] {
    const due = [...this.jobs.values()].filter(
      (job) => job.phase === "queued" || (job.phase === "waiting" && (job.until ?? 0) <= now),
    );
    if (pause !== undefined) return pause.nextCheck <= now && this.running.size === 0 ? due.slice(0, 1) : [];
    return due.slice(0, Math.max(0, parallel - this.running.size));
  }

  /** When the first waiting file is due again (Infinity when none). */
  nextDue(): number {
    let next = Number.POSITIVE_INFINITY;
    for (const job of this.jobs.values())
      if (job.phase === "waiting" && job.until !== undefined) next = Math.min(next, job.until);
    return next;
  }

  /** --once ends with its files moved: one more try for every finished file whose move had to wait. */
  async leaveAll(): Promise<void> {
    for (const [name, job] of this.jobs) {
      if (job.phase === "leaving" && job.leave !== undefined && (await job.leave())) this.jobs.delete(name);
    }
  }
}
