import fc from "fast-check";
import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { cachedZone } from "../../src/time/cached-zone.js";

const ZONES = [
  "Europe/Moscow",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Asia/Kathmandu",
];

describe("cachedZone", () => {
  it("gives the same offset as luxon's own zone at any moment from 1990 to 2040", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (name, ts) => {
          expect(cachedZone(name).offset(ts)).toBe(IANAZone.create(name).offset(ts));
          // The same bucket again, answered from the memo.
          expect(cachedZone(name).offset(ts + 1)).toBe(IANAZone.create(name).offset(ts + 1));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("is exact on both sides of a clock change", () => {
    // Berlin, 2026-03-29 01:00 UTC: +01:00 becomes +02:00.
    const change = Date.UTC(2026, 2, 29, 1, 0, 0);
    expect(cachedZone("Europe/Berlin").offset(change - 1)).toBe(60);
    expect(cachedZone("Europe/Berlin").offset(change)).toBe(120);
  });

  it("is exact every 5 minutes of every day with a clock change, 2020-2030, and on the days around it", () => {
    const DAY = 24 * 60 * 60 * 1000;
    for (const name of ZONES) {
      const real = IANAZone.create(name);
      const days: number[] = [];
      for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2030, 0, 1); day += DAY) {
        if (real.offset(day) !== real.offset(day + DAY - 1)) days.push(day);
      }
      // Moscow has kept +03:00 since 2014; every other zone here changes its clocks twice a year.
      expect(days.length).toBe(
        name === "Europe/Moscow" || name === "Asia/Kolkata" || name === "Asia/Kathmandu" ? 0 : 20,
      );
      for (const day of days) {
        for (let ts = day - DAY; ts < day + 2 * DAY; ts += 5 * 60 * 1000) {
          if (cachedZone(name).offset(ts) !== real.offset(ts)) {
            throw new Error(
              `${name} at ${new Date(ts).toISOString()}: ${cachedZone(name).offset(ts)} vs ${real.offset(ts)}`,
            );
          }
        }
      }
    }
  });

  it("keeps an invalid name invalid", () => {
    expect(cachedZone("Mars/Olympus").isValid).toBe(false);
  });
});
