import type { FoundFile } from "./folder-scan.js";

/**
 * Whether a file has finished arriving. Nothing in a file says it is complete, and a copy over a slow
 * network share writes it in pieces with pauses of a second or two in between; so a file is ready
 * once its size and modification time have stayed the same for `quietMs`, counted from when this
 * process first saw them (a copier that keeps the original's modification time would otherwise look
 * finished at once). chokidar's `awaitWriteFinish` waits 2 s; the default here is a little longer so
 * that a 2 s pause is not taken for the end.
 */
export const DEFAULT_QUIET_MS = 2500;

/**
 * A text table whose last line has no line ending may have been cut in the middle of a row (half a
 * phone is a wrong number): it must stay quiet this many times longer before it counts as complete.
 * Files saved that way on purpose are still run, only later.
 */
export const OPEN_END_FACTOR = 4;

export type Readiness = { readonly ready: true } | { readonly ready: false; readonly readyAt: number };

interface Seen {
  size: number;
  mtimeMs: number;
  /** When this size and mtime were first seen. */
  since: number;
}

export class ReadinessTracker {
  readonly #seen = new Map<string, Seen>();

  constructor(
    private readonly quietMs: number = DEFAULT_QUIET_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one look at the file and says whether it may be run. */
  observe(file: FoundFile): Readiness {
    const now = this.now();
    const seen = this.#seen.get(file.name);
    if (seen === undefined || seen.size !== file.size || seen.mtimeMs !== file.mtimeMs) {
      this.#seen.set(file.name, { size: file.size, mtimeMs: file.mtimeMs, since: now });
      return {
        ready: false,
        readyAt: now + (file.endsOpen === true ? this.quietMs * OPEN_END_FACTOR : this.quietMs),
      };
    }
    const readyAt = seen.since + (file.endsOpen === true ? this.quietMs * OPEN_END_FACTOR : this.quietMs);
    return now >= readyAt ? { ready: true } : { ready: false, readyAt };
  }

  /** Forgets files no longer in the folder, so memory follows the folder, not its history. */
  keepOnly(names: ReadonlySet<string>): void {
    for (const name of this.#seen.keys()) if (!names.has(name)) this.#seen.delete(name);
  }

  get size(): number {
    return this.#seen.size;
  }
}
