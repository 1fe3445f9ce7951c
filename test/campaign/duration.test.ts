import { describe, expect, it } from "vitest";
import { DURATION, parseDuration } from "../../src/campaign/duration.js";
import { ConfigError } from "../../src/errors.js";

/** The message of the ConfigError (code E_CONFIG) that `run` throws. */
function thrownBy(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe("E_CONFIG");
    return (error as ConfigError).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseDuration", () => {
  it.each([
    ["24h", 86_400_000],
    ["30m", 1_800_000],
    ["7d", 604_800_000],
    ["1.5h", 5_400_000],
    ["500ms", 500],
    ["90s", 90_000],
    ["0s", 0],
    ["0", 0],
    ["24 h", 86_400_000],
    ["0.25s", 250],
    ["1.0005s", 1001],
  ])("%s is %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ["", 'expected a duration such as "24h", "30m" or "7d", got ""'],
    ["24", 'expected a duration such as "24h", "30m" or "7d", got "24"'],
    ["h", 'expected a duration such as "24h", "30m" or "7d", got "h"'],
    ["24H", 'expected a duration such as "24h", "30m" or "7d", got "24H"'],
    ["-5m", 'expected a duration such as "24h", "30m" or "7d", got "-5m"'],
    [".5h", 'expected a duration such as "24h", "30m" or "7d", got ".5h"'],
    ["1h30m", 'expected a duration such as "24h", "30m" or "7d", got "1h30m"'],
    [" 24h", 'expected a duration such as "24h", "30m" or "7d", got " 24h"'],
    ["2 weeks", 'expected a duration such as "24h", "30m" or "7d", got "2 weeks"'],
    ["00", 'expected a duration such as "24h", "30m" or "7d", got "00"'],
    [" 0", 'expected a duration such as "24h", "30m" or "7d", got " 0"'],
    ["0 ", 'expected a duration such as "24h", "30m" or "7d", got "0 "'],
  ])("refuses %j", (text, message) => {
    expect(thrownBy(() => parseDuration(text))).toBe(message);
    expect(() => parseDuration(text)).toThrow(ConfigError);
  });

  it("reads the number 0 as a window turned off", () => {
    expect(parseDuration(0)).toBe(0);
  });

  it("takes a bare 0 only: other numbers without a unit stay refused", () => {
    expect(DURATION.test("0")).toBe(true);
    expect(DURATION.test("00")).toBe(false);
    expect(DURATION.test("0.0")).toBe(false);
    expect(DURATION.test("1")).toBe(false);
  });

  it("refuses a duration too long to wait for", () => {
    expect(thrownBy(() => parseDuration("99999999999999999999d"))).toBe(
      'the duration "99999999999999999999d" is too long',
    );
  });

  it("refuses what is not text, naming it", () => {
    expect(thrownBy(() => parseDuration(24 as unknown as string))).toBe(
      'expected a duration such as "24h", "30m" or "7d", got 24',
    );
  });
});
