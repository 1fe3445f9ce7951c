import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/calltouch/types.js";
import { DEFAULT_RETRY_OPTIONS, retryDelay, retryOptions } from "../../src/dispatch/retry-delay.js";

const transient: Decision = { action: "retry", code: 503, message: "HTTP 503" };
const options = DEFAULT_RETRY_OPTIONS;
const top = () => 0.999_999;

describe("retryDelay", () => {
  it("backs off exponentially with full jitter: random in [0, base * 2^(attempt-1)]", () => {
    expect(
      [1, 2, 3, 4, 5].map((attempt) => retryDelay({ attempt, decision: transient, options, random: top })),
    ).toEqual([1000, 2000, 4000, 8000, 16_000]);
    expect(retryDelay({ attempt: 3, decision: transient, options, random: () => 0.5 })).toBe(2000);
  });

  it("never answers 0 for a retry that is allowed (0 means give up)", () => {
    expect(retryDelay({ attempt: 1, decision: transient, options, random: () => 0 })).toBe(1);
  });

  it("caps a single delay at maxDelayMs", () => {
    const long = { ...options, maxAttempts: 20, maxElapsedMs: 10_000_000 };
    expect(retryDelay({ attempt: 12, decision: transient, options: long, random: top })).toBe(30_000);
  });

  it("gives up after maxAttempts requests", () => {
    expect(retryDelay({ attempt: 5, decision: transient, options, random: top })).toBeGreaterThan(0);
    expect(retryDelay({ attempt: 6, decision: transient, options, random: top })).toBe(0);
  });

  it("gives up when the wait would end past the row's time budget", () => {
    expect(retryDelay({ attempt: 5, decision: transient, options, elapsedMs: 104_000, random: top })).toBe(
      16_000,
    );
    expect(retryDelay({ attempt: 5, decision: transient, options, elapsedMs: 104_001, random: top })).toBe(0);
  });

  it("keeps the default schedule of 6 attempts well inside 2 minutes", () => {
    let elapsed = 0;
    let attempt = 1;
    for (; ; attempt++) {
      const delay = retryDelay({ attempt, decision: transient, options, elapsedMs: elapsed, random: top });
      if (delay === 0) break;
      elapsed += delay;
    }
    expect(attempt).toBe(6);
    expect(elapsed).toBeLessThanOrEqual(120_000);
  });

  it("honours Retry-After exactly, and gives up when it asks for longer than maxDelayMs", () => {
    const later = { ...transient, retryAfterMs: 7000 };
    expect(retryDelay({ attempt: 1, decision: later, options, random: () => 0 })).toBe(7000);
    const tooLate = { ...transient, retryAfterMs: 31_000 };
    expect(retryDelay({ attempt: 1, decision: tooLate, options })).toBe(0);
  });

  it("grows decorrelated jitter from the previous delay, between base and 3x previous", () => {
    const decorrelated = { ...options, jitter: "decorrelated" as const };
    expect(
      retryDelay({
        attempt: 2,
        decision: transient,
        options: decorrelated,
        previousDelayMs: 2000,
        random: top,
      }),
    ).toBe(6000);
    expect(
      retryDelay({
        attempt: 2,
        decision: transient,
        options: decorrelated,
        previousDelayMs: 2000,
        random: () => 0,
      }),
    ).toBe(1000);
    expect(
      retryDelay({
        attempt: 2,
        decision: transient,
        options: decorrelated,
        previousDelayMs: 20_000,
        random: top,
      }),
    ).toBe(30_000);
  });

  it("waits the long delay for 10007 a bounded number of rounds, whatever the attempt count or time spent", () => {
    const later: Decision = { action: "retry-later", code: 10007, message: "Слишком частые запросы" };
    expect(retryDelay({ attempt: 9, decision: later, options, laterRounds: 1, elapsedMs: 999_999 })).toBe(
      60_000,
    );
    expect(retryDelay({ attempt: 9, decision: later, options, laterRounds: 2 })).toBe(60_000);
    expect(retryDelay({ attempt: 9, decision: later, options, laterRounds: 3 })).toBe(0);
  });

  it("never retries what is not transient", () => {
    const others: Decision[] = [
      { action: "done", requestId: 1 },
      { action: "fail", code: 10006, message: "x" },
      { action: "unknown", code: "ECONNRESET", message: "x" },
      { action: "stop-route", code: 10003, message: "x" },
      { action: "stop-campaign", code: 10001, message: "x", advice: "y" },
    ];
    for (const decision of others) expect(retryDelay({ attempt: 1, decision, options })).toBe(0);
  });
});

describe("retryOptions", () => {
  it("fills defaults and keeps what is given", () => {
    expect(retryOptions({ maxAttempts: 3 })).toEqual({ ...DEFAULT_RETRY_OPTIONS, maxAttempts: 3 });
  });

  it("refuses negative, fractional or infinite values", () => {
    expect(() => retryOptions({ maxAttempts: 1.5 })).toThrow(RangeError);
    expect(() => retryOptions({ baseDelayMs: -1 })).toThrow(RangeError);
    expect(() => retryOptions({ maxElapsedMs: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});
