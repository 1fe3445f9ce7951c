import { sheetLink } from "../google-sheets/url.js";
import type { Lang } from "../i18n/lang.js";
import { liveReport } from "../sinks/live-report.js";
import { openReport } from "../sinks/open-report.js";
import type { OutcomeSink } from "../sinks/outcome-sink.js";
import { orderedReportSink } from "../sinks/report-sink.js";
import type { SheetWritebackHooks } from "../sinks/sheet/writeback.js";
import { isSheetsSource } from "../sources/sheets/source.js";
import type { PlannedRows } from "./plan.js";
import type { ResolvedCampaign } from "./resolve.js";
import type { ReportNotWritten } from "./summary.js";

export interface ReportSinkOptions {
  /** More subscribers besides the report. */
  readonly sinks?: readonly OutcomeSink[];
  /** A run of the same campaign (this process id) is sending and owns the report: none is written. */
  readonly reportOwnedBy?: number;
  /**
   * A Google Sheet written back: write the header cells at once, so that view-only access is refused
   * before anything is sent (a watch's later cycles skip it). @default true
   */
  readonly checkSheetAccess?: boolean;
  /**
   * Rewrite the report every so many ms while the run goes on, so a person can open it mid-run (the
   * campaigns folder); the settled rows are held in memory for it. Unset: the report streams to its
   * temporary file and appears once, complete.
   */
  readonly reportEveryMs?: number;
  readonly onWarning?: (message: string) => void;
  /** The language the report's `ctdial_error` is worded in. @default "en" */
  readonly lang?: Lang;
  /** A Google Sheet written back: the write pacer to share and where its warnings go. */
  readonly sheetWriteback?: SheetWritebackHooks;
}

export interface ReportSinks {
  readonly sinks: OutcomeSink[];
  /** The sink that writes the report file, when there is one: its failure means the report was not written. */
  readonly report?: OutcomeSink;
  /** What the summary names as the report (a file path, or the sheet's link). */
  readonly reportPath: string;
  /** Set when no report is written at all (another run owns it). */
  readonly reportNotWritten?: ReportNotWritten;
}

/**
 * The sinks of one command: its report, then the caller's own. The report is a file (CSV or XLSX), or
 * for a Google Sheet without --report the sheet itself: each row's result written beside it.
 */
export async function reportSinks(
  resolved: ResolvedCampaign,
  rows: PlannedRows,
  options: ReportSinkOptions,
): Promise<ReportSinks> {
  const extra = [...(options.sinks ?? [])];
  if (options.reportOwnedBy !== undefined) {
    return {
      sinks: extra,
      reportPath: resolved.reportPath,
      reportNotWritten: { reason: "another-run", pid: options.reportOwnedBy },
    };
  }
  const { source } = rows;
  if (resolved.sheetTab !== undefined && resolved.reportPath === resolved.source && isSheetsSource(source)) {
    // Loaded on demand, like the Sheets client itself.
    const { openSheetWriteback } = await import("../sinks/sheet/writeback.js");
    const { identityColumns } = await import("../sinks/sheet/cells.js");
    const sheet = await openSheetWriteback({
      api: source.api,
      tab: source.tab,
      headers: source.headers,
      headerRowNumber: source.headerRowNumber,
      keyColumn: rows.columns.phone.index,
      matchColumns: identityColumns(rows.columns),
      checkAccess: options.checkSheetAccess ?? true,
      lang: options.lang ?? "en",
      ...options.sheetWriteback,
    });
    const link = sheetLink({ spreadsheetId: source.tab.spreadsheetId, gid: source.tab.sheetId });
    // Not `report`: a sheet that cannot be written is told as a warning, its rows are in the journal.
    return { sinks: [sheet, ...extra], reportPath: link };
  }
  if (options.reportEveryMs !== undefined) {
    const live = liveReport(resolved.reportPath, source, {
      everyMs: options.reportEveryMs,
      onWarning: options.onWarning,
      lang: options.lang ?? "en",
    });
    return { sinks: [live, ...extra], report: live, reportPath: resolved.reportPath };
  }
  const report = orderedReportSink(await openReport(resolved.reportPath, source, options.lang ?? "en"));
  return { sinks: [report, ...extra], report, reportPath: report.path };
}
