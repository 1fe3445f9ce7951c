import type { StatusView } from "./folder-events.js";

/** Who paused all sending from the page, and since when (ms since the epoch). */
export interface HoldState {
  /** Where the pause came from, as data: the page's address and the browser's (`127.0.0.1`). */
  readonly by: string;
  readonly since: number;
}

/**
 * The supervisor's pause of all sending (`watch --ui`'s button). While it holds, no file starts and
 * the running ones are stopped as by a stop signal: requests in flight finish, the rows not sent stay
 * unsent in their journals, and the files stay in the folder, in line, as during a Calltouch pause.
 * Unlike that pause it is never lifted by a re-check: only `resume` lifts it.
 */
export class Hold {
  #state: HoldState | undefined;
  readonly #listeners = new Set<() => void>();

  get active(): HoldState | undefined {
    return this.#state;
  }

  /** Pauses; false when it was paused already (nothing changes). */
  pause(by: string, at: number): boolean {
    if (this.#state !== undefined) return false;
    this.#state = { by, since: at };
    this.#tell();
    return true;
  }

  /** Resumes; false when it was not paused. */
  resume(): boolean {
    if (this.#state === undefined) return false;
    this.#state = undefined;
    this.#tell();
    return true;
  }

  /** Called on every change; returns the function that stops listening. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #tell(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** What a running folder service lets an observer (the page) read, whenever it wants. */
export interface FolderHandle {
  /** What STATUS.txt shows, now. */
  view(): StatusView;
  /** True while this service holds the machine's sender lock. */
  senderLockHeld(): boolean;
}
