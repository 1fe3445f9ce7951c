import type { JournalStats } from "../journal/index.js";
import type { RowStatus } from "../outcome.js";
import type { OpenSourceOptions } from "../sources/open.js";
import { planRows } from "./plan.js";
import { openPlannedSource } from "./report-pass.js";
import type { ResolvedCampaign } from "./resolve.js";
import { gateRow, knownRow, openCampaignState } from "./state.js";

export interface CampaignStatus {
  readonly journal: JournalStats;
  /** The file's rows as the report would show them now, by status. */
  readonly rows: Partial<Record<RowStatus, number>>;
  readonly total: number;
  /** Rows `run` would send now (never tried, or left pending by a stop). */
  readonly left: number;
  /** Rows `retry` would send (failed). */
  readonly retryable: number;
}

/**
 * `ctdial status`: what the journal knows, joined with the file as it is now. Reads both, writes
 * nothing (the journal is opened read-only, so a running `run` is not disturbed).
 */
export async function campaignStatus(
  resolved: ResolvedCampaign,
  options: OpenSourceOptions & { stateDir: string },
): Promise<CampaignStatus> {
  const state = await openCampaignState(resolved, { stateDir: options.stateDir, readOnly: true });
  try {
    const rows: Partial<Record<RowStatus, number>> = {};
    let total = 0;
    const { source, columns } = await openPlannedSource(resolved, options);
    try {
      for await (const planned of planRows(source, columns, resolved.campaign)) {
        total += 1;
        let status: RowStatus;
        if (planned.outcome !== undefined) status = planned.outcome.status;
        else {
          const row = knownRow(planned.row.rowNumber, planned.phoneKey, planned.request);
          const decision = await gateRow(state, row, "report");
          status = decision.send ? "pending" : decision.outcome.status;
        }
        rows[status] = (rows[status] ?? 0) + 1;
      }
    } finally {
      await source.close();
    }
    return {
      journal: state.journal.stats(),
      rows,
      total,
      left: rows.pending ?? 0,
      retryable: rows.failed ?? 0,
    };
  } finally {
    await state.close();
  }
}
