import { expect, it } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { applyPatch, DEFAULT_SETTINGS } from "../../src/sandbox/options.js";

it("applies a patch over the defaults, skipping undefined values", () => {
  const s = applyPatch(DEFAULT_SETTINGS, { failRate: 0.2, rateLimit: undefined, tokens: ["t"] });
  expect(s.failRate).toBe(0.2);
  expect(s.rateLimit).toBe(5);
  expect(s.tokens).toEqual(["t"]);
});

it("clears the balance and the latency range when asked explicitly", () => {
  const limited = applyPatch(DEFAULT_SETTINGS, { minutes: 3, latencyMaxMs: 50 });
  const cleared = applyPatch(limited, { minutes: undefined, latencyMaxMs: undefined });
  expect([limited.minutes, limited.latencyMaxMs]).toEqual([3, 50]);
  expect([cleared.minutes, cleared.latencyMaxMs]).toEqual([undefined, undefined]);
});

it("reports every bad value at once, named by its option", () => {
  let error: unknown;
  try {
    applyPatch(DEFAULT_SETTINGS, {
      failRate: 1.5,
      htmlRate: -0.1,
      rateLimit: 0,
      minIntervalMs: 2.5,
      latencyMs: 100,
      latencyMaxMs: 50,
      tokens: [""],
    });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).problems).toEqual([
    "failRate: expected a share between 0 and 1, got 1.5",
    "htmlRate: expected a share between 0 and 1, got -0.1",
    "failRate + htmlRate + resetBeforeRate + resetAfterRate + hangRate: 1.4 is above 1",
    "minIntervalMs: expected a whole number >= 0, got 2.5",
    "rateLimit: expected a whole number >= 1, got 0",
    "latencyMaxMs: expected a whole number >= latencyMs (100), got 50",
    "tokens: a token cannot be empty",
  ]);
});

it("refuses fault shares that sum above 1", () => {
  expect(() => applyPatch(DEFAULT_SETTINGS, { failRate: 0.6, resetAfterRate: 0.6 })).toThrow(/above 1/);
});
