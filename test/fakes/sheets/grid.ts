/** Reading and writing a fake tab's cells by A1 range, as the Sheets API's value endpoints do. */
import { type A1Range, columnLetters, quoteTitle } from "./a1.js";
import {
  cellData,
  type FakeCell,
  type FakeTab,
  formattedValue,
  isEmptyCell,
  richOf,
  unformattedValue,
} from "./model.js";

export type ValueRender = "FORMATTED_VALUE" | "UNFORMATTED_VALUE" | "FORMULA";
export type DateRender = "SERIAL_NUMBER" | "FORMATTED_STRING";

/** The range's bounds clipped to the tab's grid (0-based, inclusive). */
export function bounds(tab: FakeTab, range: A1Range) {
  return {
    r0: range.startRow,
    r1: Math.min(range.endRow ?? tab.rowCount - 1, tab.rowCount - 1),
    c0: range.startColumn,
    c1: Math.min(range.endColumn ?? tab.columnCount - 1, tab.columnCount - 1),
  };
}

export function rangeText(tab: FakeTab, range: A1Range): string {
  const b = bounds(tab, range);
  return `${quoteTitle(tab.title)}!${columnLetters(b.c0)}${b.r0 + 1}:${columnLetters(b.c1)}${b.r1 + 1}`;
}

/** Drops trailing empty cells of each row and trailing empty rows, as the API does. */
function trimmed<T>(rows: T[][], empty: (value: T) => boolean): T[][] {
  for (const row of rows) while (row.length > 0 && empty(row[row.length - 1]!)) row.pop();
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

export function readValues(
  tab: FakeTab,
  range: A1Range,
  render: ValueRender,
  dateRender: DateRender,
): (string | number | boolean)[][] {
  const b = bounds(tab, range);
  const out: (string | number | boolean)[][] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const row: (string | number | boolean)[] = [];
    for (let c = b.c0; c <= b.c1; c++) {
      const cell = tab.rows[r]?.[c];
      if (render === "FORMATTED_VALUE") row.push(formattedValue(cell));
      else if (render === "FORMULA" && richOf(cell).formula !== undefined) row.push(richOf(cell).formula!);
      else row.push(unformattedValue(cell, dateRender));
    }
    out.push(row);
  }
  return trimmed(out, (v) => v === "");
}

export function gridData(tab: FakeTab, range: A1Range): Record<string, unknown> {
  const b = bounds(tab, range);
  const rowData: { values?: Record<string, unknown>[] }[] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const cells: FakeCell[] = [];
    for (let c = b.c0; c <= b.c1; c++) cells.push(tab.rows[r]?.[c] ?? null);
    while (cells.length > 0 && isEmptyCell(cells[cells.length - 1])) cells.pop();
    rowData.push(cells.length === 0 ? {} : { values: cells.map(cellData) });
  }
  while (rowData.length > 0 && rowData[rowData.length - 1]!.values === undefined) rowData.pop();
  const data: Record<string, unknown> = { rowData };
  if (b.r0 > 0) data.startRow = b.r0;
  if (b.c0 > 0) data.startColumn = b.c0;
  return data;
}

export class GridLimitError extends Error {}

/** Writes values from the range's top-left cell; RAW stores them exactly as given. */
export function writeValues(
  tab: FakeTab,
  range: A1Range,
  values: unknown[][],
  input: "RAW" | "USER_ENTERED",
): number {
  let cells = 0;
  const lastRow = range.startRow + values.length - 1;
  const widest = Math.max(0, ...values.map((row) => row.length));
  const lastColumn = range.startColumn + widest - 1;
  if (lastRow >= tab.rowCount || lastColumn >= tab.columnCount) {
    const ref = `${columnLetters(Math.max(range.startColumn, Math.min(lastColumn, tab.columnCount)))}${Math.min(lastRow, tab.rowCount) + 1}`;
    throw new GridLimitError(
      `Range (${quoteTitle(tab.title)}!${ref}) exceeds grid limits. Max rows: ${tab.rowCount}, max columns: ${tab.columnCount}`,
    );
  }
  values.forEach((row, i) => {
    const r = range.startRow + i;
    tab.rows[r] ??= [];
    const target = tab.rows[r]!;
    row.forEach((value, j) => {
      // The API leaves a cell alone for null; "" clears it.
      if (value === null || value === undefined) return;
      const c = range.startColumn + j;
      while (target.length < c) target.push(null);
      target[c] =
        input === "USER_ENTERED" && typeof value === "string" && value.startsWith("=")
          ? { value: null, formula: value }
          : (value as FakeCell) === ""
            ? null
            : (value as FakeCell);
      cells += 1;
    });
  });
  return cells;
}
