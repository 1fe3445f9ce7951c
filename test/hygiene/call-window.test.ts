import { describe, expect, it } from "vitest";
import {
  type CallWindow,
  callWindowTimezone,
  closesAt,
  isOpen,
  nextOpening,
} from "../../src/hygiene/call-window.js";

/** Instants are written with their offset, independently of the code under test. */
const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${iso}`);
  return ms;
};
const iso = (ms: number): string => new Date(ms).toISOString();

const WORKDAYS: CallWindow = { from: "09:00", to: "20:00", days: ["mon", "tue", "wed", "thu", "fri"] };
const EVERY_DAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

// 2026-03-02 is a Monday; 2026-03-06 a Friday; 2026-03-07 a Saturday.
describe("isOpen / nextOpening / closesAt, Europe/Moscow (UTC+3), 09:00-20:00 on weekdays", () => {
  const zone = "Europe/Moscow";
  it.each([
    ["Mon 08:59:59.999", "2026-03-02T08:59:59.999+03:00", false, "2026-03-02T09:00:00+03:00", null],
    ["Mon 09:00 exactly", "2026-03-02T09:00:00+03:00", true, null, "2026-03-02T20:00:00+03:00"],
    ["Mon 13:15", "2026-03-02T13:15:00+03:00", true, null, "2026-03-02T20:00:00+03:00"],
    ["Mon 19:59:59.999", "2026-03-02T19:59:59.999+03:00", true, null, "2026-03-02T20:00:00+03:00"],
    ["Mon 20:00 exactly", "2026-03-02T20:00:00+03:00", false, "2026-03-03T09:00:00+03:00", null],
    ["Wed 00:00", "2026-03-04T00:00:00+03:00", false, "2026-03-04T09:00:00+03:00", null],
    ["Fri 20:00", "2026-03-06T20:00:00+03:00", false, "2026-03-09T09:00:00+03:00", null],
    ["Sat 12:00", "2026-03-07T12:00:00+03:00", false, "2026-03-09T09:00:00+03:00", null],
    ["Sun 23:59:59", "2026-03-08T23:59:59+03:00", false, "2026-03-09T09:00:00+03:00", null],
  ])("%s", (_name, nowIso, open, opening, closing) => {
    const now = at(nowIso);
    expect(isOpen(WORKDAYS, zone, now)).toBe(open);
    expect(iso(nextOpening(WORKDAYS, zone, now))).toBe(iso(opening === null ? now : at(opening)));
    expect(iso(closesAt(WORKDAYS, zone, now))).toBe(iso(closing === null ? now : at(closing)));
  });
});

describe("the window is read on the campaign zone's wall clock", () => {
  // Monday 00:30 UTC: Monday 10:30 in Vladivostok (UTC+10), Monday 03:30 in Moscow.
  const now = at("2026-03-02T00:30:00Z");

  it("is open in Asia/Vladivostok and closed in Europe/Moscow at the same instant", () => {
    expect(isOpen(WORKDAYS, "Asia/Vladivostok", now)).toBe(true);
    expect(isOpen(WORKDAYS, "Europe/Moscow", now)).toBe(false);
    expect(iso(closesAt(WORKDAYS, "Asia/Vladivostok", now))).toBe("2026-03-02T10:00:00.000Z");
    expect(iso(nextOpening(WORKDAYS, "Europe/Moscow", now))).toBe("2026-03-02T06:00:00.000Z");
  });

  it("uses the zone's weekday: Monday 09:30 in Vladivostok is still Sunday in UTC", () => {
    expect(isOpen(WORKDAYS, "Asia/Vladivostok", at("2026-03-01T23:30:00Z"))).toBe(true);
    expect(isOpen(WORKDAYS, "UTC", at("2026-03-01T23:30:00Z"))).toBe(false);
  });

  it("reads the zone's offset of the time: Moscow was UTC+4 in 2013", () => {
    expect(iso(nextOpening(WORKDAYS, "Europe/Moscow", at("2013-07-01T00:00:00Z")))).toBe(
      "2013-07-01T05:00:00.000Z",
    );
  });

  it("falls back to calltouchTimezone when the campaign has no timezone", () => {
    expect(callWindowTimezone({ calltouchTimezone: "Europe/Moscow" })).toBe("Europe/Moscow");
    expect(callWindowTimezone({ timezone: "Asia/Vladivostok", calltouchTimezone: "Europe/Moscow" })).toBe(
      "Asia/Vladivostok",
    );
  });
});

describe("to: 24:00 and whole days", () => {
  const zone = "Europe/Moscow";
  const lateSaturday: CallWindow = { from: "22:00", to: "24:00", days: ["sat"] };

  it("is open until the last millisecond of the day and closed at midnight", () => {
    expect(isOpen(lateSaturday, zone, at("2026-03-07T23:59:59.999+03:00"))).toBe(true);
    expect(isOpen(lateSaturday, zone, at("2026-03-08T00:00:00+03:00"))).toBe(false);
    expect(iso(closesAt(lateSaturday, zone, at("2026-03-07T22:00:00+03:00")))).toBe(
      iso(at("2026-03-08T00:00:00+03:00")),
    );
    expect(iso(nextOpening(lateSaturday, zone, at("2026-03-08T00:00:00+03:00")))).toBe(
      iso(at("2026-03-14T22:00:00+03:00")),
    );
  });

  it("runs across midnight when whole days follow each other", () => {
    const weekend: CallWindow = { from: "00:00", to: "24:00", days: ["sat", "sun"] };
    expect(iso(closesAt(weekend, zone, at("2026-03-07T10:00:00+03:00")))).toBe(
      iso(at("2026-03-09T00:00:00+03:00")),
    );
    expect(iso(nextOpening(weekend, zone, at("2026-03-04T15:00:00+03:00")))).toBe(
      iso(at("2026-03-07T00:00:00+03:00")),
    );
  });

  it("never closes when open all day every day", () => {
    const always: CallWindow = { from: "00:00", to: "24:00", days: EVERY_DAY };
    const now = at("2026-03-04T15:00:00+03:00");
    expect(isOpen(always, zone, now)).toBe(true);
    expect(nextOpening(always, zone, now)).toBe(now);
    expect(closesAt(always, zone, now)).toBe(Number.POSITIVE_INFINITY);
  });
});

// Berlin: 2026-03-29 02:00 CET -> 03:00 CEST (01:00 UTC); 2026-10-25 03:00 CEST -> 02:00 CET (01:00 UTC).
describe("Europe/Berlin across daylight-saving changes", () => {
  const zone = "Europe/Berlin";
  const everyDay: CallWindow = { from: "09:00", to: "20:00", days: EVERY_DAY };

  it("opens at 09:00 summer time on the morning after the clocks went forward", () => {
    const now = at("2026-03-28T20:00:00+01:00");
    expect(iso(nextOpening(everyDay, zone, now))).toBe("2026-03-29T07:00:00.000Z");
    expect(iso(closesAt(everyDay, zone, at("2026-03-29T07:00:00Z")))).toBe("2026-03-29T18:00:00.000Z");
  });

  it("opens at 09:00 winter time on the Monday after the clocks went back", () => {
    expect(iso(nextOpening(WORKDAYS, zone, at("2026-10-23T20:00:00+02:00")))).toBe(
      "2026-10-26T08:00:00.000Z",
    );
  });

  it("opens at the jump when clocks skip over from (02:30 does not exist on 29 March)", () => {
    const night: CallWindow = { from: "02:30", to: "04:00", days: ["sun"] };
    const before = at("2026-03-29T01:30:00+01:00");
    expect(isOpen(night, zone, before)).toBe(false);
    expect(iso(nextOpening(night, zone, before))).toBe("2026-03-29T01:00:00.000Z");
    expect(isOpen(night, zone, at("2026-03-29T00:59:59.999Z"))).toBe(false);
    expect(iso(closesAt(night, zone, at("2026-03-29T01:00:00Z")))).toBe("2026-03-29T02:00:00.000Z");
  });

  it("opens a second time in the hour the clocks repeat", () => {
    const repeated: CallWindow = { from: "02:00", to: "02:30", days: ["sun"] };
    const firstTime = at("2026-10-25T02:00:00+02:00");
    expect(iso(closesAt(repeated, zone, firstTime))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(nextOpening(repeated, zone, at("2026-10-25T00:30:00Z")))).toBe("2026-10-25T01:00:00.000Z");
    expect(iso(closesAt(repeated, zone, at("2026-10-25T01:00:00Z")))).toBe("2026-10-25T01:30:00.000Z");
    expect(iso(nextOpening(repeated, zone, at("2026-10-25T01:30:00Z")))).toBe("2026-11-01T01:00:00.000Z");
  });
});

describe("programming errors are refused, not guessed at", () => {
  it.each([
    [
      { from: "20:00", to: "09:00", days: ["mon"] },
      "a call window's from (20:00) must be earlier than its to (09:00)",
    ],
    [{ from: "9", to: "20:00", days: ["mon"] }, 'expected a time of day such as "09:00", got "9"'],
    [{ from: "09:00", to: "24:30", days: ["mon"] }, 'expected a time of day such as "09:00", got "24:30"'],
    [{ from: "09:00", to: "20:00", days: [] }, "a call window needs at least one weekday"],
    [{ from: "09:00", to: "20:00", days: ["monday"] }, 'unknown weekday "monday" in a call window'],
  ])("%j", (window, message) => {
    expect(() => isOpen(window as CallWindow, "Europe/Moscow", 0)).toThrow(new RangeError(message));
  });

  it("refuses an unknown time zone", () => {
    expect(() => nextOpening(WORKDAYS, "Mars/Olympus", 0)).toThrow(
      new RangeError('unknown time zone "Mars/Olympus"'),
    );
  });
});
