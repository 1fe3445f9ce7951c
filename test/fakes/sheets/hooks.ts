/**
 * What people and forms do to a sheet while a run goes on: insert, delete and sort rows, append
 * rows at the bottom. The grid grows and shrinks with the rows, as in Sheets.
 */
import type { FakeCell, FakeTab } from "./model.js";
import { richOf } from "./model.js";

/** Inserts rows before the 1-based row `before` (a row inserted "above row 5" becomes row 5). */
export function insertRows(tab: FakeTab, before: number, rows: FakeCell[][]): void {
  const at = before - 1;
  while (tab.rows.length < at) tab.rows.push([]);
  tab.rows.splice(at, 0, ...rows.map((row) => [...row]));
  tab.rowCount += rows.length;
}

export function deleteRows(tab: FakeTab, from: number, count: number): void {
  tab.rows.splice(from - 1, count);
  tab.rowCount = Math.max(1, tab.rowCount - count);
}

/** Appends after the last row with any data (a form's new answer); grows the grid when full. */
export function appendRows(tab: FakeTab, rows: FakeCell[][]): void {
  let last = tab.rows.length;
  while (last > 0 && (tab.rows[last - 1]?.length ?? 0) === 0) last--;
  tab.rows.length = last;
  tab.rows.push(...rows.map((row) => [...row]));
  if (tab.rows.length > tab.rowCount) tab.rowCount = tab.rows.length;
}

/** Sorts rows `from`..end (1-based) by one column's value as text, as Data -> Sort range does. */
export function sortRows(tab: FakeTab, from: number, column: number, descending = false): void {
  const head = tab.rows.slice(0, from - 1);
  const body = tab.rows.slice(from - 1);
  const key = (row: FakeCell[] | undefined): string => String(richOf(row?.[column]).value ?? "");
  body.sort((a, b) => (descending ? -1 : 1) * key(a).localeCompare(key(b)));
  tab.rows = [...head, ...body];
}
