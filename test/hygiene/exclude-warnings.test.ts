import { describe, expect, it } from "vitest";
import type { ExcludeFile, InvalidExcludeLine } from "../../src/hygiene/exclude.js";
import { excludeWarningSaids, excludeWarnings } from "../../src/hygiene/exclude-warnings.js";
import { say } from "../../src/i18n/catalog.js";
import { normalizePhone } from "../../src/mapping/phone.js";

const file = (name: string, invalidCount: number, unit: "line" | "row" = "line"): ExcludeFile => ({
  name,
  path: `/lists/${name}`,
  label: name,
  unit,
  phones: 10,
  invalidCount,
});
/** A line that is not a phone, with the problem the phone reader finds in it (`message`: what it says in English). */
const line = (name: string, rowNumber: number, value: string, message: string): InvalidExcludeLine => {
  const result = normalizePhone(value);
  if (result.ok) throw new TypeError(`${value} is a phone`);
  expect(say("en", result.problem)).toBe(message);
  return { file: name, rowNumber, value, message, problem: result.problem };
};

describe("excludeWarnings", () => {
  it("says nothing for files whose every line is a phone", () => {
    expect(excludeWarnings({ files: [file("dnc.csv", 0)], invalid: [] })).toEqual([]);
  });

  it("gives one warning per file with the count and the first mistake, naming the value once", () => {
    const warnings = excludeWarnings({
      files: [file("dnc.csv", 3), file("ok.txt", 0), file("old.xlsx", 1, "row"), file("lists/more.txt", 2)],
      invalid: [
        line("dnc.csv", 4, "абонент", 'expected a phone number, got "абонент"'),
        line("dnc.csv", 9, "12345", "expected 11 digits starting with 7 or 8, or 10 digits; got 5"),
        line("old.xlsx", 7, "12345", "expected 11 digits starting with 7 or 8, or 10 digits; got 5"),
        line("lists/more.txt", 2, "8-800-555-35-35", "8-800 numbers cannot be dialed"),
      ],
    });
    expect(warnings).toEqual([
      'dnc.csv: 3 lines are not phones (line 4: expected a phone number, got "абонент")',
      'old.xlsx: 1 row is not a phone (row 7, "12345": expected 11 digits starting with 7 or 8, or 10 digits; got 5)',
      'lists/more.txt: 2 lines are not phones (line 2, "8-800-555-35-35": 8-800 numbers cannot be dialed)',
    ]);
  });

  it("still gives the count when no example was kept", () => {
    expect(excludeWarnings({ files: [file("dnc.csv", 2)], invalid: [] })).toEqual([
      "dnc.csv: 2 lines are not phones",
    ]);
  });

  it("words the first mistake in the reader's language, from data", () => {
    const [warning] = excludeWarningSaids({
      files: [file("стоп.csv", 2)],
      invalid: [line("стоп.csv", 9, "12345", "expected 11 digits starting with 7 or 8, or 10 digits; got 5")],
    });
    const russian = say("ru", warning!);
    expect(russian).toMatch(/^стоп\.csv: 2 строки — не телефоны \(строка 9, "12345": /);
    expect(russian).not.toMatch(/expected|digits/);
  });
});
