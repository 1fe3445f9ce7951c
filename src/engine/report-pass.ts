import { effectiveMapping } from "../campaign/auto-map.js";
import { type ResolvedColumns, resolveColumns } from "../mapping/columns.js";
import type { RowOutcome } from "../outcome.js";
import { openReport } from "../sinks/open-report.js";
import { type OpenSourceOptions, openSource } from "../sources/open.js";
import type { Source } from "../sources/types.js";
import { createPlanner, type PlannedRow } from "./plan.js";
import type { ResolvedCampaign } from "./resolve.js";
import { countOutcome, emptySummary, type RunSummary } from "./summary.js";

/** Campaigns whose mapping warnings were given: once per command, though run opens the source twice. */
const warned = new WeakSet<ResolvedCampaign>();

/** Opens the campaign's source and resolves its columns; the caller closes the source. */
export async function openPlannedSource(
  resolved: ResolvedCampaign,
  options: OpenSourceOptions & { onWarning?: (message: string) => void },
): Promise<{ source: Source; columns: ResolvedColumns }> {
  const source = await openSource(resolved.source, { ...options, sheet: resolved.campaign.sheet });
  try {
    const onWarning = warned.has(resolved) ? undefined : options.onWarning;
    warned.add(resolved);
    return {
      source,
      columns: resolveColumns(
        source.headers,
        effectiveMapping(source.headers, resolved.campaign, onWarning),
        resolved.campaign.defaults,
      ),
    };
  } catch (error) {
    await source.close();
    throw error;
  }
}

/**
 * Reads the file once more, plans every row (planning is deterministic), joins each row with its
 * outcome and writes the report in the file's order. `validate` is this pass alone; `run` does it
 * after sending, so that rows never taken are reported `pending`. The report replaces the old one
 * only when complete.
 */
export async function reportPass(
  resolved: ResolvedCampaign,
  options: OpenSourceOptions & { onWarning?: (message: string) => void },
  /** The outcome of a row that mapping found sendable (invalid and duplicate rows need no lookup). */
  outcomeOf: (planned: Extract<PlannedRow, { request: object }>) => RowOutcome | Promise<RowOutcome>,
  dryRun: boolean,
): Promise<RunSummary> {
  const { source, columns } = await openPlannedSource(resolved, options);
  try {
    const report = await openReport(resolved.reportPath, source);
    const summary = emptySummary(report.path, dryRun);
    try {
      // One async step per row (the source's); planning and writing wait only when they must.
      const plan = createPlanner(columns, resolved.campaign, source.estimatedRows, resolved.startedAt);
      for await (const row of source.rows()) {
        const planned = plan(row);
        let outcome =
          planned.outcome === undefined
            ? outcomeOf(planned)
            : planned.historyFirst
              ? historyOr(outcomeOf(planned), planned.outcome)
              : planned.outcome;
        if (outcome instanceof Promise) outcome = await outcome;
        if (planned.note !== undefined) outcome = withNote(outcome, planned.note);
        countOutcome(summary, row.rowNumber, outcome);
        const written = report.write(row, outcome);
        if (written !== undefined) await written;
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

/** Statuses that only an earlier run can have given a row: they win over this run's own reasons. */
const HISTORY = new Set<RowOutcome["status"]>(["sent", "unknown", "failed"]);

/** What the journal says of the row when it says something final, else this run's `own` outcome. */
function historyOr(
  known: RowOutcome | Promise<RowOutcome>,
  own: RowOutcome,
): RowOutcome | Promise<RowOutcome> {
  if (known instanceof Promise) return known.then((settled) => (HISTORY.has(settled.status) ? settled : own));
  return HISTORY.has(known.status) ? known : own;
}

/** The planner's note on a row that is (or would be) sent; other outcomes say more already. */
function withNote(outcome: RowOutcome, note: string): RowOutcome {
  switch (outcome.status) {
    case "would-send":
    case "sent":
    case "pending":
      return { ...outcome, note };
    default:
      return outcome;
  }
}

/**
 * Counts the file's data rows, for the progress bar's total and ETA. Runs beside sending (it never
 * delays the first request) and reads the file on its own.
 */
export async function countRows(resolved: ResolvedCampaign, options: OpenSourceOptions): Promise<number> {
  const source = await openSource(resolved.source, { ...options, sheet: resolved.campaign.sheet });
  try {
    let count = 0;
    for await (const _row of source.rows()) count += 1;
    return count;
  } finally {
    await source.close();
  }
}
