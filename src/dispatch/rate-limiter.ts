import PQueue from "p-queue";

/**
 * The one rate limiter of a process: every request to Calltouch, first tries and retries alike, starts
 * through it. Calltouch refuses the 6th request from an IP within a second and does not say whether it
 * counts fixed seconds or a sliding window, so what must stay true is: at most `rate` starts in ANY
 * window of `windowMs`, whatever the server's clock phase.
 *
 * Starts are spread evenly, one every (windowMs + marginMs) / rate ms, through p-queue's strict mode
 * with intervalCap 1. Strict mode keeps the timestamps of recent starts and lets a task start only when
 * the oldest one is at least `interval` old (a true sliding window; the default mode counts per fixed
 * window and lets 2x the cap through across a boundary). Spreading rather than bursting five at once
 * keeps few requests in flight, so a campaign stop costs at most about one extra request.
 *
 * Why the margin holds the promise: rate+1 starts span at least rate * interval =
 * windowMs + marginMs > windowMs, so no window of windowMs holds more than `rate` of them (for
 * fractional rates: at most ceil(rate)). The margin absorbs Date.now()'s 1 ms granularity and the jitter
 * between a start and the moment the server reads the request; it is small (20 ms at 5 rps is 2%) so
 * the achieved rate stays >= 0.97 of `rate`.
 *
 * The margin cannot absorb a cold start: the first request of a run (or the first after a pause long
 * enough for kept-alive sockets to close) pays for module warm-up, DNS, TCP and TLS, and reaches the
 * server tens or hundreds of ms after its slot while the next five, on warm sockets, arrive on time:
 * six arrivals inside one second. So a cold start runs alone, and the next slot is counted from the
 * moment its answer came back (by then it has certainly arrived). This costs one round trip per run.
 */
export interface RateLimiterOptions {
  /** Starts per window, 0 < rate <= 5. */
  rate: number;
  /** @default 1000 */
  windowMs?: number;
  /** Slack added to the window when spacing starts; keep it above 0 (see above). @default 20 */
  marginMs?: number;
  /**
   * Most tasks running at once. Several, so the start rate is not capped by the API's latency
   * (100..500 ms) but a stop finds few requests in flight. @default 5
   */
  concurrency?: number;
  /**
   * A start this long after the previous one is cold (see above). Matches the HTTP client's idle
   * socket timeout (src/calltouch/client.ts FREE_SOCKET_TIMEOUT_MS). @default 4000
   */
  coldAfterMs?: number;
}

export interface RateLimiterStats {
  /** Tasks started since creation. */
  readonly started: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
  /** Tasks running now. */
  readonly inFlight: number;
  /** How many times `slowDown` was called. */
  readonly slowDowns: number;
}

export interface RateLimiter {
  readonly rate: number;
  /** Milliseconds between two starts. */
  readonly intervalMs: number;
  /** Runs `fn` when a start slot is free; a signal aborted before it starts rejects with its reason. */
  schedule<T>(fn: () => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /** Hold every start for `ms` (a 429: the server's window is full for everyone, not only one row). */
  slowDown(ms: number): void;
  /**
   * The task that started last is putting its request on the wire now. A start is not a departure:
   * between them the journal makes the intent durable (an fsync, which other campaigns' fsyncs can
   * slow by 100 ms and more on a busy disk). A request that leaves late and the ones after it that
   * leave on time would reach the server closer together than the spacing; so the next start also
   * waits until the departure `ceil(rate)` requests back is a full window (plus margin) old.
   */
  departed(): void;
  stats(): RateLimiterStats;
}

export const MAX_RATE = 5;

interface Entry {
  readonly fn: () => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
  readonly signal: AbortSignal | undefined;
  /** Aborts the p-queue registration only (the caller's signal is linked to it while the entry waits). */
  readonly controller: AbortController;
  readonly onAbort: () => void;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const windowMs = options.windowMs ?? 1000;
  const marginMs = options.marginMs ?? 20;
  const concurrency = options.concurrency ?? 5;
  const coldAfterMs = options.coldAfterMs ?? 4000;
  if (!(windowMs > 0) || !(marginMs >= 0) || !(concurrency >= 1)) {
    throw new RangeError("the rate limiter needs windowMs > 0, marginMs >= 0 and concurrency >= 1");
  }

  const rate = checkRate(options.rate);
  const intervalMs = (windowMs + marginMs) / rate;
  const queue = new PQueue({ concurrency, intervalCap: 1, interval: intervalMs, strict: true });
  let holdUntil = 0;
  let holdTimer: NodeJS.Timeout | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;
  let coldInFlight = false;
  let started = 0;
  let inFlight = 0;
  let slowDowns = 0;
  let departures: number[] = [];
  const waiting = new Set<Entry>();

  function recordStart(): void {
    lastStart = Date.now();
    started++;
  }

  function enqueue(entry: Entry): void {
    const job = async (): Promise<unknown> => {
      waiting.delete(entry);
      entry.signal?.removeEventListener("abort", entry.onAbort);
      const cold = Date.now() - lastStart > coldAfterMs;
      recordStart();
      inFlight++;
      if (cold) {
        coldInFlight = true;
        queue.pause();
      }
      try {
        return await entry.fn();
      } finally {
        inFlight--;
        if (cold) {
          coldInFlight = false;
          hold(Date.now() + intervalMs);
        }
      }
    };
    queue.add(job, { signal: entry.controller.signal }).then(entry.resolve, (reason: unknown) => {
      waiting.delete(entry);
      entry.reject(reason);
    });
  }

  /** Pause the current queue until `until` (the later of all holds wins). */
  function hold(until: number): void {
    if (until <= holdUntil && holdTimer !== undefined) return;
    holdUntil = Math.max(holdUntil, until);
    clearTimeout(holdTimer);
    holdTimer = undefined;
    const delay = holdUntil - Date.now();
    if (delay <= 0) {
      resume();
      return;
    }
    queue.pause();
    holdTimer = setTimeout(() => {
      holdTimer = undefined;
      resume();
    }, delay);
    // A hold with nothing waiting must not keep a finished process alive; schedule() refs it again,
    // because then this timer is the only thing that will ever start the waiting task.
    if (waiting.size === 0) holdTimer.unref();
  }

  function resume(): void {
    if (!coldInFlight) queue.start();
  }

  return {
    get rate() {
      return rate;
    },
    get intervalMs() {
      return intervalMs;
    },
    schedule<T>(fn: () => Promise<T>, scheduleOptions: { signal?: AbortSignal } = {}): Promise<T> {
      const { signal } = scheduleOptions;
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<T>((resolve, reject) => {
        const entry: Entry = {
          fn,
          resolve: resolve as (value: unknown) => void,
          reject,
          signal,
          controller: new AbortController(),
          // Only a task still waiting is withdrawn: once it runs, the request may be on the wire and
          // its result must reach the caller, so the link to the caller's signal is cut at start.
          onAbort: () => entry.controller.abort(signal?.reason),
        };
        signal?.addEventListener("abort", entry.onAbort, { once: true });
        holdTimer?.ref();
        waiting.add(entry);
        enqueue(entry);
      });
    },
    departed() {
      const now = Date.now();
      departures.push(now);
      const keep = Math.ceil(rate);
      if (departures.length > keep) departures = departures.slice(-keep);
      // The next start is the keep-th after the oldest kept departure: a full window after it.
      if (departures.length === keep) hold(Math.max(holdUntil, (departures[0] ?? now) + windowMs + marginMs));
    },
    slowDown(ms: number) {
      if (!(ms > 0)) return;
      slowDowns++;
      hold(Date.now() + ms);
    },
    stats() {
      return { started, waiting: waiting.size, inFlight, slowDowns };
    },
  };
}

function checkRate(rate: number): number {
  if (!(rate > 0 && rate <= MAX_RATE)) {
    throw new RangeError(`the rate must be above 0 and at most ${MAX_RATE} requests per second, got ${rate}`);
  }
  return rate;
}
