/**
 * A Sheets grid cell (`effectiveValue` + its number format type) as ctdial's `Cell`. Pure. Values
 * come typed from the grid, never from display text: in a ru_RU spreadsheet a phone stored as a
 * number displays as `79 991 234 501` or `7,99912E+10`, and a date as `01.12.2027 10:30:00`.
 */
import type { sheets_v4 } from "@googleapis/sheets";
import { serialWallClock } from "../../google-sheets/serial-date.js";
import type { Cell } from "../types.js";

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
