/**
 * At most `limit` arrivals in any window of `windowMs` per key (a client address): a true sliding
 * window over arrival timestamps, the strictest reading of "5 requests per second". A request it
 * refuses is not counted, so a client that backs off is admitted again once the window has moved.
 */
export class SlidingWindowLimiter {
  readonly #arrivals = new Map<string, number[]>();

  constructor(
    private limit: number,
    private windowMs: number,
  ) {}

  reconfigure(limit: number, windowMs: number): void {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Counts the arrival and returns true, or returns false when the window is full. */
  admit(key: string, at: number): boolean {
    const recent = this.#recent(key, at);
    if (recent.length >= this.limit) return false;
    recent.push(at);
    return true;
  }

  /** How long until the oldest arrival in the window leaves it (0 when there is room now). */
  waitMs(key: string, at: number): number {
    const recent = this.#recent(key, at);
    if (recent.length < this.limit) return 0;
    const oldest = recent[recent.length - this.limit] ?? at;
    return Math.max(0, oldest + this.windowMs - at);
  }

  #recent(key: string, at: number): number[] {
    // Arrivals exactly windowMs apart fall into different windows: [t, t + windowMs) is half-open.
    const kept = (this.#arrivals.get(key) ?? []).filter((t) => at - t < this.windowMs);
    this.#arrivals.set(key, kept);
    return kept;
  }
}
