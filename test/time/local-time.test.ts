import { afterEach, describe, expect, it } from "vitest";
import { isoInZone, isoWithOffset } from "../../src/time/local-time.js";

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

describe("isoInZone: the same instant in the campaign's timezone", () => {
  it.each([
    ["2026-11-30T10:00:00+03:00", "Europe/Moscow", "2026-11-30T10:00:00+03:00"],
    ["2026-11-30T10:00:00+03:00", "Asia/Novosibirsk", "2026-11-30T14:00:00+07:00"],
    ["2026-11-30T07:00:00Z", "Asia/Kolkata", "2026-11-30T12:30:00+05:30"],
    ["2026-11-30T07:00:00Z", "America/New_York", "2026-11-30T02:00:00-05:00"],
    // Across Berlin's spring change: 00:59 UTC is 01:59+01:00, 01:00 UTC is 03:00+02:00.
    ["2026-03-29T00:59:00Z", "Europe/Berlin", "2026-03-29T01:59:00+01:00"],
    ["2026-03-29T01:00:00Z", "Europe/Berlin", "2026-03-29T03:00:00+02:00"],
  ])("%s in %s is %s", (iso, zone, expected) => {
    expect(isoInZone(iso, zone)).toBe(expected);
  });

  it("leaves text that is not a time as it is", () => {
    expect(isoInZone("not a time", "Europe/Moscow")).toBe("not a time");
  });
});
