import type { RunProgress } from "../engine/run.js";
import type { ReadinessTracker } from "./file-ready.js";
import type { WaitReason } from "./folder-events.js";
import { type FolderScan, fileKey, sameFile } from "./folder-scan.js";
import type { PauseState } from "./pause.js";

export type Phase = "queued" | "running" | "waiting" | "leaving";

export type StopWhy = "left" | "changed";

/** A running file the folder no longer holds as it was read: gone (perhaps renamed), or changed. */
export interface RunningChange {
  readonly job: Job;
  readonly why: StopWhy;
  /** The name it has now, when it was renamed within the folder. */
  readonly renamedTo?: string;
}

/** How many keys of files that left mid-run are remembered, to recognise them under a new name. */
const LEFT_KEPT = 200;

/** One table of the folder the service is dealing with, from when it finished arriving until it has left. */
export interface Job {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly dev?: number;
  readonly ino?: number;
  /** The hash of its bytes when its run started (content-key.ts): how a copy of it is known again. */
  content?: string;
  phase: Phase;
  /** Stops this file's run alone (the service's stop signal stops them all). */
  stop?: AbortController;
  /** Why its run is being stopped: the file left the folder, or it changed under the run. */
  stopping?: StopWhy;
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
  /** Files that left the folder while they ran, by `dev:ino`: a rename brings them back under a new name. */
  readonly left = new Map<string, string>();

  /**
   * The running files that are no longer in the folder as they were read: gone from it (deleted,
   * moved, renamed), or changed (saved again, copied over). Each is told once.
   */
  changesToRunning(scan: FolderScan): RunningChange[] {
    const changes: RunningChange[] = [];
    const byName = new Map(scan.files.map((file) => [file.name, file]));
    for (const job of this.jobs.values()) {
      if (job.phase !== "running" || job.stopping !== undefined || !this.running.has(job.name)) continue;
      const now = byName.get(job.name);
      if (now === undefined) {
        const key = fileKey(job);
        const renamed = key === undefined ? undefined : scan.files.find((file) => fileKey(file) === key);
        changes.push({ job, why: "left", ...(renamed === undefined ? {} : { renamedTo: renamed.name }) });
      } else if (!sameFile(job, now)) {
        changes.push({ job, why: "changed" });
      }
    }
    return changes;
  }

  /** Remembers a file that left mid-run, so that it is recognised should it come back renamed or copied. */
  rememberLeft(job: Job): void {
    for (const key of keysOf(job)) {
      this.left.delete(key);
      this.left.set(key, job.name);
    }
    for (const oldest of this.left.keys()) {
      if (this.left.size <= LEFT_KEPT) break;
      this.left.delete(oldest);
    }
  }

  /** The name a file had when it left the folder mid-run, if this is that file come back under another. */
  cameBackAs(job: Job): string | undefined {
    let was: string | undefined;
    for (const key of keysOf(job)) {
      was ??= this.left.get(key);
      this.left.delete(key);
    }
    return was === job.name ? undefined : was;
  }

  /**
   * Takes one scan in: a file that finished arriving is queued, a waiting one that was edited starts
   * over as a new arrival, a finished one whose move had to wait is moved again. `admit` says whether
   * a new file may be taken at all (--once takes only the first scan's). Returns when a file still
   * arriving is due to be looked at again (Infinity when none).
   */
  async take(
    scan: FolderScan,
    tracker: ReadinessTracker,
    admit: (name: string) => boolean,
    onChangedBeforeLeaving?: (name: string) => void,
  ): Promise<number> {
    let readyAt = Number.POSITIVE_INFINITY;
    for (const file of scan.files) {
      const job = this.jobs.get(file.name);
      if (job !== undefined) {
        const changed = !sameFile(job, file);
        if (job.phase === "leaving" && !this.running.has(file.name)) {
          // Never moved to done/ as something other than what ran: changed while its move waited,
          // it is run again (its journal sends only what was not sent).
          if (!changed) {
            if (await job.leave?.()) this.jobs.delete(file.name);
            continue;
          }
          onChangedBeforeLeaving?.(file.name);
        } else if (!(changed && (job.phase === "waiting" || job.phase === "queued"))) continue;
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
        // A file that had run (and waits: the daily limit, a pause) may come back under another name.
        if (job.content !== undefined) this.rememberLeft(job);
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
    // A file that left mid-run may be back under another name: nothing starts until its requests in
    // flight have their answers, so that what it had accepted is known before anything is read again.
    if ([...this.jobs.values()].some((job) => job.stopping === "left")) return [];
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

/** What a file is recognised by: the same file (dev:ino, a rename), the same bytes (a copy). */
function keysOf(job: Job): string[] {
  const file = fileKey(job);
  return [
    ...(file === undefined ? [] : [`file:${file}`]),
    ...(job.content === undefined ? [] : [`content:${job.content}`]),
  ];
}
