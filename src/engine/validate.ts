import { withCleanup } from "../cleanup.js";
import type { Clock } from "../clock.js";
import { type Said, say } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import { lockHolder } from "../journal/index.js";
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
import { openPlannedRows, type PlannedRows } from "./plan.js";
import { reportSinks } from "./report-sinks.js";
import type { ResolvedCampaign } from "./resolve.js";
import { type RunProgress, RunState } from "./run-state.js";
import { settleRest } from "./settle-pass.js";
import type { RunSummary } from "./summary.js";
import { type FateOf, WOULD_SEND } from "./unsent.js";

const SEND: Eligibility = { send: true, priorAttempts: 0 };

/**
 * How a sendable row's outcome is found. A first validate of a big file should not pay for machinery
 * it does not use: with an empty journal and no exclude list, only the dedupe window can change a
 * row's fate, and that is one look into the registry's in-memory table (none at all when the
 * registry knows no phone); everything else takes the full path.
 */
function fateFor(state: CampaignState, full: FateOf): FateOf {
  if (remembersNothing(state)) return () => SEND;
  const dedupe = state.dedupe;
  const journalEmpty = state.journal.stats().rowsKnown === 0;
  if (!journalEmpty || state.exclude !== undefined || dedupe?.windowMs === undefined) return full;
  const { registry, windowMs } = dedupe;
  return (planned) => {
    // undefined: not dialed within the window; a hit or a due refresh (null) takes the full path.
    const hit = registry.peek(planned.phoneKey, state.clock.now(), windowMs);
    return hit === undefined ? SEND : full(planned);
  };
}

export interface ValidateOptions extends OpenSourceOptions {
  /** The language the report's `ctdial_error` is worded in. @default "en" */
  lang?: Lang;
  stateDir: string;
  /** More subscribers besides the report file (a sheet's result columns, ...). */
  sinks?: readonly OutcomeSink[];
  /** See RunOptions.checkSheetAccess. */
  checkSheetAccess?: boolean;
  onProgress?: (progress: RunProgress) => void;
  /** A warning: its English sentence, and what it says as data when ctdial wrote it (to word it in the user's language). */
  onWarning?: (message: string, said?: Said) => void;
  /** "Now" for the dedupe window. @default systemClock */
  clock?: Clock;
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
  const state = await openCampaignState(resolved, {
    stateDir: options.stateDir,
    readOnly: true,
    clock: options.clock,
  });
  let rows: PlannedRows | undefined;
  return withCleanup(async () => {
    for (const warning of state.warnings) options.onWarning?.(say("en", warning), warning);
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
  const { sinks, reportPath, reportNotWritten } = await reportSinks(resolved, rows, {
    ...options,
    reportOwnedBy: await lockHolder(state.journal.path),
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
  run.reportNotWritten(reportNotWritten);
  const full: FateOf = (planned) =>
    eligibilityOf(state, knownRow(planned.row.rowNumber, planned.phoneKey, planned.request), "dry-run");
  let complete = false;
  try {
    complete = await settleRest(rows, run, fateFor(state, full), { sendable: WOULD_SEND });
  } finally {
    await run.close({ complete });
  }
  if (failure !== undefined) throw failure;
  return run.summary();
}
