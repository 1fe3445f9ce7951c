import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CallWindow,
  closesAt,
  isOpen,
  nextOpening,
  type Weekday,
} from "../../src/hygiene/call-window.js";

/**
 * Whatever the window, the zone and the instant: nextOpening is open, the millisecond before it is
 * closed, and nothing between `now` and it is open (checked minute by minute); closesAt likewise the
 * other way round. Zones include half-hour offsets and Lord Howe's half-hour daylight saving.
 */
const ZONES = [
  "Europe/Moscow",
  "Asia/Vladivostok",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "America/Santiago",
];
const DAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const MINUTE = 60_000;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const windowArb: fc.Arbitrary<CallWindow> = fc
  .record({
    // Whole hours and half hours near DST changes are more interesting than uniform minutes.
    from: fc.oneof(
      fc.integer({ min: 0, max: 1439 }),
      fc.integer({ min: 0, max: 47 }).map((h) => h * 30),
    ),
    length: fc.integer({ min: 1, max: 1440 }),
    days: fc.subarray([...DAYS], { minLength: 1 }),
  })
  .map(({ from, length, days }) => ({
    from: hhmm(from),
    to: hhmm(Math.min(1440, from + length)),
    days,
  }));

// 2020-01-01 .. 2035-12-31, and the days around Berlin's and New York's changes in 2026.
const nowArb = fc.oneof(
  fc.integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2035-12-31T00:00:00Z") }),
  fc.integer({ min: Date.parse("2026-03-06T00:00:00Z"), max: Date.parse("2026-03-30T00:00:00Z") }),
  fc.integer({ min: Date.parse("2026-10-22T00:00:00Z"), max: Date.parse("2026-11-02T00:00:00Z") }),
);

/**
 * Windows that start or end in the night hours in which clocks change, asked about in the day before
 * a change: random instants over 15 years would almost never land there.
 */
const CHANGES: readonly { zone: string; day: string }[] = [
  { zone: "Europe/Berlin", day: "2026-03-29" },
  { zone: "Europe/Berlin", day: "2026-10-25" },
  { zone: "America/New_York", day: "2026-03-08" },
  { zone: "America/New_York", day: "2026-11-01" },
  { zone: "Australia/Lord_Howe", day: "2026-04-05" },
  { zone: "Australia/Lord_Howe", day: "2026-10-04" },
  // Chile changes clocks at midnight: the day starts at 01:00, or midnight comes twice.
  { zone: "America/Santiago", day: "2026-04-05" },
  { zone: "America/Santiago", day: "2026-09-06" },
];
const nightArb = fc.record({
  change: fc.constantFrom(...CHANGES),
  from: fc.integer({ min: 0, max: 16 }).map((quarter) => quarter * 15),
  length: fc.integer({ min: 1, max: 12 }).map((quarters) => quarters * 15),
  // Every change above falls on a Sunday: keep it in the window, so the answer is near the change.
  days: fc.subarray([...DAYS]).map((days): Weekday[] => (days.includes("sun") ? days : [...days, "sun"])),
  before: fc.integer({ min: -30 * 3_600_000, max: 6 * 3_600_000 }),
});

function noneBetween(window: CallWindow, zone: string, start: number, end: number, open: boolean): void {
  for (let t = start; t < end; t += MINUTE) {
    if (isOpen(window, zone, t) === open) {
      throw new Error(`${new Date(t).toISOString()} is ${open ? "open" : "closed"} before the answer`);
    }
  }
}

describe("call window properties", () => {
  it("nextOpening is open, and nothing between now and it is", () => {
    fc.assert(
      fc.property(windowArb, fc.constantFrom(...ZONES), nowArb, (window, zone, now) => {
        const opening = nextOpening(window, zone, now);
        expect(opening).toBeGreaterThanOrEqual(now);
        expect(isOpen(window, zone, opening)).toBe(true);
        if (opening > now) expect(isOpen(window, zone, opening - 1)).toBe(false);
        noneBetween(window, zone, now, opening, true);
      }),
      { numRuns: 100 },
    );
  });

  it("closesAt is closed, and everything between now and it is open", () => {
    fc.assert(
      fc.property(windowArb, fc.constantFrom(...ZONES), nowArb, (window, zone, now) => {
        const closing = closesAt(window, zone, now);
        expect(closing).toBeGreaterThanOrEqual(now);
        if (closing === Number.POSITIVE_INFINITY) {
          expect(window.from === "00:00" && window.to === "24:00" && window.days.length === 7).toBe(true);
          return;
        }
        expect(isOpen(window, zone, closing)).toBe(false);
        if (closing > now) expect(isOpen(window, zone, closing - 1)).toBe(true);
        noneBetween(window, zone, now, closing, false);
      }),
      { numRuns: 100 },
    );
  });

  it("holds around daylight-saving changes, for windows in the night hours", () => {
    fc.assert(
      fc.property(nightArb, ({ change, from, length, days, before }) => {
        const window = { from: hhmm(from), to: hhmm(from + length), days };
        const now = Date.parse(`${change.day}T00:00:00Z`) + before;
        const opening = nextOpening(window, change.zone, now);
        expect(isOpen(window, change.zone, opening)).toBe(true);
        if (opening > now) expect(isOpen(window, change.zone, opening - 1)).toBe(false);
        noneBetween(window, change.zone, now, opening, true);
        const closing = closesAt(window, change.zone, opening);
        expect(isOpen(window, change.zone, closing)).toBe(false);
        expect(isOpen(window, change.zone, closing - 1)).toBe(true);
        noneBetween(window, change.zone, opening, closing, false);
      }),
      { numRuns: 150 },
    );
  });
});
