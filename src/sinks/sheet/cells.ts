/**
 * What the write-back puts into a sheet row and how it recognises that row again. Pure.
 */
import { serialWallClock } from "../../google-sheets/serial-date.js";
import type { Lang } from "../../i18n/lang.js";
import type { ResolvedColumns } from "../../mapping/columns.js";
import type { RowOutcome } from "../../outcome.js";
import { REPORT_COLUMNS } from "../../report-columns.js";
import type { Cell } from "../../sources/types.js";
import { outcomeCells } from "../columns.js";

/** A value as the API takes it with RAW input: "" clears a cell (null would leave the old value). */
export type SheetValue = string | number;

const PHONE_AT = (REPORT_COLUMNS as readonly string[]).indexOf("ctdial_phone");

/**
 * The result cells of one row, in `REPORT_COLUMNS` order. RAW input stores text as typed, so a value
 * such as `=HYPERLINK(...)` stays text and needs no neutralising. `phone`: the number dialed, for
 * `ctdial_phone` when the report has that column.
 */
export function resultValues(outcome: RowOutcome, phone?: string, lang: Lang = "en"): SheetValue[] {
  const cells = outcomeCells(outcome, undefined, lang).map((value) => value ?? "");
  if (PHONE_AT >= 0 && cells[PHONE_AT] === "" && phone !== undefined) cells[PHONE_AT] = phone;
  return cells;
}

/** A cell as UNFORMATTED_VALUE + SERIAL_NUMBER answers it (empty cells are missing or ""). */
export type ReadValue = string | number | boolean | undefined;

/**
 * True when the row read back holds the same data as the row the result belongs to, in every
 * column that is not a result column. Dates come back as serial numbers, errors as their text.
 */
export function sameRow(
  expected: readonly Cell[],
  actual: readonly ReadValue[],
  columns: readonly number[],
): boolean {
  for (const c of columns) if (!sameCell(expected[c] ?? null, actual[c])) return false;
  return true;
}

function sameCell(expected: Cell, actual: ReadValue): boolean {
  if (expected === null || (typeof expected === "string" && expected === "")) {
    return actual === undefined || actual === "";
  }
  if (typeof expected === "object") {
    if (expected.type === "error") return actual === expected.text;
    return typeof actual === "number" && serialWallClock(actual) === expected.wallClock;
  }
  return expected === actual;
}

/** True when the sheet already shows these result values (a rerun need not write the row again). */
export function showsResult(
  cells: readonly Cell[],
  indexes: readonly number[],
  values: readonly SheetValue[],
): boolean {
  return indexes.every((column, k) => {
    const shown = cells[column];
    return (shown === null || shown === undefined ? "" : String(shown)) === String(values[k]);
  });
}

/**
 * The columns a result's row is recognised by: the phone and every other mapped column (what was
 * sent). A report's own ctdial_* columns are results, not identity.
 */
export function identityColumns(columns: ResolvedColumns): number[] {
  const out = new Set<number>([columns.phone.index]);
  for (const [key, value] of Object.entries(columns)) {
    if (key === "report") continue;
    const refs = Array.isArray(value) ? value : [value];
    for (const ref of refs) {
      if (typeof (ref as { index?: unknown })?.index === "number") out.add((ref as { index: number }).index);
    }
  }
  return [...out].sort((a, b) => a - b);
}
