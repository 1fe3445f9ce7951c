import { setTimeout as sleep } from "node:timers/promises";

/**
 * How the folder's loop waits between passes: until the next pass is due, or until something happens
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
    try {
      await sleep(Math.max(0, ms), undefined, { signal: AbortSignal.any([signal, waiting.signal]) });
    } catch (error) {
      if ((error as Error).name !== "AbortError") throw error;
    } finally {
      this.#waiting = undefined;
    }
  }
}
