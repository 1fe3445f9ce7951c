import { describe, expect, it } from "vitest";
import type { ScheduleOptions } from "../../src/mapping/schedule.js";
import { parseScheduleTime } from "../../src/mapping/schedule.js";
import type { Cell } from "../../src/sources/types.js";
import { english } from "../english.js";

const MOSCOW: ScheduleOptions = { timezone: "Europe/Moscow", calltouchTimezone: "Europe/Moscow" };
const EXAMPLE = "01.02.2026 10:00 or 2026-02-01 10:00";

describe("parseScheduleTime accepts", () => {
  it.each<[Cell, string]>([
    [{ type: "date", wallClock: "2026-02-01T17:10:00" }, "2026-02-01 17:10:00"],
    ["01.02.2026 17:10", "2026-02-01 17:10:00"],
    ["01.02.2026 17:10:05", "2026-02-01 17:10:05"],
    ["1.2.2026 9:05", "2026-02-01 09:05:00"],
    ["01.02.26 17:10", "2026-02-01 17:10:00"],
    ["01.02.2026, 17:10", "2026-02-01 17:10:00"],
    ["2026-02-01 17:10", "2026-02-01 17:10:00"],
    ["2026-02-01 17:10:05", "2026-02-01 17:10:05"],
    ["2026-02-01T17:10:05", "2026-02-01 17:10:05"],
    ["2026-02-01T17:10:05.499", "2026-02-01 17:10:05"],
    ["2026-02-01T17:10:59.5", "2026-02-01 17:11:00"],
    ["  29.02.2028 08:00  ", "2028-02-29 08:00:00"],
  ])("%j -> %s", (cell, value) => {
    expect(english(parseScheduleTime(cell, MOSCOW))).toEqual({ ok: true, value });
  });

  it.each([
    ["2026-02-01T17:10:00Z", "2026-02-01 20:10:00"],
    ["2026-02-01T17:10:00+05:00", "2026-02-01 15:10:00"],
    ["2026-02-01 17:10+0500", "2026-02-01 15:10:00"],
    ["2026-02-01T17:10:00.700+03:00", "2026-02-01 17:10:01"],
    ["2026-02-01T17:10:00,2-01", "2026-02-01 21:10:00"],
  ])("ISO 8601 with an offset: the offset wins over timezone: %s -> %s", (text, value) => {
    expect(english(parseScheduleTime(text, { ...MOSCOW, timezone: "Asia/Vladivostok" }))).toEqual({
      ok: true,
      value,
    });
  });

  it("reads a time without offset in `timezone` and sends it in `calltouchTimezone`", () => {
    const options = { timezone: "Asia/Yekaterinburg", calltouchTimezone: "Europe/Moscow" };
    expect(english(parseScheduleTime("01.02.2026 12:00", options))).toEqual({
      ok: true,
      value: "2026-02-01 10:00:00",
    });
    expect(english(parseScheduleTime({ type: "date", wallClock: "2026-02-01T12:00:00" }, options))).toEqual({
      ok: true,
      value: "2026-02-01 10:00:00",
    });
  });

  it("writes the campaign's wire format dd-mm-yyyy hh:mm:ss when asked", () => {
    expect(
      english(parseScheduleTime("2026-02-01 17:10", { ...MOSCOW, format: "dd-mm-yyyy hh:mm:ss" })),
    ).toEqual({
      ok: true,
      value: "01-02-2026 17:10:00",
    });
  });

  it("reads a time that happens twice (clocks moved back) as the later one, standard time", () => {
    const berlin = { timezone: "Europe/Berlin", calltouchTimezone: "UTC" };
    expect(english(parseScheduleTime("25.10.2026 02:30", berlin))).toEqual({
      ok: true,
      value: "2026-10-25 01:30:00",
    });
  });
});

describe("parseScheduleTime refuses", () => {
  it.each<[Cell, string]>([
    ["31.02.2026 10:00", '"31.02.2026 10:00" is not a real date and time'],
    ["29.02.2026 10:00", '"29.02.2026 10:00" is not a real date and time'],
    ["01.13.2026 10:00", '"01.13.2026 10:00" is not a real date and time'],
    ["01.02.2026 25:00", '"01.02.2026 25:00" is not a real date and time'],
    ["01.02.2026 24:00", '"01.02.2026 24:00" is not a real date and time'],
    ["2026-02-01 10:60", '"2026-02-01 10:60" is not a real date and time'],
    ["2026-02-30T10:00:00Z", '"2026-02-30T10:00:00Z" is not a real date and time'],
    [{ type: "date", wallClock: "2026-02-31T10:00:00" }, '"2026-02-31 10:00:00" is not a real date and time'],
    ["01.02.2026", '"01.02.2026" has no time of day; write it as 01.02.2026 10:00'],
    ["2026-02-01", '"2026-02-01" has no time of day; write it as 2026-02-01 10:00'],
    ["завтра утром", `expected a date and time such as ${EXAMPLE}, got "завтра утром"`],
    [
      46054.5,
      `expected a date and time such as ${EXAMPLE}, got the number 46054.5; format the column as a date`,
    ],
    [true, `expected a date and time such as ${EXAMPLE}, got TRUE`],
    [{ type: "error", text: "#VALUE!" }, "the cell shows an error (#VALUE!)"],
    ["  ", "scheduleTime is empty"],
  ])("%j: %s", (cell, message) => {
    expect(english(parseScheduleTime(cell, MOSCOW))).toEqual({ ok: false, message });
  });

  it("refuses a wall-clock time that does not exist in `timezone` (clocks moved forward) instead of shifting it", () => {
    const berlin = { timezone: "Europe/Berlin", calltouchTimezone: "Europe/Moscow" };
    expect(english(parseScheduleTime("29.03.2026 02:30", berlin))).toEqual({
      ok: false,
      message: '"29.03.2026 02:30" does not exist in Europe/Berlin: the clocks were moved forward then',
    });
    expect(english(parseScheduleTime("29.03.2026 03:30", berlin))).toEqual({
      ok: true,
      value: "2026-03-29 04:30:00",
    });
  });
});

describe("parseScheduleTime and the past", () => {
  const now = Date.parse("2026-02-01T12:00:00Z"); // 15:00 in Moscow

  it("judges the past only when `now` is given, and a past time is still a valid one", () => {
    expect(english(parseScheduleTime("01.02.2026 14:59", MOSCOW))).toEqual({
      ok: true,
      value: "2026-02-01 14:59:00",
    });
    expect(english(parseScheduleTime("01.02.2026 14:59", { ...MOSCOW, now }))).toEqual({
      ok: true,
      value: "2026-02-01 14:59:00",
      past: true,
    });
    expect(english(parseScheduleTime("01.02.2026 15:00", { ...MOSCOW, now }))).toEqual({
      ok: true,
      value: "2026-02-01 15:00:00",
    });
  });

  it("judges it after the memo: the same text is past for one `now` and not for an earlier one", () => {
    const text = "02.02.2026 09:00";
    expect(english(parseScheduleTime(text, MOSCOW))).toEqual({ ok: true, value: "2026-02-02 09:00:00" });
    expect(
      english(parseScheduleTime(text, { ...MOSCOW, now: Date.parse("2026-02-03T00:00:00Z") })),
    ).toMatchObject({
      past: true,
    });
    expect(english(parseScheduleTime(text, { ...MOSCOW, now }))).toEqual({
      ok: true,
      value: "2026-02-02 09:00:00",
    });
  });
});

describe("parseScheduleTime's memo", () => {
  it("answers the same text again from the memo, separately for each pair of zones and format", () => {
    const text = "14.03.2026 09:30";
    const yekaterinburg: ScheduleOptions = {
      timezone: "Asia/Yekaterinburg",
      calltouchTimezone: "Europe/Moscow",
    };
    const dashed: ScheduleOptions = { ...MOSCOW, format: "dd-mm-yyyy hh:mm:ss" };
    for (let round = 0; round < 2; round++) {
      expect(english(parseScheduleTime(text, MOSCOW))).toEqual({ ok: true, value: "2026-03-14 09:30:00" });
      expect(english(parseScheduleTime(text, yekaterinburg))).toEqual({
        ok: true,
        value: "2026-03-14 07:30:00",
      });
      expect(english(parseScheduleTime(text, dashed))).toEqual({ ok: true, value: "14-03-2026 09:30:00" });
    }
    // The second answer is the memoised one: the same object.
    expect(parseScheduleTime(text, MOSCOW)).toBe(parseScheduleTime(text, MOSCOW));
  });

  it("keeps date cells apart from text, and a cell's text is never confused with another's", () => {
    const date: Cell = { type: "date", wallClock: "2026-03-14T09:30:00" };
    expect(english(parseScheduleTime(date, MOSCOW))).toEqual({ ok: true, value: "2026-03-14 09:30:00" });
    // The same characters as text are an ISO local time: accepted too, from their own memo entry.
    expect(english(parseScheduleTime("2026-03-14T09:30:00", MOSCOW))).toEqual({
      ok: true,
      value: "2026-03-14 09:30:00",
    });
    expect(english(parseScheduleTime("2026-03-14", MOSCOW))).toMatchObject({ ok: false });
    expect(english(parseScheduleTime({ type: "date", wallClock: "2026-03-14T09:31:00" }, MOSCOW))).toEqual({
      ok: true,
      value: "2026-03-14 09:31:00",
    });
  });
});

describe("a date cell at midnight", () => {
  const NO_TIME = '"01.02.2026" has no time of day; write it as 01.02.2026 10:00';

  it("is refused like the same date written as text when its format shows no time, or is unknown", () => {
    expect(english(parseScheduleTime("01.02.2026", MOSCOW))).toEqual({ ok: false, message: NO_TIME });
    for (const cell of [
      { type: "date", wallClock: "2026-02-01T00:00:00", showsTime: false },
      { type: "date", wallClock: "2026-02-01T00:00:00" },
    ] as const) {
      expect(english(parseScheduleTime(cell, MOSCOW))).toEqual({ ok: false, message: NO_TIME });
    }
  });

  it("is a real midnight when the cell's format shows a time (dd.mm.yyyy hh:mm)", () => {
    const cell: Cell = { type: "date", wallClock: "2026-02-01T00:00:00", showsTime: true };
    expect(english(parseScheduleTime(cell, MOSCOW))).toEqual({ ok: true, value: "2026-02-01 00:00:00" });
    // The same wall clock, asked again the other way round: no memo mixes the two up.
    expect(parseScheduleTime({ ...cell, showsTime: false }, MOSCOW).ok).toBe(false);
    expect(parseScheduleTime(cell, MOSCOW).ok).toBe(true);
  });
});
