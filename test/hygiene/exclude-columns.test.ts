import { describe, expect, it } from "vitest";
import { phoneColumns } from "../../src/hygiene/exclude-columns.js";

describe("phoneColumns", () => {
  it.each([
    ["a recognised phone header", ["ФИО", "Телефон", "Комментарий"], { columns: [1], firstRowIsData: false }],
    [
      "every recognised phone header",
      ["Телефон", "Имя", "Мобильный телефон"],
      { columns: [0, 2], firstRowIsData: false },
    ],
    ["an English header, any case", [" PHONE "], { columns: [0], firstRowIsData: false }],
    ["a first row that is a phone", ["8 (999) 111-22-33"], { columns: [0], firstRowIsData: true }],
    [
      "the phone cell of a headerless row",
      ["Иванов", "79991112233", "звонил"],
      { columns: [1], firstRowIsData: true },
    ],
    ["the one column under an unknown name", ["Номера"], { columns: [0], firstRowIsData: false }],
    ["a name with a digit in it", ["Телефон 2"], { columns: [0], firstRowIsData: false }],
    ["the one column, a mistyped phone first", ["8-800-555-35-35"], { columns: [0], firstRowIsData: true }],
    ["one filled column among empty ones", ["", "Номера", ""], { columns: [1], firstRowIsData: false }],
  ])("finds %s", (_case, firstRow, expected) => {
    expect(phoneColumns(firstRow)).toEqual(expected);
  });

  it.each([
    ["columns none of which is a phone", ["Имя", "Комментарий"]],
    ["no columns", []],
  ])("finds nothing in %s", (_case, firstRow) => {
    expect(phoneColumns(firstRow)).toBeUndefined();
  });
});
