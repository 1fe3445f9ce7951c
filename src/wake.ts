import { setTimeout as delay } from "node:timers/promises";

/**
 * The two ways a loop waits without polling: for a while (`sleep`, cut short by a signal) and for
 * "something changed" (`createWake`). Shared, so that every loop of the program waits the same way.
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
