import { type Said, said } from "../i18n/catalog.js";
import type { Cell } from "../sources/types.js";
import { cellToText, shortValue } from "./text.js";

export type UnitIdResult =
  | { readonly ok: true; readonly unitId: number }
  | { readonly ok: false; readonly problem: Said };

// Digits, optionally grouped by spaces as a Russian spreadsheet shows 112 233.
const WHOLE_NUMBER = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$|^\d+$/;

/** unitId: a department of the widget, a whole number (docs/calltouch-api.md). `12.5` and `abc` are refused, not rounded. */
export function parseUnitId(cell: Cell): UnitIdResult {
  if (typeof cell === "number") {
    return Number.isSafeInteger(cell) && cell >= 0 ? { ok: true, unitId: cell } : refuse(String(cell), false);
  }
  const text = cellToText(cell);
  if (text === undefined) return EMPTY;
  if (typeof cell !== "string" || !WHOLE_NUMBER.test(text)) return refuse(shortValue(text), true);
  const unitId = Number(text.replace(/\D/g, ""));
  return Number.isSafeInteger(unitId) ? { ok: true, unitId } : refuse(shortValue(text), true);
}

const EMPTY: UnitIdResult = { ok: false, problem: said("rowsUnitIdEmpty", {}) };

/** `quoted`: the cell was text, shown in quotes; a number is shown as it is. */
function refuse(shown: string, quoted: boolean): UnitIdResult {
  return { ok: false, problem: said("rowsUnitIdNotWhole", { shown, quoted }) };
}
