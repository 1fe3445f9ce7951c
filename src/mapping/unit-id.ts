import type { Cell } from "../sources/types.js";
import { cellToText, quoteValue } from "./text.js";

export type UnitIdResult =
  | { readonly ok: true; readonly unitId: number }
  | { readonly ok: false; readonly message: string };

// Digits, optionally grouped by spaces as a Russian spreadsheet shows 112 233.
const WHOLE_NUMBER = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$|^\d+$/;

/** unitId: a department of the widget, a whole number (docs/calltouch-api.md). `12.5` and `abc` are refused, not rounded. */
export function parseUnitId(cell: Cell): UnitIdResult {
  if (typeof cell === "number") {
    return Number.isSafeInteger(cell) && cell >= 0 ? { ok: true, unitId: cell } : refuse(String(cell));
  }
  const text = cellToText(cell);
  if (text === undefined) return { ok: false, message: "unitId is empty" };
  if (typeof cell !== "string" || !WHOLE_NUMBER.test(text)) return refuse(quoteValue(text));
  const unitId = Number(text.replace(/\D/g, ""));
  return Number.isSafeInteger(unitId) ? { ok: true, unitId } : refuse(quoteValue(text));
}

function refuse(shown: string): UnitIdResult {
  return { ok: false, message: `expected a whole number (the department's unitId), got ${shown}` };
}
