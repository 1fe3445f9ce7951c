import { describe, expect, it } from "vitest";
import { serialWallClock } from "../../src/google-sheets/serial-date.js";
import { serialToWallClock } from "../../src/sources/xlsx/cells.js";
import { formatWallClock } from "../../src/time/wall-clock.js";

describe("formatWallClock", () => {
  it("writes the UTC fields of an instant as a zone-less wall clock, only for the years 1 to 9999", () => {
    expect(formatWallClock(Date.UTC(2027, 11, 1, 10, 30, 5))).toBe("2027-12-01T10:30:05");
    expect(formatWallClock(Date.parse("0000-12-31T23:59:59Z"))).toBeUndefined();
    expect(formatWallClock(Date.parse("0001-01-01T00:00:00Z"))).toBe("0001-01-01T00:00:00");
    expect(formatWallClock(Date.UTC(10_000, 0, 1))).toBeUndefined();
    expect(formatWallClock(Number.NaN)).toBeUndefined();
  });
});

describe("a date serial read from XLSX and from Google Sheets", () => {
  it("gives the same wall clock for the same serial after 1900-03-01, rounded to the second", () => {
    for (const serial of [61, 45991.4375, 46724.4583333333, 2958465.999988426]) {
      expect(serialWallClock(serial)).toBe(serialToWallClock(serial, false));
    }
    expect(serialWallClock(46724.4583333333)).toBe("2027-12-03T11:00:00");
  });

  it("counts Sheets serials from 1899-12-30 without Lotus's 1900-02-29, also before 1900", () => {
    expect(serialWallClock(60)).toBe("1900-02-28T00:00:00");
    expect(serialWallClock(-1)).toBe("1899-12-29T00:00:00");
    expect(serialWallClock(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});
