import { headerKey } from "../header-key.js";
import { REPORT_COLUMNS } from "../report-columns.js";
import type { Cell } from "../sources/types.js";
import type { ReportValue } from "./columns.js";

/**
 * Where each cell of a report row goes. Shared by every writer so that a CSV report, an XLSX report
 * and a sheet written back put the same value under the same header.
 */
export interface ReportLayout {
  /** The header row: the source's headers, then the report columns the source did not have. */
  readonly headers: readonly string[];
  /** How many columns the source had; cells beyond it are a ragged row's extra cells. */
  readonly sourceWidth: number;
  /** Column index of each report column, in `REPORT_COLUMNS` order. */
  readonly reportIndexes: readonly number[];
  /**
   * One output row: the source cells (short rows padded with empty cells), the report values under
   * their headers, then any cells a ragged row has beyond the source's headers. Those extra cells
   * keep their data but have no header: the header is written before such rows are seen.
   * `into`: an array to fill instead of a new one (a writer that is done with the last row's).
   */
  arrange(cells: readonly Cell[], report: readonly ReportValue[], into?: Cell[]): Cell[];
}

/**
 * Runs on a previous report (its `ctdial_*` columns are in the source) replace those columns'
 * values in place rather than adding a second set; report columns the source lacks are added at
 * the right, as docs/contract.md asks for sheets. Header names match as everywhere (`headerKey`), the
 * first column of a name wins.
 */
export function reportLayout(sourceHeaders: readonly string[]): ReportLayout {
  const sourceWidth = sourceHeaders.length;
  const byName = new Map<string, number>();
  sourceHeaders.forEach((header, index) => {
    const key = headerKey(header);
    if (!byName.has(key)) byName.set(key, index);
  });

  const headers = [...sourceHeaders];
  const reportIndexes = REPORT_COLUMNS.map((column) => {
    const existing = byName.get(headerKey(column));
    if (existing !== undefined) return existing;
    headers.push(column);
    return headers.length - 1;
  });
  const width = headers.length;

  return {
    headers,
    sourceWidth,
    reportIndexes,
    arrange(cells, report, into) {
      const out: Cell[] = into ?? new Array<Cell>(width);
      out.length = width;
      const copied = Math.min(cells.length, sourceWidth);
      for (let i = 0; i < copied; i++) out[i] = cells[i] ?? null;
      // Short rows: empty cells up to the source's width; every column past it is a report column.
      for (let i = copied; i < sourceWidth; i++) out[i] = null;
      for (let k = 0; k < reportIndexes.length; k++) out[reportIndexes[k]!] = report[k] ?? null;
      for (let i = sourceWidth; i < cells.length; i++) out.push(cells[i] ?? null);
      return out;
    },
  };
}
