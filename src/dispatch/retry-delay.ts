import type { Decision } from "../calltouch/types.js";

/**
 * How long to wait before sending a row again; 0 means give up. Pure (the random source is injected),
 * in the manner of got's `calculate-retry-delay`. Only what certainly created nothing is retried
 * (decide() says `retry`); 10007 (`retry-later`) has its own long, bounded delay because Calltouch's
 * per-phone interval is minutes, not seconds.
 */
export interface RetryOptions {
  /** Most requests for one row when answers are transient (429, 5xx, proxy pages, refused). @default 6 */
  maxAttempts: number;
  /** No transient retry is started after this long since the row's first attempt. @default 120000 */
  maxElapsedMs: number;
  /** Cap of the first backoff; doubles per attempt. @default 1000 */
  baseDelayMs: number;
  /** Largest single backoff, Retry-After included. @default 30000 */
  maxDelayMs: number;
  /** "full": random in [0, cap]; "decorrelated": random in [base, 3 x previous delay], capped. @default "full" */
  jitter: "full" | "decorrelated";
  /** 10007: how long a parked row waits before it is sent again, at the end of the campaign. @default 60000 */
  retryLaterDelayMs: number;
  /** 10007: how many times a row is parked before it is failed. @default 2 */
  retryLaterRounds: number;
}

export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = {
  maxAttempts: 6,
  maxElapsedMs: 120_000,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  jitter: "full",
  retryLaterDelayMs: 60_000,
  retryLaterRounds: 2,
};

export interface RetryDelayInput {
  /** Requests already made for this row (1 after the first answer). */
  attempt: number;
  decision: Decision;
  options: RetryOptions;
  /** Time since the row's first attempt. @default 0 */
  elapsedMs?: number;
  /** The delay chosen last time (decorrelated jitter grows from it). */
  previousDelayMs?: number;
  /** How many 10007 answers this row has had, this one included. @default 1 */
  laterRounds?: number;
  /** In [0, 1). @default Math.random */
  random?: () => number;
}

export function retryDelay(input: RetryDelayInput): number {
  const { attempt, decision, options } = input;
  const random = input.random ?? Math.random;
  if (decision.action === "retry-later") {
    return (input.laterRounds ?? 1) <= options.retryLaterRounds ? Math.max(1, options.retryLaterDelayMs) : 0;
  }
  if (decision.action !== "retry" || attempt >= options.maxAttempts) return 0;

  let delay: number;
  if (decision.retryAfterMs !== undefined) {
    // The server said when: waiting less only earns another refusal, waiting longer than we would ever
    // wait for one answer means the row is better reported as failed and retried by the user later.
    if (decision.retryAfterMs > options.maxDelayMs) return 0;
    delay = decision.retryAfterMs;
  } else if (options.jitter === "decorrelated") {
    const previous = input.previousDelayMs ?? options.baseDelayMs;
    const upper = Math.max(options.baseDelayMs, previous * 3);
    delay = Math.min(options.maxDelayMs, options.baseDelayMs + random() * (upper - options.baseDelayMs));
  } else {
    const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
    delay = random() * cap;
  }
  // 0 means "give up", so a retry always waits at least 1 ms (the limiter paces it anyway).
  delay = Math.max(1, Math.round(delay));
  if ((input.elapsedMs ?? 0) + delay > options.maxElapsedMs) return 0;
  return delay;
}

/** Fill the defaults in, refusing values that would retry forever or never. */
export function retryOptions(partial: Partial<RetryOptions> = {}): RetryOptions {
  const options = { ...DEFAULT_RETRY_OPTIONS, ...partial };
  const counts = [options.maxAttempts, options.retryLaterRounds];
  const times = [options.maxElapsedMs, options.baseDelayMs, options.maxDelayMs, options.retryLaterDelayMs];
  if (
    !counts.every((n) => Number.isInteger(n) && n >= 0) ||
    !times.every((n) => Number.isFinite(n) && n >= 0)
  ) {
    throw new RangeError("retry options must be finite, non-negative numbers (attempts and rounds whole)");
  }
  return options;
}
