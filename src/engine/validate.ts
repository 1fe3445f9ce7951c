import { withCleanup } from "../cleanup.js";
import { lockHolder } from "../journal/index.js";
import type { RowOutcome } from "../outcome.js";
import type { OutcomeSink } from "../sinks/outcome-sink.js";
import type { OpenSourceOptions } from "../sources/open.js";
import {
  type CampaignState,
  eligibilityOf,
  knownRow,
  openCampaignState,
  remembersNothing,
} from "./campaign-state.js";
import type { Eligibility } from "./eligibility.js";
import { openPlannedRows, type PlannedRows, type SendablePlannedRow } from "./plan.js";
import { reportSinks } from "./report-sinks.js";
import type { ResolvedCampaign } from "./resolve.js";
import { type RunProgress, RunState } from "./run-state.js";
import { settleRest } from "./settle-pass.js";
import type { RunSummary } from "./summary.js";

const WOULD_SEND: RowOutcome = { status: "would-send" };

function wouldSend(fate: Eligibility): RowOutcome {
  return fate.send ? WOULD_SEND : fate.outcome;
}

/**
 * How a sendable row's outcome is found. A first validate of a big file should not pay for machinery
 * it does not use: with an empty journal and no exclude list, only the dedupe window can change a
 * row's fate, and that is one look into the registry's in-memory table (none at all when the
 * registry knows no phone); everything else takes the full path.
 */
function lookupFor(
  state: CampaignState,
  full: (planned: SendablePlannedRow) => RowOutcome | Promise<RowOutcome>,
): (planned: SendablePlannedRow) => RowOutcome | Promise<RowOutcome> {
  if (remembersNothing(state)) return () => WOULD_SEND;
  const dedupe = state.dedupe;
  const journalEmpty = state.journal.stats().rowsKnown === 0;
  if (!journalEmpty || state.exclude !== undefined || dedupe?.windowMs === undefined) return full;
  const { registry, windowMs } = dedupe;
  return (planned) => {
    // undefined: not dialed within the window; a hit or a due refresh (null) takes the full path.
    const hit = registry.peek(planned.phoneKey, Date.now(), windowMs);
    return hit === undefined ? WOULD_SEND : full(planned);
  };
}

export interface ValidateOptions extends OpenSourceOptions {
  stateDir: string;
  /** More subscribers besides the report file (a sheet's result columns, ...). */
  sinks?: readonly OutcomeSink[];
  /** See RunOptions.checkSheetAccess. */
  checkSheetAccess?: boolean;
  onProgress?: (progress: RunProgress) => void;
  onWarning?: (message: string) => void;
}

/**
 * `ctdial validate` (and `run --dry-run`): read, map and check every row, write the report with
 * `would-send` / `invalid` / `skipped`, send nothing. The campaign's journal is read (never written):
 * rows an earlier run sent are shown as sent, so the report says what `run` would do now. One
 * streaming pass: memory does not grow with the file beyond the duplicate index. While a `run` of the
 * same campaign is sending, its report is that run's to write: validate then checks and summarises
 * but leaves the report alone.
 */
export async function validateCampaign(
  resolved: ResolvedCampaign,
  options: ValidateOptions,
): Promise<RunSummary> {
  const state = await openCampaignState(resolved, { stateDir: options.stateDir, readOnly: true });
  let rows: PlannedRows | undefined;
  return withCleanup(async () => {
    for (const warning of state.warnings) options.onWarning?.(warning);
    rows = await openPlannedRows(resolved, options);
    return await checkEveryRow(resolved, options, state, rows);
  }, [() => rows?.close(), () => state.close()]);
}

async function checkEveryRow(
  resolved: ResolvedCampaign,
  options: ValidateOptions,
  state: CampaignState,
  rows: PlannedRows,
): Promise<RunSummary> {
  const runner = await lockHolder(state.journal.path);
  const reportBlocked =
    runner === undefined
      ? undefined
      : `${resolved.reportPath} was left alone: a ctdial run of this campaign (process ${runner}) is sending and writes it when it ends`;
  const { sinks, reportPath, reportNote } = await reportSinks(resolved, rows, {
    ...options,
    reportBlocked,
  });
  let failure: unknown;
  const run = new RunState({
    campaign: resolved.campaign,
    sinks,
    report: reportPath,
    dryRun: true,
    onProgress: options.onProgress,
    // The report is what validate is for: a report that cannot be written fails the command.
    onSinkFailure: (_sink, error) => {
      failure ??= error;
    },
  });
  const full = (planned: SendablePlannedRow): RowOutcome | Promise<RowOutcome> => {
    const fate = eligibilityOf(
      state,
      knownRow(planned.row.rowNumber, planned.phoneKey, planned.request),
      "dry-run",
    );
    return fate instanceof Promise ? fate.then(wouldSend) : wouldSend(fate);
  };
  let complete = false;
  try {
    complete = await settleRest(rows, run, lookupFor(state, full));
  } finally {
    await run.close({ complete });
  }
  if (failure !== undefined) throw failure;
  run.summary.reportNote = reportNote;
  return run.summary;
}
