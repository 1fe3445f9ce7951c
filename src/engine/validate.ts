import { effectiveMapping } from "../campaign/auto-map.js";
import { resolveColumns } from "../mapping/columns.js";
import { formatProblems } from "../mapping/types.js";
import type { RowOutcome } from "../outcome.js";
import { openReport } from "../sinks/open-report.js";
import { openSource } from "../sources/open.js";
import { planRows } from "./plan.js";
import type { CampaignOptions, ResolvedCampaign } from "./resolve.js";
import { countOutcome, emptySummary, type RunSummary } from "./summary.js";

/**
 * `ctdial validate`: read, map and check every row, write the report with `would-send` / `invalid` /
 * `skipped`, send nothing. One pass, streaming: memory does not grow with the file beyond the
 * duplicate index.
 */
export async function validateCampaign(resolved: ResolvedCampaign, options: CampaignOptions = {}): Promise<RunSummary> {
  const { campaign } = resolved;
  const source = await openSource(resolved.source, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: campaign.sheet,
  });
  try {
    const columns = resolveColumns(source.headers, effectiveMapping(source.headers, campaign));
    const report = await openReport(resolved.reportPath, source);
    const summary = emptySummary(report.path, true);
    try {
      for await (const planned of planRows(source.rows(), columns, campaign)) {
        const outcome: RowOutcome = planned.outcome ?? { status: "would-send" };
        countOutcome(summary, planned.row.rowNumber, outcome, formatProblems);
        await report.write(planned.row, outcome);
      }
    } catch (error) {
      await report.abort();
      throw error;
    }
    await report.close();
    return summary;
  } finally {
    await source.close();
  }
}
