/**
 * How long to wait before trying a Sheets request again, or 0 to give up (after p-queue/got's
 * calculate-retry-delay). Google asks for exponential backoff on 429; its quota refills every
 * minute, so waiting about two minutes in all is enough for any request to pass again.
 */
export interface SheetsRetryPolicy {
  /** First wait; doubles each attempt. @default 1000 */
  readonly baseMs?: number;
  /** Longest single wait. @default 32000 */
  readonly maxDelayMs?: number;
  /** Give up once this much has been waited in all. @default 130000 */
  readonly maxTotalMs?: number;
}

export function sheetsRetryDelay(
  attempt: number,
  waitedMs: number,
  policy: SheetsRetryPolicy = {},
  random: () => number = Math.random,
): number {
  const base = policy.baseMs ?? 1000;
  const delay =
    Math.min(policy.maxDelayMs ?? 32_000, base * 2 ** (attempt - 1)) + Math.floor(random() * base);
  return waitedMs + delay > (policy.maxTotalMs ?? 130_000) ? 0 : delay;
}
