import { setTimeout as delay } from "node:timers/promises";

/**
 * The ways a loop waits without polling: for a while (`sleep`, cut short by a signal), for "something
 * changed" (`createWake`: the dispatcher's waiters), and for the next pass of a scanning loop unless
 * something happened first (`WakeUp`: the folder service). Shared, so that every loop of the program
 * waits the same way.
 */

/** Resolves after `ms`, or at once when the signal aborts. Never rejects: the caller checks the signal. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return delay(ms, undefined, signal === undefined ? undefined : { signal }).catch(() => undefined);
}

export interface Wake {
  /** Resolves at the next `notify()` (not at one that came before). */
  wait(): Promise<void>;
  /** Wakes every waiter. */
  notify(): void;
}

export function createWake(): Wake {
  let waiters: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => waiters.push(resolve)),
    notify: () => {
      const woken = waiters;
      waiters = [];
      for (const resolve of woken) resolve();
    },
  };
}

/**
 * How a scanning loop waits between passes: until the next pass is due, or until something happens
 * (a file event, a file that finished running, a stop). A wake that comes while a pass is under way
 * is kept, not lost: the loop then starts another pass right after, instead of waiting out the
 * periodic scan for news that came a moment too late for the scan in progress.
 */
export class WakeUp {
  #pending = false;
  #waiting: AbortController | undefined;

  /** Something happened: the next (or current) wait ends now. */
  wake(): void {
    this.#pending = true;
    this.#waiting?.abort();
  }

  /** A pass begins: it sees what every wake so far announced. */
  take(): void {
    this.#pending = false;
  }

  /** Waits `ms`, or until a wake (one that came since the last `take` ends it at once) or `signal`. */
  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    if (this.#pending || signal.aborted) return;
    const waiting = new AbortController();
    this.#waiting = waiting;
    // One listener for the length of one wait, removed after it (no AbortSignal.any per pass).
    const stop = (): void => waiting.abort();
    signal.addEventListener("abort", stop, { once: true });
    try {
      await sleep(Math.max(0, ms), waiting.signal);
    } finally {
      signal.removeEventListener("abort", stop);
      this.#waiting = undefined;
    }
  }
}
