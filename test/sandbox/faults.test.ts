import { expect, it } from "vitest";
import { createRandom, drawFault, drawLatency, type Fault, NO_FAULTS } from "../../src/sandbox/faults.js";

it("the generator is deterministic per seed and uniform enough", () => {
  const a = createRandom(7);
  const b = createRandom(7);
  const draws = Array.from({ length: 10_000 }, () => a());
  expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
  expect(createRandom(8)()).not.toBe(draws[0]);
  expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
  const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
  expect(mean).toBeGreaterThan(0.48);
  expect(mean).toBeLessThan(0.52);
});

it("no faults by default, without consuming randomness", () => {
  let calls = 0;
  const random = () => {
    calls += 1;
    return 0;
  };
  expect(drawFault(NO_FAULTS, random)).toBe("none");
  expect(calls).toBe(0);
});

it("splits one draw into the configured shares", () => {
  const settings = {
    ...NO_FAULTS,
    resetBeforeRate: 0.1,
    failRate: 0.2,
    htmlRate: 0.1,
    hangRate: 0.05,
    resetAfterRate: 0.05,
  };
  const random = createRandom(1);
  const counts = new Map<Fault, number>();
  for (let i = 0; i < 20_000; i += 1) {
    const fault = drawFault(settings, random);
    counts.set(fault, (counts.get(fault) ?? 0) + 1);
  }
  const share = (f: Fault) => (counts.get(f) ?? 0) / 20_000;
  expect(share("error-5xx")).toBeCloseTo(0.2, 1);
  expect(share("reset-before")).toBeCloseTo(0.1, 1);
  expect(share("html-502")).toBeCloseTo(0.1, 1);
  expect(share("none")).toBeCloseTo(0.5, 1);
  expect(share("hang")).toBeGreaterThan(0.03);
  expect(share("reset-after")).toBeGreaterThan(0.03);
});

it("a share of 1 always draws that fault", () => {
  const random = createRandom(3);
  for (let i = 0; i < 100; i += 1) expect(drawFault({ ...NO_FAULTS, htmlRate: 1 }, random)).toBe("html-502");
});

it("latency is fixed, or drawn from a range", () => {
  const random = createRandom(2);
  expect(drawLatency({ ...NO_FAULTS, latencyMs: 30 }, random)).toBe(30);
  const drawn = Array.from({ length: 200 }, () =>
    drawLatency({ ...NO_FAULTS, latencyMs: 10, latencyMaxMs: 20 }, random),
  );
  expect(Math.min(...drawn)).toBeGreaterThanOrEqual(10);
  expect(Math.max(...drawn)).toBeLessThanOrEqual(20);
  expect(new Set(drawn).size).toBeGreaterThan(5);
});
