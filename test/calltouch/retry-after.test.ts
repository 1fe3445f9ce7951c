import { expect, it } from "vitest";
import { parseRetryAfter } from "../../src/calltouch/retry-after.js";

const NOW = Date.parse("2026-03-02T10:00:00Z");

it.each([
  ["1", 1000],
  [" 120 ", 120_000],
  ["0", 0],
  ["Mon, 02 Mar 2026 10:00:05 GMT", 5000],
  ["Mon, 02 Mar 2026 09:59:00 GMT", 0],
  [["2", "5"], 2000],
])("Retry-After %j is %i ms", (value, ms) => {
  expect(parseRetryAfter(value, NOW)).toBe(ms);
});

it.each([undefined, "", "soon", "-1", "1.5", "99999999999999999999"])(
  "Retry-After %j is ignored",
  (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  },
);
