import type { Lang } from "../../i18n/lang.js";
/**
 * Writes each row's result beside it in the Google Sheet while the run goes on (docs/contract.md
 * "Google Sheets"). Results are buffered and flushed about every 15 s with ONE values.batchUpdate
 * (RAW input, so text such as `=HYPERLINK(...)` stays text): a run of 1,000 rows at 5 a second
 * takes about 14 write requests, and a pacer keeps any minute under 30. Right before each write
 * the target rows are read back and results go only where the row still holds the same data
 * (locate.ts). A failed flush keeps its results for the next one; the journal stays the
 * truth, and the next run writes every row's result again.
 */

import { isCtdialError } from "../../errors.js";
import type { SheetsApi } from "../../google-sheets/api.js";
import { a1, type SheetTab } from "../../google-sheets/tab.js";
import { type Said, said } from "../../i18n/catalog.js";
import type { RowOutcome } from "../../outcome.js";
import { REPORT_COLUMNS } from "../../report-columns.js";
import { columnLetter } from "../../sources/column-letter.js";
import type { Cell } from "../../sources/types.js";
import { reportLayout } from "../layout.js";
import type { OutcomeSink, RunEnd, SettledRow } from "../outcome-sink.js";
import { resultValues, type SheetValue, showsResult } from "./cells.js";
import { locateRows } from "./locate.js";
import { createWritePacer, type WritePacer } from "./pacer.js";
import { type RowWrite, writeRanges } from "./ranges.js";

export interface SheetWritebackOptions {
  readonly api: SheetsApi;
  /** The language `ctdial_error` is worded in. @default "en" */
  readonly lang?: Lang;
  readonly tab: SheetTab;
  /** The tab's header row as read (it may already hold ctdial_* columns from an earlier run). */
  readonly headers: readonly string[];
  readonly headerRowNumber: number;
  /** The phone column, where a row moved far is looked for. @default 0 */
  readonly keyColumn?: number;
  /**
   * The columns that say a row is still the one a result belongs to: the mapped ones (the phone and
   * what is sent). Other columns may change by themselves (a `=NOW()` formula, a person's notes) and
   * must not keep a result from its row. @default every column that is not a result column
   */
  readonly matchColumns?: readonly number[];
  /**
   * Write the header cells at once even when every result column exists: a view-only sheet is
   * then refused before anything is sent (run, retry, watch).
   */
  readonly checkAccess?: boolean;
  /** @default 15000 */
  readonly intervalMs?: number;
  /** Results a flush waits for before the 15 s mark counts (else it waits 2 intervals). @default 80 */
  readonly minRowsPerFlush?: number;
  /** Rows per write request (a payload of a few MB). @default 10000 */
  readonly maxRowsPerFlush?: number;
  /** @default 30 */
  readonly writesPerMinute?: number;
  /**
   * The write pacer to share: `watch <sheet>` opens a sink per look at the sheet, and the cap of
   * writes a minute is the service's, not a look's. @default a new pacer of `writesPerMinute`
   */
  readonly pacer?: WritePacer;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Flush on a timer when rows stop arriving (off in tests that drive the clock). @default true */
  readonly timer?: boolean;
  /** Results that could not be placed, flushes that failed and will be tried again (the CLI words them). */
  readonly onWarning?: (warning: SheetWriteWarning) => void;
  /**
   * A result was written to a row other than the one it was read from (rows were inserted, deleted or
   * sorted mid-run): the summary then names the row where it is now.
   */
  readonly onRowMoved?: (readAt: number, writtenAt: number) => void;
}

/** What a command hands the write-back through the engine: the shared pacer, and where warnings go. */
export interface SheetWritebackHooks {
  readonly pacer?: WritePacer;
  readonly onWarning?: (warning: SheetWriteWarning) => void;
  readonly onRowMoved?: (readAt: number, writtenAt: number) => void;
}

/** What the write-back tells without stopping: data, for the CLI to put into words. */
export type SheetWriteWarning =
  /** Results not written: their rows were changed or removed while the run went on; the next run writes them. */
  | { readonly kind: "rows-not-placed"; readonly count: number }
  /**
   * A flush failed for a reason that may pass (`reason`: the error, as data); it is tried again
   * after `retryInSeconds`.
   */
  | { readonly kind: "write-deferred"; readonly reason: Said; readonly retryInSeconds: number };

export interface SheetWriteback extends OutcomeSink {
  /** Writes what is buffered now. */
  flush(): Promise<void>;
  /** Resolves once no flush is under way (tests that drive the clock step with it). */
  idle(): Promise<void>;
  readonly stats: { writes: number; rowsWritten: number; rowsLeft: number };
}

interface Pending {
  readonly rowNumber: number;
  readonly cells: readonly Cell[];
  /** Column index -> value; a column left out is not touched. */
  readonly values: ReadonlyMap<number, SheetValue>;
}

const PERMANENT = new Set([
  "E_SHEETS_VIEW_ONLY",
  "E_SHEETS_FORBIDDEN",
  "E_SHEETS_NOT_FOUND",
  "E_SHEETS_UNAUTHENTICATED",
  "E_SHEETS_SIGNIN_EXPIRED",
  "E_SHEETS_KEY_UNUSABLE",
]);

export async function openSheetWriteback(options: SheetWritebackOptions): Promise<SheetWriteback> {
  const { api, tab } = options;
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 15_000;
  const maxRows = options.maxRowsPerFlush ?? 10_000;
  const minRows = options.minRowsPerFlush ?? 80;
  const pacer = options.pacer ?? createWritePacer(options.writesPerMinute ?? 30, now, options.sleep);
  const layout = reportLayout(options.headers);
  const indexes = layout.reportIndexes;
  const resultSet = new Set(indexes);
  const dataColumns = (options.matchColumns ?? options.headers.map((_, i) => i)).filter(
    (i) => !resultSet.has(i) && i < options.headers.length,
  );
  const width = layout.headers.length;
  const stats = { writes: 0, rowsWritten: 0, rowsLeft: 0 };

  const write = async (data: { range: string; values: SheetValue[][] }[]): Promise<void> => {
    await pacer.take();
    stats.writes += 1;
    await api.call(tab.spreadsheetId, "write", () =>
      api.api.spreadsheets.values.batchUpdate({
        spreadsheetId: tab.spreadsheetId,
        requestBody: { valueInputOption: "RAW", data },
      }),
    );
  };
  const headerCells = (): { range: string; values: SheetValue[][] }[] =>
    indexes.map((column, k) => ({
      range: a1(tab.title, `${columnLetter(column)}${options.headerRowNumber}`),
      values: [[REPORT_COLUMNS[k]!]],
    }));

  // The grid first: a sheet imported from a CSV has exactly its data's width.
  let headerPending = indexes.some((column) => column >= options.headers.length);
  if (width > tab.columnCount) {
    await pacer.take();
    stats.writes += 1;
    await api.call(tab.spreadsheetId, "write", () =>
      api.api.spreadsheets.batchUpdate({
        spreadsheetId: tab.spreadsheetId,
        requestBody: {
          requests: [
            {
              appendDimension: {
                sheetId: tab.sheetId,
                dimension: "COLUMNS",
                length: width - tab.columnCount,
              },
            },
          ],
        },
      }),
    );
  } else if (headerPending || options.checkAccess) {
    await write(headerCells());
    headerPending = false;
  }

  const buffer = new Map<number, Pending>();
  let lastFlush = now();
  let broken: unknown;

  const flushOnce = async (): Promise<void> => {
    const batch = [...buffer.values()].slice(0, maxRows);
    for (const item of batch) buffer.delete(item.rowNumber);
    lastFlush = now();
    try {
      const located = await locateRows(batch, {
        api,
        tab,
        dataColumns,
        width: options.headers.length,
        keyColumn: options.keyColumn ?? 0,
        firstRow: options.headerRowNumber + 1,
      });
      const rows: RowWrite[] = [];
      let left = 0;
      for (const item of batch) {
        const at = located.get(item);
        if (at === undefined) left += 1;
        else rows.push({ rowNumber: at, cells: item.values });
        if (at !== undefined && at !== item.rowNumber) options.onRowMoved?.(item.rowNumber, at);
      }
      const data = writeRanges(rows).map((r) => ({ range: a1(tab.title, r.cells), values: r.values }));
      if (headerPending) data.push(...headerCells());
      if (data.length > 0) await write(data);
      headerPending = false;
      stats.rowsWritten += rows.length;
      stats.rowsLeft += left;
      if (left > 0) options.onWarning?.({ kind: "rows-not-placed", count: left });
    } catch (error) {
      // Kept for the next flush, unless a newer result for the same row came in meanwhile.
      for (const item of batch) if (!buffer.has(item.rowNumber)) buffer.set(item.rowNumber, item);
      throw error;
    }
  };

  // Flushes run one after another; `busy` counts those started and not yet settled.
  let chain: Promise<void> = Promise.resolve();
  let busy = 0;
  const flush = (): Promise<void> => {
    busy += 1;
    const next = chain.then(async () => {
      do await flushOnce();
      while (buffer.size >= maxRows);
    });
    chain = next
      .catch(() => {})
      .finally(() => {
        busy -= 1;
      });
    return next;
  };

  /** A flush started by time, not awaited by anyone: its failure is a warning, or stops the sink. */
  const flushInBackground = (): void => {
    flush().catch((error: unknown) => {
      if (isCtdialError(error) && PERMANENT.has(error.code)) broken = error;
      else
        options.onWarning?.({
          kind: "write-deferred",
          reason: reasonOf(error),
          retryInSeconds: Math.round(interval / 1000),
        });
    });
  };

  // Every 15 s once a flush's worth is waiting (80 rows: 16 s at 5 a second), else every 30 s: a run
  // at the limit stays at 15 writes per 1,000 rows, a slow one still shows its results within 30 s.
  const due = (): boolean => {
    if (buffer.size === 0 || busy > 0) return false;
    const waited = now() - lastFlush;
    return (waited >= interval && buffer.size >= minRows) || waited >= 2 * interval;
  };
  const timer =
    options.timer === false
      ? undefined
      : setInterval(() => due() && flushInBackground(), Math.min(interval, 1000));
  timer?.unref();

  const queue = (item: Pending): Promise<void> | undefined => {
    if (broken !== undefined) throw broken;
    buffer.set(item.rowNumber, item);
    if (buffer.size >= maxRows) return flush();
    if (due()) flushInBackground();
    return undefined;
  };

  /** Column index -> the value a result puts there. */
  const valuesOf = (outcome: RowOutcome, phone: string | undefined): Map<number, SheetValue> => {
    const out = new Map<number, SheetValue>();
    resultValues(outcome, phone, options.lang).forEach((value, k) => {
      out.set(indexes[k]!, value);
    });
    return out;
  };

  return {
    name: `the sheet "${tab.title}"`,
    target: { kind: "sheet", where: tab.title },
    stats,
    accept(settled: SettledRow) {
      const values = valuesOf(settled.outcome, settled.phone);
      // A rerun (or a watch cycle) settles every row again: only changed results cost a write.
      if (showsResult(settled.row.cells, [...values.keys()], [...values.values()])) return undefined;
      return queue({ rowNumber: settled.row.rowNumber, cells: settled.row.cells, values });
    },
    flush,
    idle: () => chain,
    async close(_end?: RunEnd) {
      if (timer !== undefined) clearInterval(timer);
      if (broken !== undefined) throw broken;
      await chain;
      while (buffer.size > 0 || headerPending) await flush();
    },
  };
}

/** What a failed flush says, as data: a ctdial error's own `said`, else the error's own words. */
function reasonOf(error: unknown): Said {
  if (isCtdialError(error) && error.said !== undefined) return error.said;
  return said("googleErrorMessage", { message: String((error as Error)?.message ?? error) });
}
