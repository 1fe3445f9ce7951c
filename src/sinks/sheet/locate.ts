/**
 * Finding a result's row again right before writing it. A sheet has no row ids and people insert,
 * delete and sort rows while a run goes on, so a result is written only to a row that still holds
 * the same data (every non-result column) as when it was read. One values.batchGet covers the
 * target rows with a margin, which finds rows shifted by a few inserts or deletes; rows moved
 * further are looked up by their key column (the phone). Rows found nowhere are left for the next
 * run, which writes every row's result from the journal.
 */
import type { sheets_v4 } from "@googleapis/sheets";
import type { SheetsApi } from "../../google-sheets/api.js";
import { a1, type SheetTab } from "../../google-sheets/tab.js";
import { columnLetter } from "../../sources/column-letter.js";
import type { Cell } from "../../sources/types.js";
import { type ReadValue, sameRow } from "./cells.js";
import { readSpans } from "./ranges.js";

export interface LocateTarget {
  /** Where the row was when it was read. */
  readonly rowNumber: number;
  readonly cells: readonly Cell[];
}

export interface LocateContext {
  readonly api: SheetsApi;
  readonly tab: SheetTab;
  /** Columns compared (the source's columns that are not result columns). */
  readonly dataColumns: readonly number[];
  /** How many columns to read from A. */
  readonly width: number;
  /** The phone column: where a row moved far is searched for. */
  readonly keyColumn: number;
  /** First data row (below the header). */
  readonly firstRow: number;
  /** Rows read either side of each target. @default 100 */
  readonly margin?: number;
}

type Rows = Map<number, ReadValue[]>;

/** Each target's row number now, or undefined when it is not in the sheet as it was. */
export async function locateRows(
  targets: readonly LocateTarget[],
  context: LocateContext,
): Promise<Map<LocateTarget, number | undefined>> {
  const found = new Map<LocateTarget, number | undefined>();
  if (targets.length === 0) return found;
  const spans = readSpans(
    targets.map((t) => t.rowNumber),
    context.margin ?? 100,
    context.firstRow,
  );
  const rows = await readRows(context, spans);
  const claimed = new Set<number>();
  const missing: LocateTarget[] = [];
  for (const target of targets) {
    const at = match(target, rows, claimed, context);
    if (at === undefined) missing.push(target);
    else found.set(target, at);
  }
  if (missing.length > 0) {
    const candidates = await keyCandidates(context, missing);
    const farRows =
      candidates.length === 0
        ? new Map()
        : await readRows(context, readSpans(candidates, 0, context.firstRow));
    for (const target of missing) found.set(target, match(target, farRows, claimed, context));
  }
  return found;
}

/** The target's own row if it still matches, else the nearest unclaimed matching row. */
function match(
  target: LocateTarget,
  rows: Rows,
  claimed: Set<number>,
  context: LocateContext,
): number | undefined {
  const same = (n: number): boolean => {
    const values = rows.get(n);
    return values !== undefined && !claimed.has(n) && sameRow(target.cells, values, context.dataColumns);
  };
  let best: number | undefined;
  if (same(target.rowNumber)) best = target.rowNumber;
  else {
    for (const n of rows.keys()) {
      if (
        same(n) &&
        (best === undefined || Math.abs(n - target.rowNumber) < Math.abs(best - target.rowNumber))
      )
        best = n;
    }
  }
  if (best !== undefined) claimed.add(best);
  return best;
}

async function readRows(context: LocateContext, spans: readonly [number, number][]): Promise<Rows> {
  const { api, tab } = context;
  const last = columnLetter(Math.max(0, context.width - 1));
  const data = await api.call(tab.spreadsheetId, "read", () =>
    api.api.spreadsheets.values.batchGet({
      spreadsheetId: tab.spreadsheetId,
      ranges: spans.map(([from, to]) => a1(tab.title, `A${from}:${last}${to}`)),
      majorDimension: "ROWS",
      valueRenderOption: "UNFORMATTED_VALUE",
      dateTimeRenderOption: "SERIAL_NUMBER",
    }),
  );
  const rows: Rows = new Map();
  (data.valueRanges ?? []).forEach((range: sheets_v4.Schema$ValueRange, i) => {
    const from = spans[i]![0];
    (range.values ?? []).forEach((values, k) => {
      rows.set(from + k, values as ReadValue[]);
    });
  });
  return rows;
}

/** Rows whose key cell equals a missing target's, from one read of the key column (capped). */
async function keyCandidates(context: LocateContext, missing: readonly LocateTarget[]): Promise<number[]> {
  const { api, tab, keyColumn } = context;
  const letter = columnLetter(keyColumn);
  const data = await api.call(tab.spreadsheetId, "read", () =>
    api.api.spreadsheets.values.get({
      spreadsheetId: tab.spreadsheetId,
      range: a1(tab.title, `${letter}${context.firstRow}:${letter}`),
      majorDimension: "ROWS",
      valueRenderOption: "UNFORMATTED_VALUE",
      dateTimeRenderOption: "SERIAL_NUMBER",
    }),
  );
  const wanted = new Set(missing.map((t) => keyOf(t.cells[keyColumn])));
  const out: number[] = [];
  (data.values ?? []).forEach((row, i) => {
    if (out.length < 200 && wanted.has(keyOf(row[0] as ReadValue))) out.push(context.firstRow + i);
  });
  return out;
}

function keyOf(value: Cell | ReadValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return value.type === "error" ? value.text : value.wallClock;
  return String(value);
}
