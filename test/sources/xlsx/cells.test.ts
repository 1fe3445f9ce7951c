import { describe, expect, it } from "vitest";
import { columnLetter } from "../../../src/sources/column-letter.js";
import { headerText } from "../../../src/sources/grid-headers.js";
import {
  columnIndexOf,
  decodeOoxmlEscapes,
  formatShowsTime,
  isDateFormat,
  isoToWallClock,
  serialToWallClock,
} from "../../../src/sources/xlsx/cells.js";

describe("serialToWallClock", () => {
  it.each([
    // LibreOffice writes 11:00 as ...4583333333, which is 10:59:59.9997: rounded, not truncated.
    [46724.4583333333, "2027-12-03T11:00:00"],
    [46724.395833333336, "2027-12-03T09:30:00"],
    [46724, "2027-12-03T00:00:00"],
    // 0.99999 of a day is 23:59:59.1: nearest second; 0.999999 rounds over midnight.
    [46724.99999, "2027-12-03T23:59:59"],
    [46724.999999, "2027-12-04T00:00:00"],
    // A pure time (serial below 1) sits on the null date LibreOffice and OLE use.
    [0.395833333333333, "1899-12-30T09:30:00"],
    // Excel's Lotus-compatible 1900: serial 1 is 1900-01-01, 60 the non-existent 29 February.
    [1, "1900-01-01T00:00:00"],
    [59, "1900-02-28T00:00:00"],
    [60.5, "1900-02-29T12:00:00"],
    [61, "1900-03-01T00:00:00"],
  ])("1900 system: %s is %s", (serial, expected) => {
    expect(serialToWallClock(serial, false)).toBe(expected);
  });

  it.each([
    [0, "1904-01-01T00:00:00"],
    [45262.4583333333, "2027-12-03T11:00:00"],
  ])("1904 system: %s is %s", (serial, expected) => {
    expect(serialToWallClock(serial, true)).toBe(expected);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 3_000_000])(
    "%s is no date a spreadsheet shows",
    (serial) => {
      expect(serialToWallClock(serial, false)).toBeUndefined();
    },
  );
});

describe("isDateFormat", () => {
  it.each([
    "mm-dd-yy",
    "dd\\.mm\\.yyyy\\ hh:mm",
    "DD.MM.YYYY HH:MM:SS",
    "h:mm AM/PM",
    "hh:mm:ss.000",
    "[h]:mm:ss",
    "[$-419]d mmmm yyyy",
    "[$-F800]dddd, mmmm dd, yyyy",
    'yyyy"г."',
  ])("%s is a date format", (code) => {
    expect(isDateFormat(code)).toBe(true);
  });

  it.each([
    "",
    "General",
    "0",
    "0.00",
    '#,##0.00\\ "₽"',
    '_-* #,##0.00 "руб."_-;\\-* #,##0.00 "руб."_-',
    "0.00E+00",
    "@",
    '0" дней"',
    "[Red]0.00",
    "\\d0",
  ])("%s is not a date format", (code) => {
    expect(isDateFormat(code)).toBe(false);
  });
});

describe("cell references", () => {
  it.each([
    ["A1", 0],
    ["Z9", 25],
    ["AA10", 26],
    ["XFD1048576", 16383],
    ["b2", 1],
    ["12", -1],
  ])("%s is column %i", (ref, index) => {
    expect(columnIndexOf(ref)).toBe(index);
  });

  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndexOf(`${letters}1`)).toBe(index);
  });
});

describe("decodeOoxmlEscapes", () => {
  it("turns _xHHHH_ into the character and keeps an escaped literal _x", () => {
    expect(decodeOoxmlEscapes("строка_x000D__x000A_вторая")).toBe("строка\r\nвторая");
    expect(decodeOoxmlEscapes("_x005F_x0041_")).toBe("_x0041_");
    expect(decodeOoxmlEscapes("user_xname")).toBe("user_xname");
  });
});

describe("isoToWallClock", () => {
  it.each([
    ["2025-12-01T11:00:00.000", "2025-12-01T11:00:00"],
    ["2025-12-01T10:59:59.9997", "2025-12-01T11:00:00"],
    ["2025-12-01", "2025-12-01T00:00:00"],
    ["2025-12-01T11:00:00Z", "2025-12-01T11:00:00"],
  ])("%s is %s", (text, expected) => {
    expect(isoToWallClock(text)).toBe(expected);
  });

  it.each(["2025-02-31", "01.12.2025", "завтра"])("%s is not an ISO date", (text) => {
    expect(isoToWallClock(text)).toBeUndefined();
  });
});

describe("headerText", () => {
  it("reads a header cell as the text a person sees", () => {
    expect(headerText("  Телефон ")).toBe("Телефон");
    expect(headerText(2025)).toBe("2025");
    expect(headerText(true)).toBe("TRUE");
    expect(headerText({ type: "date", wallClock: "2025-12-01T00:00:00" })).toBe("2025-12-01");
    expect(headerText({ type: "date", wallClock: "2025-12-01T11:00:00" })).toBe("2025-12-01 11:00:00");
    expect(headerText({ type: "error", text: "#N/A" })).toBe("#N/A");
    expect(headerText(null)).toBe("");
  });
});

describe("formatShowsTime", () => {
  it.each([
    ["dd.mm.yyyy hh:mm", true],
    ["dd\\.mm\\.yyyy\\ hh:mm", true],
    ["m/d/yy h:mm", true],
    ["h:mm AM/PM", true],
    ["[h]:mm", true],
    ["mm:ss", true],
    ["dd.mm.yyyy", false],
    ["mm-dd-yy", false],
    ['dd.mm.yyyy "в" "h"', false],
    ["d mmmm yyyy", false],
  ])("%s -> %s", (code, shows) => {
    expect(formatShowsTime(code)).toBe(shows);
  });
});
