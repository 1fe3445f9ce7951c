import { afterEach, describe, expect, it } from "vitest";
import { isoWithOffset } from "../../src/dispatch/local-time.js";

const original = process.env.TZ;

afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe("isoWithOffset", () => {
  it.each([
    ["Europe/Moscow", Date.UTC(2026, 10, 25, 15, 40, 0), "2026-11-25T18:40:00+03:00"],
    ["UTC", Date.UTC(2026, 10, 25, 15, 40, 9, 999), "2026-11-25T15:40:09+00:00"],
    ["Asia/Kolkata", Date.UTC(2026, 0, 1, 0, 0, 0), "2026-01-01T05:30:00+05:30"],
    ["America/St_Johns", Date.UTC(2026, 0, 15, 12, 0, 0), "2026-01-15T08:30:00-03:30"],
    ["America/New_York", Date.UTC(2026, 6, 1, 3, 5, 7), "2026-06-30T23:05:07-04:00"],
    ["America/New_York", Date.UTC(2026, 0, 1, 3, 5, 7), "2025-12-31T22:05:07-05:00"],
    ["Asia/Kamchatka", Date.UTC(2026, 11, 31, 12, 0, 0), "2027-01-01T00:00:00+12:00"],
  ])("in %s writes local wall time with that instant's offset", (zone, instant, expected) => {
    process.env.TZ = zone;
    expect(isoWithOffset(instant)).toBe(expected);
    // Round-trips to the same instant (to the second).
    expect(Date.parse(expected)).toBe(Math.floor(instant / 1000) * 1000);
  });
});
