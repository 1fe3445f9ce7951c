import { describe, expect, it } from "vitest";
import { headerKey } from "../../src/header-key.js";
import { headerKey as mappingHeaderKey } from "../../src/mapping/columns.js";
import { readHeaderRow } from "../../src/sources/csv/header.js";
import { assertUniqueHeaders } from "../../src/sources/grid-headers.js";

describe("one header comparison for sources and mapping", () => {
  it("is the same function in both stages", () => {
    expect(mappingHeaderKey).toBe(headerKey);
  });

  it("refuses in a CSV header two names the mapping could not tell apart: ё/е, spaces, Mac-typed й", () => {
    expect(() => readHeaderRow(["Телефон", "Ёлка", "Елка"], "ёлки.csv", 1)).toThrow(
      "ёлки.csv, line 1: the header row has two columns named Ёлка / Елка (case, spaces and ё/е do not count) (columns 2 and 3); rename one.",
    );
    expect(() => readHeaderRow(["Телефон", "Время  звонка", "время звонка"], "f.csv", 3)).toThrow(
      /columns 2 and 3/,
    );
    // "Серий" typed on a Mac: и + combining breve.
    expect(() => readHeaderRow(["Телефон", "Серий", "Серии\u0306"], "f.csv", 1)).toThrow(/columns 2 and 3/);
    expect(readHeaderRow([" Телефон ", "Имя"], "f.csv", 1)).toEqual(["Телефон", "Имя"]);
  });

  it("refuses the same in an XLSX header, naming the columns by letter", () => {
    expect(() => assertUniqueHeaders(["Телефон", "Ёлка", "Имя", "елка"], 1, "f.xlsx, sheet Лист1")).toThrow(
      "f.xlsx, sheet Лист1: the header row (row 1) has two columns named Ёлка / елка (case, spaces and ё/е do not count) (columns B and D); rename one.",
    );
  });

  it("names a repeated name once when it is written the same every time", () => {
    expect(() => readHeaderRow(["Телефон", "Имя", "Телефон"], "f.csv", 1)).toThrow(
      "f.csv, line 1: the header row has two columns named Телефон (columns 1 and 3); rename one.",
    );
  });
});
