import { describe, expect, it } from "vitest";
import { formatCountdown } from "../../src/cli/countdown.js";

describe("formatCountdown", () => {
  it.each([
    [0, "0:00:00"],
    [-5000, "0:00:00"],
    [1, "0:00:01"],
    [999, "0:00:01"],
    [1000, "0:00:01"],
    [1001, "0:00:02"],
    [59_000, "0:00:59"],
    [60_000, "0:01:00"],
    [(2 * 3600 + 5 * 60 + 30) * 1000, "2:05:30"],
    [(23 * 3600 + 59 * 60 + 59) * 1000, "23:59:59"],
    [86_399_001, "1 d 0:00:00"],
    [86_400_000, "1 d 0:00:00"],
    [(3 * 86_400 + 4 * 3600) * 1000, "3 d 4:00:00"],
    [(6 * 86_400 + 13 * 3600 + 7 * 60 + 9) * 1000, "6 d 13:07:09"],
  ])("%d ms is %s", (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });

  it("refuses a time that never comes", () => {
    expect(() => formatCountdown(Number.POSITIVE_INFINITY)).toThrow(
      new RangeError("a countdown needs a finite time, got Infinity"),
    );
    expect(() => formatCountdown(Number.NaN)).toThrow(
      new RangeError("a countdown needs a finite time, got NaN"),
    );
  });
});
