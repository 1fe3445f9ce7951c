/**
 * The Google Sheets source: one tab, read in row blocks through the Sheets API, each cell typed as
 * the sheet holds it (see cells.ts). The first block is small so that the first request
 * leaves quickly; while the caller works through one block the next is already being read, and no
 * more than two are held. Headers are the first non-empty row, as in XLSX.
 */
import { InputError } from "../../errors.js";
import { openSheetsApi, type SheetsApi, type SheetsApiOptions } from "../../google-sheets/api.js";
import { locateTab } from "../../google-sheets/tab.js";
import { parseSheetLocation } from "../../google-sheets/url.js";
import { assertCellsHaveHeaders, assertUniqueHeaders, headerNames } from "../grid-headers.js";
import { isBlank, type SourceRow } from "../types.js";
import { type BlockRow, blockRows, readBlock } from "./blocks.js";
import type { SheetsSource } from "./source.js";

/** The first block: enough for the header and the first requests, quick to arrive. */
const FIRST_BLOCK_ROWS = 1_000;

export interface OpenSheetsOptions extends SheetsApiOptions {
  /** The tab by title (`--sheet` / campaign `sheet:`); wins over the link's gid. */
  readonly sheet?: string;
  /** An API client already open (the CLI shares one); otherwise one is opened from `env`. */
  readonly api?: SheetsApi;
  readonly env?: NodeJS.ProcessEnv;
  /** Rows per block after the first (default: by the header's width, at most 5,000). */
  readonly blockRows?: number;
}

export type { SheetsSource } from "./source.js";

export async function openSheets(location: string, options: OpenSheetsOptions = {}): Promise<SheetsSource> {
  const api = options.api ?? (await openSheetsApi(options.env ?? process.env, options));
  const tab = await locateTab(api, parseSheetLocation(location), options.sheet);
  const where = { spreadsheet: tab.spreadsheetTitle, tab: tab.title };

  // The header is the first row with a value; usually row 1, so usually in the first block.
  let next = 1;
  let pending: BlockRow[] = [];
  let header: BlockRow | undefined;
  while (header === undefined && next <= tab.rowCount) {
    const last = Math.min(tab.rowCount, next + FIRST_BLOCK_ROWS - 1);
    pending = (await readBlock(api, tab, next, last)).filter(
      (row) => !row.cells.every((cell) => isBlank(cell)),
    );
    next = last + 1;
    header = pending.shift();
  }
  if (header === undefined) {
    throw new InputError({ code: "E_EMPTY", params: { spreadsheet: tab.spreadsheetTitle, tab: tab.title } });
  }
  const headers = headerNames(header.cells);
  const headerRowNumber = header.rowNumber;
  assertUniqueHeaders(headers, headerRowNumber, where);
  const size = options.blockRows ?? blockRows(headers.length);

  let closed = false;
  let started = false;
  const fetchFrom = (first: number): Promise<BlockRow[]> | undefined =>
    first > tab.rowCount ? undefined : readBlock(api, tab, first, Math.min(tab.rowCount, first + size - 1));

  async function* rows(): AsyncGenerator<SourceRow> {
    // i18n-exempt: only a bug in ctdial reads the rows twice
    if (started) throw new Error("rows() of a sheet can be read once");
    started = true;
    let block: BlockRow[] = pending;
    let upcoming = fetchFrom(next);
    // A read that fails while the caller still works on this block is reported when it is needed.
    upcoming?.catch(() => {});
    for (;;) {
      for (const row of block) {
        if (closed) return;
        if (row.cells.every((cell) => isBlank(cell))) continue;
        assertCellsHaveHeaders(headers, headerRowNumber, row, where);
        yield row;
      }
      if (upcoming === undefined || closed) return;
      block = await upcoming;
      next += size;
      upcoming = fetchFrom(next);
      upcoming?.catch(() => {});
    }
  }

  return {
    kind: "sheets",
    tab,
    api,
    headers,
    headerRowNumber,
    sheetName: tab.title,
    estimatedRows: Math.max(0, tab.rowCount - headerRowNumber),
    rows,
    close: async () => {
      closed = true;
    },
  };
}
