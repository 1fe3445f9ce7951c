import { expect, it } from "vitest";
import { SlidingWindowLimiter } from "../../src/sandbox/rate-window.js";

it("admits 5 in any 1000 ms window and refuses the 6th", () => {
  const limiter = new SlidingWindowLimiter(5, 1000);
  const admitted = [0, 100, 200, 300, 400, 500].map((t) => limiter.admit("a", t));
  expect(admitted).toEqual([true, true, true, true, true, false]);
  expect(limiter.waitMs("a", 500)).toBe(500);
});

it("is a sliding window: a burst across a fixed-second boundary is refused", () => {
  // Fixed one-second buckets would admit all ten (five in [0, 1000), five in [1000, 2000)).
  const limiter = new SlidingWindowLimiter(5, 1000);
  const times = [900, 920, 940, 960, 980, 1000, 1020, 1040, 1060, 1080];
  expect(times.map((t) => limiter.admit("a", t)).filter(Boolean)).toHaveLength(5);
});

it("lets an arrival in once the oldest is exactly windowMs old", () => {
  const limiter = new SlidingWindowLimiter(5, 1000);
  for (const t of [0, 1, 2, 3, 4]) limiter.admit("a", t);
  expect(limiter.admit("a", 999)).toBe(false);
  expect(limiter.admit("a", 1000)).toBe(true);
  expect(limiter.admit("a", 1000)).toBe(false);
});

it("does not count refused arrivals, and keeps addresses apart", () => {
  const limiter = new SlidingWindowLimiter(1, 1000);
  expect(limiter.admit("a", 0)).toBe(true);
  expect(limiter.admit("a", 500)).toBe(false);
  expect(limiter.admit("b", 500)).toBe(true);
  expect(limiter.admit("a", 1000)).toBe(true);
});

it("evenly spaced starts at 5 per second plus a margin are never refused", () => {
  const limiter = new SlidingWindowLimiter(5, 1000);
  const refused = Array.from({ length: 300 }, (_, i) => limiter.admit("a", i * 201)).filter((ok) => !ok);
  expect(refused).toHaveLength(0);
});

it("can be reconfigured", () => {
  const limiter = new SlidingWindowLimiter(5, 1000);
  limiter.reconfigure(1, 1000);
  expect([limiter.admit("a", 0), limiter.admit("a", 1)]).toEqual([true, false]);
});
