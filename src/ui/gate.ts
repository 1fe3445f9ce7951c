import type { RateLimiter } from "../dispatch/rate-limiter.js";
import type { Hold } from "../watch/supervisor.js";

/**
 * The limiter, held shut while the supervisor paused all sending from the page (a followed sheet:
 * its look goes on, its rows wait for their slot). Requests already on the wire, and the one or two
 * a run has in line for a slot, finish; nothing else starts until the pause is lifted. A row waiting
 * here is withdrawn by its run's stop signal like any row waiting for a slot.
 */
export function heldLimiter(limiter: RateLimiter, hold: Hold): RateLimiter {
  return {
    get rate() {
      return limiter.rate;
    },
    get intervalMs() {
      return limiter.intervalMs;
    },
    async schedule(fn, options) {
      await released(hold, options?.signal);
      return limiter.schedule(fn, options);
    },
    slowDown: (ms) => limiter.slowDown(ms),
    departed: () => limiter.departed(),
    stats: () => limiter.stats(),
  };
}

function released(hold: Hold, signal: AbortSignal | undefined): Promise<void> {
  if (hold.active === undefined) return Promise.resolve();
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      stop();
      reject(signal?.reason);
    };
    const stop = hold.onChange(() => {
      if (hold.active !== undefined) return;
      stop();
      signal?.removeEventListener("abort", onAbort);
      resolve();
    });
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
