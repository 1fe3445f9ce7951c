import { withCleanup } from "../cleanup.js";
import type { Clock } from "../clock.js";
import type { JournalStats } from "../journal/index.js";
import type { RowStatus } from "../outcome.js";
import type { OpenSourceOptions } from "../sources/open.js";
import { openCampaignState, reportFate } from "./campaign-state.js";
import { openPlannedRows } from "./plan.js";
import type { ResolvedCampaign } from "./resolve.js";
import { PENDING, unsentOutcome } from "./unsent.js";

export interface CampaignStatus {
  readonly journal: JournalStats;
  /** The campaign's timezone: the CLI shows the journal's times in it. */
  readonly timezone: string;
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
  /** `clock`: "now" for the dedupe window. @default systemClock */
  options: OpenSourceOptions & { stateDir: string; clock?: Clock },
): Promise<CampaignStatus> {
  const state = await openCampaignState(resolved, {
    stateDir: options.stateDir,
    readOnly: true,
    clock: options.clock,
  });
  return withCleanup(async () => {
    const rows: Partial<Record<RowStatus, number>> = {};
    let total = 0;
    const planned = await openPlannedRows(resolved, options);
    const fate = reportFate(state);
    await withCleanup(async () => {
      for (let next = await planned.next(); next !== undefined; next = await planned.next()) {
        total += 1;
        const row = next.planned;
        const status: RowStatus = (await unsentOutcome(row, fate, { sendable: PENDING })).status;
        rows[status] = (rows[status] ?? 0) + 1;
      }
    }, [() => planned.close()]);
    return {
      journal: state.journal.stats(),
      timezone: state.timezone,
      rows,
      total,
      left: rows.pending ?? 0,
      retryable: rows.failed ?? 0,
    };
  }, [() => state.close()]);
}
