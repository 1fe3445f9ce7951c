import type { CalltouchClient } from "../calltouch/types.js";
import { withCleanup } from "../cleanup.js";
import type { RateLimiter } from "../dispatch/rate-limiter.js";
import { InputError, StopError } from "../errors.js";
import type { RowOutcome } from "../outcome.js";
import type { OutcomeSink } from "../sinks/outcome-sink.js";
import type { SheetWritebackHooks } from "../sinks/sheet/writeback.js";
import type { OpenSourceOptions } from "../sources/open.js";
import { type CampaignState, openCampaignState, reportOutcome } from "./campaign-state.js";
import { openPlannedRows, type PlannedRows } from "./plan.js";
import { reportSinks } from "./report-sinks.js";
import type { ResolvedCampaign } from "./resolve.js";
import { type RunProgress, RunState } from "./run-state.js";
import { type RowAttempt, sendPass } from "./send-pass.js";
import { settleRest } from "./settle-pass.js";
import type { RunSummary } from "./summary.js";

export type { RunProgress } from "./run-state.js";
export type { RowAttempt } from "./send-pass.js";

export interface RunOptions extends OpenSourceOptions {
  client: CalltouchClient;
  /** The process-wide limiter; every request of every campaign goes through it. */
  limiter: RateLimiter;
  stateDir: string;
  /** `run` sends what was never tried; `retry` only what failed (and `unknown` with includeUnknown). */
  mode?: "run" | "retry";
  includeUnknown?: boolean;
  /** The token, for the per-token daily limit (only a fingerprint of it is stored). */
  token?: string;
  /** Outside the call window: stop (exit 3) instead of waiting. */
  noWait?: boolean;
  signal?: AbortSignal;
  /** More subscribers of settled rows besides the report file (a sheet's result columns, ...). */
  sinks?: readonly OutcomeSink[];
  /** Rewrite the report every so many ms while the run goes on (see ReportSinkOptions). */
  reportEveryMs?: number;
  /**
   * A Google Sheet written back: write its header cells first, so view-only access is refused before
   * anything is sent (a watch's later cycles skip it). @default true
   */
  checkSheetAccess?: boolean;
  /** A Google Sheet written back: the write pacer to share (a watch's looks) and where its warnings go. */
  sheetWriteback?: SheetWritebackHooks;
  onProgress?: (progress: RunProgress) => void;
  /**
   * Called once the source is open and its columns check out, right before sending begins: the
   * place to ask for confirmation or say "sending" (a configuration error has been told by then).
   * `estimatedRows`: about how many data rows the source holds, when it can tell without reading.
   */
  onReady?: (ready: { estimatedRows?: number }) => Promise<void> | void;
  /** Every answer and what follows from it (the CLI logs it). A throw here never harms a row. */
  onAttempt?: (attempt: RowAttempt) => void;
  /** For warnings that are not about one row (exclude-file lines that are not phones, a sink that failed). */
  onWarning?: (message: string) => void;
}

/**
 * After a signal, how long the rest of the file may take to be reported `pending` before the run
 * gives up on the report (keeping the previous one) and exits: Ctrl+C must feel immediate.
 */
const REST_AFTER_SIGNAL_MS = 2000;

/**
 * `ctdial run` / `ctdial retry`: everything `validate` does, then sending, in one pass over the
 * source. Every request's intent is on disk before it leaves and its outcome after it returns; every
 * row is settled once into the run's state, which hands it to the report and the other sinks.
 */
export async function runCampaign(resolved: ResolvedCampaign, options: RunOptions): Promise<RunSummary> {
  const state = await openCampaignState(resolved, { stateDir: options.stateDir, token: options.token });
  let rows: PlannedRows | undefined;
  return withCleanup(async () => {
    for (const warning of state.warnings) options.onWarning?.(warning);
    await state.journal.recordRun(options.mode ?? "run");
    rows = await openPlannedRows(resolved, options);
    await options.onReady?.({ estimatedRows: rows.source.estimatedRows });
    return await sendAndReport(resolved, options, state, rows);
  }, [() => rows?.close(), () => state.close()]);
}

/** The run's phases: sinks open, sending, the rest settled after an early stop, sinks closed. */
async function sendAndReport(
  resolved: ResolvedCampaign,
  options: RunOptions,
  state: CampaignState,
  rows: PlannedRows,
): Promise<RunSummary> {
  const { sinks, reportPath, reportNote } = await reportSinks(resolved, rows, options);
  const run = new RunState({
    campaign: resolved.campaign,
    sinks,
    report: reportPath,
    dryRun: false,
    onProgress: options.onProgress,
    onSinkFailure: (sink, error) =>
      options.onWarning?.(
        `${sink.name} could not be written (${messageOf(error)}); sending goes on, and the journal keeps every result for the next run to write`,
      ),
  });
  let complete = false;
  try {
    const stopped = await sendPass(rows, resolved.campaign, state, run, {
      client: options.client,
      limiter: options.limiter,
      mode: options.mode ?? "run",
      includeUnknown: options.includeUnknown,
      noWait: options.noWait,
      signal: options.signal,
      onAttempt: options.onAttempt,
      onHookError: (error) => options.onWarning?.(`a log line could not be written: ${messageOf(error)}`),
    });
    run.summary.stopped = stopped;
    complete = await settleUnsent(rows, state, run, stopped);
  } catch (error) {
    throw midRunStop(error, run) ?? error;
  } finally {
    await run.close({ complete });
  }
  run.summary.reportNote = reportNote ?? notWrittenNote(run, complete, reportPath);
  return run.summary;
}

/**
 * Rows sending never took (it stopped early): settled from the journal, `pending` with the stop's
 * reason. After a signal this is time-boxed; the previous report then stays (see notWrittenNote).
 */
async function settleUnsent(
  rows: PlannedRows,
  state: CampaignState,
  run: RunState,
  stopped: RunSummary["stopped"],
): Promise<boolean> {
  const deadline = stopped?.code === "SIGNAL" ? Date.now() + REST_AFTER_SIGNAL_MS : undefined;
  const withStopReason = (outcome: RowOutcome): RowOutcome => {
    if (outcome.status !== "pending" || stopped === undefined || outcome.reason !== undefined) return outcome;
    return { ...outcome, code: stopped.code, reason: stopped.message };
  };
  return settleRest(
    rows,
    run,
    (planned) => {
      const outcome = reportOutcome(state, planned);
      return outcome instanceof Promise ? outcome.then(withStopReason) : withStopReason(outcome);
    },
    deadline,
  );
}

function notWrittenNote(run: RunState, complete: boolean, reportPath: string): string | undefined {
  const failed = run.sinkFailures.find((failure) => failure.sink.name.endsWith(reportPath));
  if (failed !== undefined) {
    return `${messageOf(failed.error).replace(/\.$/, "")}; the journal has every result: \`ctdial validate\` on the same file writes the report again`;
  }
  if (!complete) {
    return `${reportPath} was not rewritten, to exit at once; the journal has every result: \`ctdial validate\` on the same file writes the report again, or the next \`ctdial run\` does`;
  }
  return undefined;
}

/**
 * The file turned out to be unreadable past some line (an unclosed quote, a line in another encoding)
 * after sending had begun. Requests already sent stand, so this is a stop (exit 3), not an input
 * error; the report cannot be written from a file that cannot be read.
 */
function midRunStop(error: unknown, run: RunState): StopError | undefined {
  if (!(error instanceof InputError) || run.progress.done === 0) return undefined;
  return new StopError(
    "E_INPUT_MIDRUN",
    `${error.message} Sending stopped there after ${sentRows(run.progress.counts.sent ?? 0)}; fix the file and run the same command again (rows already sent will not be sent twice).`,
    { cause: error },
  );
}

function sentRows(n: number): string {
  return n === 1 ? "1 row was sent" : `${n} rows were sent`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
