import { type Clock, systemClock } from "../clock.js";
import type { PauseCause } from "./folder-events.js";

/**
 * The folder's pause: Calltouch refused the whole account (10001 no minutes, 10002 service off, a
 * refused token). Files stay where they are; the folder looks again after a wait that doubles each
 * time the answer is the same, from `firstMs` up to 10 minutes, and resumes by itself once a re-check
 * goes through.
 */
export const MAX_RECHECK_MS = 10 * 60_000;

export interface PauseState {
  readonly cause: PauseCause;
  /** When the folder re-checks (ms since the epoch). */
  readonly nextCheck: number;
  readonly since: number;
}

export class Pause {
  #active: PauseState | undefined;
  #waitMs: number;

  constructor(
    private readonly firstMs: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.#waitMs = firstMs;
  }

  get active(): PauseState | undefined {
    return this.#active;
  }

  /** Pauses (or stays paused after a re-check that failed); returns when it looks again. */
  set(cause: PauseCause): number {
    const now = this.clock.now();
    // Several files meet the same refusal at once: one pause, not one doubling per file.
    if (this.#active !== undefined && now < this.#active.nextCheck) return this.#active.nextCheck;
    const wait = this.#active === undefined ? this.firstMs : Math.min(this.#waitMs * 2, MAX_RECHECK_MS);
    this.#waitMs = wait;
    this.#active = { cause, nextCheck: now + wait, since: this.#active?.since ?? now };
    return this.#active.nextCheck;
  }

  clear(): void {
    this.#active = undefined;
    this.#waitMs = this.firstMs;
  }
}
