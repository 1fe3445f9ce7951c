import type { CalltouchClient } from "../calltouch/types.js";
import { withCleanup } from "../cleanup.js";
import type { Clock } from "../clock.js";
import type { RateLimiter } from "../dispatch/rate-limiter.js";
import { InputError, isCtdialError, StopError } from "../errors.js";
import { type ParamsOf, type Said, say } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import type { OutcomeSink, SinkTarget } from "../sinks/outcome-sink.js";
import type { SheetWritebackHooks } from "../sinks/sheet/writeback.js";
import type { OpenSourceOptions } from "../sources/open.js";
import { type CampaignState, openCampaignState, reportFate } from "./campaign-state.js";
import { openPlannedRows, type PlannedRows } from "./plan.js";
import { reportSinks } from "./report-sinks.js";
import type { ResolvedCampaign } from "./resolve.js";
import { type RunProgress, RunState } from "./run-state.js";
import { type RowAttempt, sendPass } from "./send-pass.js";
import { settleRest } from "./settle-pass.js";
import type { ReportNotWritten, RunStop, RunSummary } from "./summary.js";
import { PENDING } from "./unsent.js";

export type { RunProgress } from "./run-state.js";
export type { RowAttempt } from "./send-pass.js";

export interface RunOptions extends OpenSourceOptions {
  /** The language the report's `ctdial_error` is worded in. @default "en" */
  lang?: Lang;
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
  /** For warnings that are not about one row (exclude-file lines that are not phones). */
  /** A warning: its English sentence, and what it says as data when ctdial wrote it (to word it in the user's language). */
  onWarning?: (message: string, said?: Said) => void;
  /**
   * A sink (`name`) failed and receives nothing more; sending goes on, and the journal keeps every
   * result for the next run to write. Unset: told to `onWarning` in a default English sentence.
   */
  onSinkFailure?: (name: string, error: unknown, target?: SinkTarget) => void;
  /** `onAttempt` threw (a log line could not be written); the row goes on. Unset: told to `onWarning`. */
  onHookError?: (error: unknown) => void;
  /** "Now" for the call window, the daily limit, the dedupe window and the journal's times. @default systemClock */
  clock?: Clock;
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
  const state = await openCampaignState(resolved, {
    stateDir: options.stateDir,
    token: options.token,
    clock: options.clock,
  });
  let rows: PlannedRows | undefined;
  return withCleanup(async () => {
    for (const warning of state.warnings) options.onWarning?.(say("en", warning), warning);
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
  const { sinks, report, reportPath, reportNotWritten } = await reportSinks(resolved, rows, options);
  const run = new RunState({
    campaign: resolved.campaign,
    sinks,
    report: reportPath,
    dryRun: false,
    onProgress: options.onProgress,
    onSinkFailure: (sink, error) =>
      options.onSinkFailure !== undefined
        ? options.onSinkFailure(sink.name, error, sink.target)
        : options.onWarning?.(
            say("en", {
              code: "runSinkFailureShort",
              params: { name: sink.name, message: messageOf(error) },
            }),
          ),
  });
  run.reportNotWritten(reportNotWritten);
  let complete = false;
  try {
    const stopped = await sendPass(rows, resolved.campaign, state, run, {
      client: options.client,
      limiter: options.limiter,
      mode: options.mode ?? "run",
      includeUnknown: options.includeUnknown,
      noWait: options.noWait,
      signal: options.signal,
      clock: options.clock,
      onAttempt: options.onAttempt,
      onHookError:
        options.onHookError ??
        ((error) =>
          options.onWarning?.(say("en", { code: "runHookError", params: { message: messageOf(error) } }))),
    });
    run.stopped(stopped);
    complete = await settleUnsentRest(rows, state, run, stopped);
  } catch (error) {
    throw midRunStop(error, run) ?? error;
  } finally {
    await run.close({ complete });
  }
  run.reportNotWritten(notWritten(run, complete, report));
  return run.summary();
}

/**
 * Rows sending never took (it stopped early): settled from the journal, `pending` with the stop's
 * reason. After a signal this is time-boxed; the previous report then stays (see notWritten).
 */
function settleUnsentRest(
  rows: PlannedRows,
  state: CampaignState,
  run: RunState,
  stop: RunStop | undefined,
): Promise<boolean> {
  // Measures an interval, not a date: the process's own time.
  const deadline = stop?.kind === "signal" ? Date.now() + REST_AFTER_SIGNAL_MS : undefined;
  return settleRest(rows, run, reportFate(state), { sendable: PENDING, stop, deadline });
}

/** Why the report (the sink that writes it, found by identity) was not written, if it was not. */
function notWritten(
  run: RunState,
  complete: boolean,
  report: OutcomeSink | undefined,
): ReportNotWritten | undefined {
  const failed = run.sinkFailures.find((failure) => failure.sink === report);
  if (failed !== undefined) {
    const { error } = failed;
    return isCtdialError(error)
      ? { reason: "failed", code: error.code, message: error.message, params: error.params }
      : { reason: "failed", message: error instanceof Error ? error.message : String(error) };
  }
  return complete ? undefined : { reason: "cut-short" };
}

/**
 * The file turned out to be unreadable past some line (an unclosed quote, a line in another encoding)
 * after sending had begun. Requests already sent stand, so this is a stop (exit 3), not an input
 * error; the report cannot be written from a file that cannot be read.
 */
function midRunStop(error: unknown, run: RunState): StopError | undefined {
  if (!(error instanceof InputError) || run.progress.done === 0) return undefined;
  const sent = run.progress.counts.sent ?? 0;
  return new StopError(
    {
      code: "E_INPUT_MIDRUN",
      // The input error's own params come along, so that the CLI can word it in the user's language.
      params: {
        ...error.params,
        inputCode: error.code,
        inputMessage: error.message,
        sent,
      } as ParamsOf<"E_INPUT_MIDRUN">,
    },
    { cause: error },
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
