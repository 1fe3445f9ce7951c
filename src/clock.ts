/**
 * Where "now" comes from. The engine, the CLI and the services take a `Clock` as an option and never
 * read the calendar themselves, so that a test can fix the date (and a run stays correct whatever day it
 * is). Timers that only measure intervals (the rate limiter's spacing, a progress bar's speed) may use
 * the process's own monotonic time: they never compare with a date in the user's file.
 */
export interface Clock {
  /** Epoch milliseconds, like `Date.now()`. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock stopped at `at` (epoch ms or a Date), for tests and for replaying a run. */
export function fixedClock(at: number | Date): Clock {
  const ms = typeof at === "number" ? at : at.getTime();
  return { now: () => ms };
}
