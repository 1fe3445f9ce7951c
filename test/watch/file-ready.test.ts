import { describe, expect, it } from "vitest";
import { ReadinessTracker } from "../../src/watch/file-ready.js";

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

const file = (size: number, mtimeMs: number) => ({
  name: "clients.csv",
  path: "/x/clients.csv",
  size,
  mtimeMs,
});

describe("a file is complete once it has been quiet for a while", () => {
  it("is not ready when first seen, even with an old modification time (a copy that keeps it)", () => {
    const c = clock();
    const tracker = new ReadinessTracker(2500, c.now);
    expect(tracker.observe(file(100, 5))).toEqual({ ready: false, readyAt: c.now() + 2500 });
    c.advance(2499);
    expect(tracker.observe(file(100, 5)).ready).toBe(false);
    c.advance(1);
    expect(tracker.observe(file(100, 5))).toEqual({ ready: true });
  });

  it("waits through a file written in pieces with pauses of 1-2 s, and is ready 2.5 s after the last", () => {
    const c = clock();
    const tracker = new ReadinessTracker(2500, c.now);
    let size = 0;
    // Pieces every 2 s for 10 s, checked every 500 ms as a periodic scan would.
    for (let t = 0; t <= 10_000; t += 500) {
      if (t % 2000 === 0) size += 1000;
      expect(tracker.observe(file(size, 1000 + size)).ready).toBe(false);
      c.advance(500);
    }
    // The last piece was written at t=10000; now is 10500.
    c.advance(1500);
    expect(tracker.observe(file(size, 1000 + size)).ready).toBe(false);
    c.advance(500);
    expect(tracker.observe(file(size, 1000 + size)).ready).toBe(true);
  });

  it("starts over when the size or the modification time changes", () => {
    const c = clock();
    const tracker = new ReadinessTracker(1000, c.now);
    tracker.observe(file(10, 1));
    c.advance(900);
    expect(tracker.observe(file(10, 2)).ready).toBe(false);
    c.advance(900);
    expect(tracker.observe(file(10, 2)).ready).toBe(false);
    c.advance(100);
    expect(tracker.observe(file(10, 2)).ready).toBe(true);
  });

  it("waits four times longer for a text file whose last line has no line ending (perhaps cut mid-row)", () => {
    const c = clock();
    const tracker = new ReadinessTracker(2500, c.now);
    const open = { ...file(100, 5), endsOpen: true };
    expect(tracker.observe(open)).toEqual({ ready: false, readyAt: c.now() + 10_000 });
    c.advance(3200);
    expect(tracker.observe(open).ready).toBe(false);
    c.advance(6800);
    expect(tracker.observe(open)).toEqual({ ready: true });
  });

  it("forgets files that left the folder", () => {
    const tracker = new ReadinessTracker(1000, clock().now);
    tracker.observe(file(1, 1));
    tracker.observe({ ...file(1, 1), name: "b.csv" });
    tracker.keepOnly(new Set(["b.csv"]));
    expect(tracker.size).toBe(1);
  });
});
