import { openReport } from "../sinks/open-report.js";
import { orderedReport } from "../sinks/report-sink.js";
import type { SourceInfo } from "../sources/types.js";
import type { ResolvedCampaign } from "./resolve.js";
import type { OutcomeSink } from "./sink.js";

export interface ReportSinkOptions {
  /** More subscribers besides the report file. */
  readonly sinks?: readonly OutcomeSink[];
  /** Write no report file. */
  readonly noReportFile?: boolean;
  /** Why the report file must not be written now (another run owns it); implies no report file. */
  readonly reportBlocked?: string;
}

/** The sinks of one command: the report file (unless told otherwise), then the caller's own. */
export async function reportSinks(
  resolved: ResolvedCampaign,
  source: SourceInfo,
  options: ReportSinkOptions,
): Promise<{ sinks: OutcomeSink[]; reportPath: string; reportNote?: string }> {
  const extra = [...(options.sinks ?? [])];
  if (options.reportBlocked !== undefined) {
    return { sinks: extra, reportPath: resolved.reportPath, reportNote: options.reportBlocked };
  }
  if (options.noReportFile === true) return { sinks: extra, reportPath: "" };
  const report = orderedReport(await openReport(resolved.reportPath, source));
  return { sinks: [report, ...extra], reportPath: report.path };
}
