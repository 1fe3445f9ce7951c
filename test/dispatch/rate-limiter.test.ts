import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "../../src/dispatch/rate-limiter.js";

/** Most starts that fall into any closed window [t, t + windowMs]. */
function busiestWindow(starts: readonly number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  let left = 0;
  for (let right = 0; right < sorted.length; right++) {
    while (sorted[right]! - sorted[left]! > windowMs) left++;
    most = Math.max(most, right - left + 1);
  }
  return most;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("busiestWindow (the checker itself)", () => {
  it("counts starts that are exactly one window apart as one window", () => {
    expect(busiestWindow([0, 250, 500, 750, 1000], 1000)).toBe(5);
    expect(busiestWindow([0, 250, 500, 750, 1001], 1000)).toBe(4);
    expect(busiestWindow([999, 1000, 1001, 1002, 1003, 1004], 1000)).toBe(6);
  });
});

describe("createRateLimiter with fake timers", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("never lets more than `rate` starts into any window, whatever arrives when", async () => {
    const job = fc.record({
      arriveAfter: fc.integer({ min: 0, max: 1500 }),
      runsFor: fc.integer({ min: 0, max: 900 }),
      slowDown: fc.option(fc.integer({ min: 1, max: 1500 }), { freq: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(1, 2, 2.5, 3, 4, 5),
        // A margin of 0 puts the (rate+1)th start exactly one window after the first: on the edge of a closed window.
        fc.integer({ min: 1, max: 40 }),
        fc.array(job, { minLength: 1, maxLength: 40 }),
        async (rate, marginMs, jobs) => {
          vi.setSystemTime(0);
          const limiter = createRateLimiter({ rate, marginMs });
          const seen: number[] = [];
          const scheduled: Promise<void>[] = [];
          for (const { arriveAfter, runsFor, slowDown } of jobs) {
            setTimeout(() => {
              if (slowDown !== null) limiter.slowDown(slowDown);
              scheduled.push(
                limiter.schedule(async () => {
                  seen.push(Date.now());
                  await wait(runsFor);
                }),
              );
            }, arriveAfter);
          }
          await vi.runAllTimersAsync();
          await Promise.all(scheduled);
          expect(seen).toHaveLength(jobs.length);
          expect(limiter.stats()).toMatchObject({ started: jobs.length, waiting: 0, inFlight: 0 });
          expect(busiestWindow(seen, 1000)).toBeLessThanOrEqual(Math.ceil(rate));
        },
      ),
      { numRuns: 120 },
    );
  });

  it("starts the first task at once and spreads the rest evenly instead of bursting", async () => {
    vi.setSystemTime(0);
    const limiter = createRateLimiter({ rate: 5 });
    expect(limiter.intervalMs).toBe(204);
    const starts: number[] = [];
    const done = Array.from({ length: 8 }, () => limiter.schedule(async () => starts.push(Date.now())));
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toEqual([0]);
    await vi.runAllTimersAsync();
    await Promise.all(done);
    expect(starts).toEqual([0, 204, 408, 612, 816, 1020, 1224, 1428]);
  });

  it("keeps departures within the limit when one request leaves late (a slow fsync of its intent)", async () => {
    vi.setSystemTime(0);
    const limiter = createRateLimiter({ rate: 5, coldAfterMs: 60_000 });
    const departures: number[] = [];
    // Every sixth request spends 150 ms between its start and the wire; the others leave at once.
    const done = Array.from({ length: 18 }, (_, i) =>
      limiter.schedule(async () => {
        if (i % 6 === 0) await wait(150);
        limiter.departed();
        departures.push(Date.now());
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(done);
    expect(busiestWindow(departures, 1000)).toBeLessThanOrEqual(5);
  });

  it("costs nothing when requests leave at their start", async () => {
    vi.setSystemTime(0);
    const limiter = createRateLimiter({ rate: 5, coldAfterMs: 60_000 });
    const starts: number[] = [];
    const done = Array.from({ length: 8 }, () =>
      limiter.schedule(async () => {
        limiter.departed();
        starts.push(Date.now());
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(done);
    expect(starts).toEqual([0, 204, 408, 612, 816, 1020, 1224, 1428]);
  });

  it("keeps several requests in flight so a slow API does not lower the start rate", async () => {
    vi.setSystemTime(0);
    // Never cold here: this test is about concurrency, not about the first request running alone.
    const limiter = createRateLimiter({ rate: 5, concurrency: 3, coldAfterMs: Number.POSITIVE_INFINITY });
    let running = 0;
    let most = 0;
    const done = Array.from({ length: 9 }, () =>
      limiter.schedule(async () => {
        running++;
        most = Math.max(most, running);
        await wait(500);
        running--;
      }),
    );
    await vi.advanceTimersByTimeAsync(450);
    expect(limiter.stats()).toMatchObject({ started: 3, inFlight: 3 });
    await vi.runAllTimersAsync();
    await Promise.all(done);
    expect(most).toBe(3);
  });

  it("runs a cold start alone and counts the next slot from its answer, again after a long idle pause", async () => {
    vi.setSystemTime(0);
    const limiter = createRateLimiter({ rate: 5, coldAfterMs: 4000 });
    const starts: number[] = [];
    const task = (answerAfter: number) =>
      limiter.schedule(async () => {
        starts.push(Date.now());
        await wait(answerAfter);
      });
    const first = [task(150), task(300), task(300), task(10)];
    await vi.runAllTimersAsync();
    await Promise.all(first);
    // Warm starts overlap; only the cold one waited for its answer.
    expect(starts).toEqual([0, 354, 558, 762]);
    await vi.advanceTimersByTimeAsync(5000);
    const later = [task(100), task(10)];
    await vi.runAllTimersAsync();
    await Promise.all(later);
    expect(starts.slice(4)).toEqual([5858, 6162]);
  });

  it("holds every waiting task during a slow-down, not only the one that was refused", async () => {
    vi.setSystemTime(0);
    const limiter = createRateLimiter({ rate: 5 });
    const starts: number[] = [];
    const task = () => limiter.schedule(async () => starts.push(Date.now()));
    const first = task();
    await vi.advanceTimersByTimeAsync(10);
    limiter.slowDown(1000);
    const rest = [task(), task(), task()];
    await vi.runAllTimersAsync();
    await Promise.all([first, ...rest]);
    expect(starts).toEqual([0, 1010, 1214, 1418]);
    expect(limiter.stats().slowDowns).toBe(1);
  });

  it("withdraws a waiting task whose signal aborts, but delivers the result of one already running", async () => {
    vi.setSystemTime(0);
    const limiter = createRateLimiter({ rate: 5 });
    const controller = new AbortController();
    const ran: string[] = [];
    const starts: number[] = [];
    const running = limiter.schedule(
      async () => {
        ran.push("running");
        starts.push(Date.now());
        await wait(300);
        return "answer";
      },
      { signal: controller.signal },
    );
    const waiting = limiter.schedule(async () => ran.push("waiting"), { signal: controller.signal });
    const after = limiter.schedule(async () => {
      ran.push("after");
      starts.push(Date.now());
    });
    await vi.advanceTimersByTimeAsync(50);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    await vi.runAllTimersAsync();
    await expect(running).resolves.toBe("answer");
    await after;
    expect(ran).toEqual(["running", "after"]);
    // The withdrawn task used no slot: the next one starts one interval after the first one's answer
    // (a cold start runs alone).
    expect(starts).toEqual([0, 504]);
    await expect(limiter.schedule(async () => 1, { signal: controller.signal })).rejects.toThrow("stop");
  });
});

describe("createRateLimiter", () => {
  it("passes a task's failure to its caller and goes on with the others", async () => {
    const limiter = createRateLimiter({ rate: 5, windowMs: 20, marginMs: 0 });
    const failing = limiter.schedule(async () => {
      throw new Error("boom");
    });
    const fine = limiter.schedule(async () => "ok");
    await expect(failing).rejects.toThrow("boom");
    await expect(fine).resolves.toBe("ok");
    expect(limiter.stats()).toMatchObject({ started: 2, waiting: 0, inFlight: 0 });
  });

  it("refuses a rate outside (0, 5] with a sentence that says the limit", () => {
    expect(() => createRateLimiter({ rate: 6 })).toThrow(
      "the rate must be above 0 and at most 5 requests per second, got 6",
    );
    expect(() => createRateLimiter({ rate: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ rate: Number.NaN })).toThrow(RangeError);
  });

  it("does not keep a finished process alive while held, but does while a task waits for the hold", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((type) => type === "Timeout").length;
    const limiter = createRateLimiter({ rate: 5 });
    const before = timers();
    limiter.slowDown(50);
    expect(timers()).toBe(before);
    const task = limiter.schedule(async () => "ran");
    expect(timers()).toBe(before + 1);
    await expect(task).resolves.toBe("ran");
  });
});
