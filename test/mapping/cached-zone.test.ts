import fc from "fast-check";
import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { cachedZone } from "../../src/mapping/cached-zone.js";

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

  it("keeps an invalid name invalid", () => {
    expect(cachedZone("Mars/Olympus").isValid).toBe(false);
  });
});
