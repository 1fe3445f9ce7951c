import { describe, expect, it } from "vitest";
import { MAX_RECHECK_MS, Pause } from "../../src/watch/pause.js";

describe("the folder's pause", () => {
  it("re-checks after a wait that doubles up to 10 minutes, and starts over once cleared", () => {
    let t = 0;
    const pause = new Pause(15_000, { now: () => t });
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const next = pause.set({ code: 10001, message: "no minutes", advice: "Top up the balance." });
      waits.push(next - t);
      t = next;
    }
    expect(waits).toEqual([
      15_000,
      30_000,
      60_000,
      120_000,
      240_000,
      480_000,
      MAX_RECHECK_MS,
      MAX_RECHECK_MS,
    ]);
    expect(pause.active?.since).toBe(0);
    pause.clear();
    expect(pause.active).toBeUndefined();
    expect(pause.set({ code: 10001, message: "again" }) - t).toBe(15_000);
  });

  it("is one pause when several files meet the refusal before the re-check", () => {
    let t = 0;
    const pause = new Pause(15_000, { now: () => t });
    const first = pause.set({ code: 10001, message: "no minutes" });
    t = 100;
    expect(pause.set({ code: 10001, message: "no minutes" })).toBe(first);
  });
});
