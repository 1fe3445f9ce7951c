import type { SheetsSource } from "../sources/sheets-source.js";
import { sheetLink } from "../sources/sheets-url.js";
import { openSheetWriteback, type SheetWritebackOptions } from "./sheet-writeback.js";
import type { ReportSink } from "./types.js";

/**
 * The report of a Google Sheets source when no --report file is given: the sheet itself. The report
 * pass (validate, and the pass at the end of run) writes only rows whose result in the sheet differs
 * from what the journal says, so a run that already wrote its results live costs no more writes.
 */
export async function openSheetReport(
  source: SheetsSource,
  options: Pick<SheetWritebackOptions, "onWarning"> = {},
): Promise<ReportSink> {
  const sink = await openSheetWriteback({
    api: source.api,
    tab: source.tab,
    headers: source.headers,
    headerRowNumber: source.headerRowNumber,
    onWarning: options.onWarning,
  });
  return {
    path: sheetLink({ spreadsheetId: source.tab.spreadsheetId, gid: source.tab.sheetId }),
    write: (row, outcome) => sink.write(row, outcome),
    close: () => sink.close({ complete: true }),
    // What was buffered is right row by row; a pass that stopped part way still writes it.
    abort: () => sink.close({ complete: false }).catch(() => {}),
  };
}
