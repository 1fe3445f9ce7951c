import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { say } from "../../src/i18n/catalog.js";
import { normalizePhone, phoneKey, SCIENTIFIC_NOTATION } from "../../src/mapping/phone.js";
import { russianNumberType, russianNumberTypeByLibrary } from "../../src/mapping/russian-ranges.js";
import type { Cell } from "../../src/sources/types.js";
import { english } from "../english.js";

const SCIENTIFIC_NOTATION_MESSAGE = say("en", SCIENTIFIC_NOTATION);

const LENGTH = "expected 11 digits starting with 7 or 8, or 10 digits";
const EXTENSION = "extensions cannot be dialed; write the number without its extension";
const fromCountry = (country: string) =>
  `only Russian numbers can be dialed (this looks like a number from ${country})`;

describe("normalizePhone accepts", () => {
  it.each<[Cell, string]>([
    ["+7 (999) 222-33-44", "79992223344"],
    ["8 999 222 33 44", "79992223344"],
    ["8(999)2223344", "79992223344"],
    ["9992223344", "79992223344"],
    ["79992223344", "79992223344"],
    ["+79992223344", "79992223344"],
    ["8-999-222-33-44", "79992223344"],
    ["8.999.222.33.44", "79992223344"],
    ["\u00a0+7\u00a0999\u00a0222\u201133\u201144 ", "79992223344"],
    ["tel:+79992223344", "79992223344"],
    ["79992223344.0", "79992223344"],
    ["0079992223344", "79992223344"],
    ["810 7 999 222 33 44", "79992223344"],
    [79992223344, "79992223344"],
    [9992223344, "79992223344"],
    [89992223344, "79992223344"],
    ["+7 495 123-45-67", "74951234567"],
    ["8 (812) 222-33-44", "78122223344"],
    ["(3952) 22-33-44", "73952223344"],
  ])("%j -> %s", (cell, phone) => {
    expect(normalizePhone(cell)).toEqual({ ok: true, phone });
  });
});

describe("normalizePhone refuses", () => {
  it.each<[Cell, string]>([
    [null, "phone is empty"],
    ["   ", "phone is empty"],
    ["8 800 123-45-67", "8-800 numbers cannot be dialed"],
    ["+7 800 555 35 35", "8-800 numbers cannot be dialed"],
    ["88041234567", "8-804 numbers cannot be dialed"],
    ["8 809 123 45 67", "8-809 numbers cannot be dialed"],
    ["999 222 33 4", `${LENGTH}; got 9`],
    ["799922233445", `${LENGTH}; got 12`],
    ["19992223344", `${LENGTH}; got 11 starting with 1`],
    ["7999222334", `${LENGTH}; got 10 starting with 7 (is a digit missing?)`],
    ["+7 999 222 33 4", "expected +7 and 10 more digits; got +7 and 9"],
    ["+375 29 123-45-67", fromCountry("Belarus")],
    ["+380 50 123 4567", fromCountry("Ukraine")],
    ["375291234567", fromCountry("Belarus")],
    ["+7 701 123 45 67", fromCountry("Kazakhstan")],
    ["87011234567", fromCountry("Kazakhstan")],
    ["+7 612 345 67 89", fromCountry("Kazakhstan")],
    ["+999 123", "only Russian numbers (+7) can be dialed"],
    ["+7 400 000 00 00", "not a Russian mobile or landline number (+7 400 000-00-00)"],
    ["+7 930 000 00 00", "not a Russian mobile or landline number (+7 930 000-00-00)"],
    ["7,99922E+10", SCIENTIFIC_NOTATION_MESSAGE],
    ["7.99922E+10", SCIENTIFIC_NOTATION_MESSAGE],
    ["7,99922e+10", SCIENTIFIC_NOTATION_MESSAGE],
    [" 7,99922E10 ", SCIENTIFIC_NOTATION_MESSAGE],
    ["+7 999 222-33-44 доб. 12", EXTENSION],
    ["+7 999 222-33-44 (доб 12)", EXTENSION],
    ["8 999 222 33 44 ext. 5", EXTENSION],
    ["8 999 222 33 44 x12", EXTENSION],
    ["8 999 222 33 44 #12", EXTENSION],
    ["+7 999 222-33-44, +7 999 222-33-55", "the cell holds 2 phone numbers; put one per row"],
    ["89992223344 или 89992223355", "the cell holds 2 phone numbers; put one per row"],
    ["позвонить завтра", 'expected a phone number, got "позвонить завтра"'],
    ["8 999 CALL NOW", 'expected a phone number, got "8 999 CALL NOW"'],
    ["+7 999 222+33-44", 'expected a phone number, got "+7 999 222+33-44"'],
    ["---", 'expected a phone number, got "---"'],
    [7999222334.5, "expected a phone number, got the fraction 7999222334.5"],
    [-79992223344, "expected a phone number, got -79992223344"],
    [true, "expected a phone number, got TRUE"],
    [{ type: "error", text: "#N/A" }, "the cell shows an error (#N/A)"],
    [
      { type: "date", wallClock: "2026-02-01T10:00:00" },
      "expected a phone number, got a date (2026-02-01 10:00:00)",
    ],
  ])("%j: %s", (cell, message) => {
    expect(english(normalizePhone(cell))).toEqual({ ok: false, message });
  });

  it("answers at once for a huge cell that is not a phone", () => {
    const huge = `1${" ".repeat(50_000)}z`;
    expect(english(normalizePhone(huge))).toEqual({
      ok: false,
      message: `expected a phone number, got "1${" ".repeat(38)}…"`,
    });
  });

  it("quotes a long unreadable value cut to 40 characters", () => {
    const result = normalizePhone(`звонить после обеда, спросить Ивана Петровича`);
    expect(english(result)).toEqual({
      ok: false,
      message: 'expected a phone number, got "звонить после обеда, спросить Ивана Пет…"',
    });
  });
});

describe("phoneKey", () => {
  it("is the 11 digits as an exact number", () => {
    expect(phoneKey("79992223344")).toBe(79992223344);
    expect(phoneKey("79999999999")).toBe(79999999999);
    expect(String(phoneKey("70000000001"))).toBe("70000000001");
  });

  it("refuses anything that is not a normalised phone", () => {
    expect(() => phoneKey("89992223344")).toThrow(TypeError);
    expect(() => phoneKey("7999222334")).toThrow(TypeError);
  });
});

// A valid Russian mobile number's 10 national digits. Generated from 9 + 9 digits and kept only when
// libphonenumber-js itself calls it mobile (the 93x range is only partly assigned).
const mobileNational = fc
  .stringMatching(/^9\d{9}$/)
  .filter((national) => russianNumberTypeByLibrary(national) === "MOBILE");

const WRITINGS: readonly ((n: string) => Cell)[] = [
  (n) => `+7 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`,
  (n) => `8 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8)}`,
  (n) => `8(${n.slice(0, 3)})${n.slice(3)}`,
  (n) => `+7${n}`,
  (n) => `7${n}`,
  (n) => `8${n}`,
  (n) => n,
  (n) => `\u00a0+7-${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)} `,
  (n) => Number(`7${n}`),
  (n) => Number(`8${n}`),
  (n) => Number(n),
];

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[\d +()\-.,eE#xдоб]{0,24}$/),
  fc.double(),
  fc.integer(),
  fc.integer({ min: 1_000_000_000, max: 99_999_999_999 }),
  fc.boolean(),
  fc.constant(null),
  fc.record({ type: fc.constant("error" as const), text: fc.string() }),
  fc.record({ type: fc.constant("date" as const), wallClock: fc.string() }),
);

describe("normalizePhone properties", () => {
  it("any valid Russian mobile, written any usual way, normalises to 7 + its national digits", () => {
    fc.assert(
      fc.property(mobileNational, fc.constantFrom(...WRITINGS), (national, write) => {
        expect(normalizePhone(write(national))).toEqual({ ok: true, phone: `7${national}` });
      }),
    );
  });

  it("is idempotent: a normalised phone normalises to itself", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const first = normalizePhone(cell);
        if (first.ok) expect(normalizePhone(first.phone)).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws, and every refusal has a message", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const result = normalizePhone(cell);
        if (result.ok) expect(result.phone).toMatch(/^7\d{10}$/);
        else expect(say("en", result.problem).length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("russianNumberType (compiled once from libphonenumber-js max metadata)", () => {
  it("agrees with libphonenumber-js for every 3-digit code", () => {
    for (let code = 0; code <= 999; code++) {
      for (const rest of ["0000000", "2223344", "5550123", "9999999", "0050000"]) {
        const national = `${String(code).padStart(3, "0")}${rest}`;
        if (national.startsWith("7")) continue; // Kazakhstan, refused before the Russian ranges are asked
        expect(russianNumberType(national), national).toBe(russianNumberTypeByLibrary(national));
      }
    }
  });

  it("agrees with libphonenumber-js on random national numbers", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-689]\d{9}$/), (national) => {
        expect(russianNumberType(national)).toBe(russianNumberTypeByLibrary(national));
      }),
      { numRuns: 3000 },
    );
  });
});
