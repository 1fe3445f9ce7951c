/**
 * A Sheets grid cell (`effectiveValue` + its number format type) as ctdial's `Cell`. Pure. Values
 * come typed from the grid, never from display text: in a ru_RU spreadsheet a phone stored as a
 * number displays as `79 991 234 501` or `7,99912E+10`, and a date as `01.12.2027 10:30:00`.
 */
import type { sheets_v4 } from "@googleapis/sheets";
import type { Cell } from "../sources/types.js";

const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30);
const DATE_TYPES = new Set(["DATE", "DATE_TIME", "TIME"]);

/** How each error type reads in a cell. */
const ERROR_TEXT: Record<string, string> = {
  N_A: "#N/A",
  REF: "#REF!",
  DIVIDE_BY_ZERO: "#DIV/0!",
  VALUE: "#VALUE!",
  NAME: "#NAME?",
  NUM: "#NUM!",
  NULL_VALUE: "#NULL!",
  ERROR: "#ERROR!",
  LOADING: "#LOADING",
};

export function sheetCell(data: sheets_v4.Schema$CellData | undefined): Cell {
  const value = data?.effectiveValue;
  if (value === undefined || value === null) return null;
  if (value.errorValue) return { type: "error", text: ERROR_TEXT[value.errorValue.type ?? ""] ?? "#ERROR!" };
  if (typeof value.boolValue === "boolean") return value.boolValue;
  if (typeof value.stringValue === "string") return value.stringValue === "" ? null : value.stringValue;
  if (typeof value.numberValue === "number") {
    const type = data?.effectiveFormat?.numberFormat?.type;
    if (type && DATE_TYPES.has(type)) {
      const wallClock = serialWallClock(value.numberValue);
      if (wallClock !== undefined) return { type: "date", wallClock };
    }
    return value.numberValue;
  }
  return null;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * Google Sheets counts days from 1899-12-30 for every serial (it has no Lotus 1900-02-29), the
 * fraction being the time of day; rounded to the second.
 */
export function serialWallClock(serial: number): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const d = new Date(SHEETS_EPOCH_MS + Math.round(serial * 86_400) * 1000);
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
