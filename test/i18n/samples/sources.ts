import type { sourcesEn } from "../../../src/i18n/catalog/sources.en.js";
import { sameNameParams } from "../../../src/i18n/catalog/sources.en.js";
import type { Samples } from "./samples.js";

/** Sample parameters for every message of the "sources" area: each list is rendered in every language. */
export const sourcesSamples: Samples<typeof sourcesEn> = {
  E_INPUT_ENCODING: [{ file: "клиенты.csv", line: 7 }, { encoding: "cp-1251x" }],
  E_INPUT_QUOTE: [
    { file: "клиенты.csv", line: 3 },
    { file: "клиенты.csv", line: 12_345, limit: 1_048_576 },
  ],
  E_INPUT_CSV: [{ file: "клиенты.csv", line: 4, reason: 'Invalid Closing Quote: got "x" at line 4' }],
  E_INPUT_COLUMNS: [
    { file: "клиенты.csv", line: 2, limit: 16_384 },
    { file: "клиенты.csv", line: 21, limit: 16_384, columns: 20_001 },
  ],
  E_INPUT_LINE: [{ file: "клиенты.csv", line: 1, limit: 1_048_576 }],
  E_INPUT_READ: [
    { file: "клиенты.csv", reason: "missing" },
    { file: "клиенты.csv", reason: "denied" },
    { file: "клиенты.csv", reason: "folder" },
    { file: "клиенты.csv", reason: "other", detail: "EIO: i/o error, read" },
  ],
  E_INPUT_OPEN: [
    { file: "клиенты.xlsx", reason: "missing" },
    { file: "клиенты.xlsx", reason: "folder" },
    { file: "клиенты.xlsx", reason: "denied" },
    { file: "клиенты.xlsx", reason: "other", detail: "EIO" },
  ],
  E_INPUT_BINARY: [
    { file: "клиенты.csv", kind: "xlsx" },
    { file: "клиенты.csv", kind: "xls" },
    { file: "клиенты.csv", kind: "utf-16" },
    { file: "клиенты.csv", kind: "binary" },
  ],
  E_INPUT_DELIMITER: [{ delimiter: ";;" }],
  E_INPUT_EMPTY: [{ file: "клиенты.csv" }, { file: "клиенты.csv", headerLine: 1 }],
  E_INPUT_HEADER: [
    {
      file: "клиенты.csv",
      line: 1,
      ...sameNameParams([{ names: ["Телефон", "Телефон"], columns: ["2", "5"] }]),
    },
    {
      file: "ёлки.csv",
      line: 3,
      ...sameNameParams([
        { names: ["Ёлка", "Елка", "елка"], columns: ["1", "2", "4"] },
        { names: ["Имя", "Имя"], columns: ["3", "6"] },
      ]),
    },
    { file: "клиенты.csv", line: 9, column: 7, headerLine: 1 },
  ],
  E_HEADERS: [
    {
      file: "клиенты.xlsx",
      sheet: "Лист1",
      row: 1,
      ...sameNameParams([{ names: ["Ёлка", "елка"], columns: ["B", "D"] }]),
    },
    {
      spreadsheet: "База май",
      tab: "Клиенты",
      row: 2,
      ...sameNameParams([
        { names: ["Телефон"], columns: ["A", "C", "E"] },
        { names: ["Имя"], columns: ["B", "F"] },
      ]),
    },
    { file: "клиенты.xlsx", sheet: "Лист1", row: 5, column: "H", headerRow: 1 },
    { where: "клиенты.xlsx, Лист1", row: 5, column: "H", headerRow: 1 },
  ],
  E_INPUT_XLS: [{ file: "клиенты.xls" }],
  E_INPUT_FORMAT: [{ file: "клиенты.pdf" }],
  E_INPUT_NOT_XLSX: [
    { file: "клиенты.xlsx", kind: "empty" },
    { file: "клиенты.xlsx", kind: "ole2" },
    { file: "клиенты.xlsx", kind: "empty-zip" },
    { file: "клиенты.xlsx", kind: "text" },
    { file: "клиенты.xlsx", kind: "other" },
    { file: "клиенты.xlsx", kind: "ods" },
    { file: "клиенты.xlsx", kind: "zip" },
  ],
  E_INPUT_DAMAGED: [
    { file: "клиенты.xlsx", incomplete: true },
    { file: "клиенты.xlsx", detail: "invalid signature: 0x2a2a" },
  ],
  E_INPUT_SHEET_MISSING: [{ file: "клиенты.xlsx", sheet: "Лист2" }],
  E_INPUT_NO_SHEETS: [{ file: "клиенты.xlsx" }],
  E_SHEET: [
    { file: "клиенты.xlsx", sheet: "Май", sheets: ["Лист1", "Архив"], hidden: ["Архив"] },
    { file: "клиенты.xlsx", sheet: "Май", sheets: ["Лист1"], hidden: [] },
  ],
  E_EMPTY: [
    { file: "клиенты.xlsx", sheet: "Лист1" },
    { spreadsheet: "База май", tab: "Клиенты" },
  ],
  E_INPUT_CELL_TOO_LONG: [
    { file: "клиенты.xlsx", sheet: "Лист1", cell: "C7", limit: 32_767 },
    { file: "клиенты.xlsx", sharedString: 12, limit: 32_767 },
    { file: "клиенты.xlsx", sheet: "Лист1", limit: 32_767 },
  ],
  E_INPUT_TOO_LARGE: [{ file: "клиенты.xlsx", limit: 100_000_000 }],
  E_REPORT_WRITE: [
    { file: "клиенты.report.csv", errno: "EACCES" },
    { file: "клиенты.report.csv", errno: "ENOSPC" },
    { file: "клиенты.report.csv", errno: "EXDEV" },
    { file: "клиенты.report.csv" },
  ],
  E_REPORT_TARGET: [
    { file: "клиенты.csv", kind: "source", defaultName: "клиенты.report.csv" },
    { file: "campaign.yaml", kind: "campaign", defaultName: "клиенты.report.csv" },
    { file: "стоп.csv", kind: "exclude", defaultName: "клиенты.report.csv" },
    { file: "отчёт.yaml", kind: "config", ext: "yaml", defaultName: "клиенты.report.csv" },
    { file: "клиенты2.csv", kind: "not-report", defaultName: "клиенты.report.csv" },
  ],
  E_REPORT_DELIMITER: [{ delimiter: '"' }],
};
