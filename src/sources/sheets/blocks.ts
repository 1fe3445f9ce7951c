import type { sheets_v4 } from "@googleapis/sheets";
import type { SheetsApi } from "../../google-sheets/api.js";
import { a1, type SheetTab } from "../../google-sheets/tab.js";
import type { Cell } from "../types.js";
import { sheetCell } from "./cells.js";

/** Only what a cell's type and value need: a block of 5,000 rows stays a few MB. */
const GRID_FIELDS =
  "sheets(data(startRow,rowData(values(effectiveValue,effectiveFormat/numberFormat/type))))";

/** Cells of a block per request: Google recommends payloads of about 2 MB. */
const CELLS_PER_BLOCK = 50_000;
export const MAX_BLOCK_ROWS = 5_000;
export const MIN_BLOCK_ROWS = 500;

/** Rows a block holds for a tab `width` columns wide. */
export function blockRows(width: number): number {
  return Math.max(MIN_BLOCK_ROWS, Math.min(MAX_BLOCK_ROWS, Math.floor(CELLS_PER_BLOCK / Math.max(1, width))));
}

export interface BlockRow {
  /** The sheet's own row number (1-based). */
  readonly rowNumber: number;
  readonly cells: Cell[];
}

/**
 * Rows `first`..`last` (1-based, inclusive) of the tab, typed, with one `spreadsheets.get` and
 * grid data. Rows with no value at all are left out (their numbers are simply missing).
 */
export async function readBlock(
  api: SheetsApi,
  tab: SheetTab,
  first: number,
  last: number,
): Promise<BlockRow[]> {
  const data = await api.call(tab.spreadsheetId, "read", () =>
    api.api.spreadsheets.get({
      spreadsheetId: tab.spreadsheetId,
      ranges: [a1(tab.title, `${first}:${last}`)],
      includeGridData: true,
      fields: GRID_FIELDS,
    }),
  );
  const rows: BlockRow[] = [];
  for (const grid of data.sheets?.[0]?.data ?? []) collect(grid, rows);
  return rows;
}

function collect(grid: sheets_v4.Schema$GridData, into: BlockRow[]): void {
  const start = grid.startRow ?? 0;
  const column0 = grid.startColumn ?? 0;
  (grid.rowData ?? []).forEach((row, i) => {
    const values = row.values ?? [];
    if (values.length === 0) return;
    const cells: Cell[] = new Array(column0).fill(null);
    let any = false;
    for (const value of values) {
      const cell = sheetCell(value);
      if (cell !== null) any = true;
      cells.push(cell);
    }
    if (any) into.push({ rowNumber: start + i + 1, cells });
  });
}
