import type { Logger } from "pino";
import type { CalltouchClient, Decision } from "../calltouch/types.js";
import { type DispatchItem, type DispatchResult, dispatch } from "../dispatch/dispatch.js";
import type { RateLimiter } from "../dispatch/rate-limiter.js";
import { InputError, StopError } from "../errors.js";
import type { ResolvedColumns } from "../mapping/columns.js";
import type { RowOutcome } from "../outcome.js";
import { fanOut } from "../sinks/fan-out.js";
import type { OpenSourceOptions } from "../sources/open.js";
import type { Source } from "../sources/types.js";
import { planRows } from "./plan.js";
import { openPlannedSource, reportPass } from "./report-pass.js";
import type { ResolvedCampaign } from "./resolve.js";
import { createSendGate } from "./send-gate.js";
import type { OutcomeSink, SettledRow } from "./sink.js";
import { type CampaignState, gateRow, type KnownRow, knownRow, openCampaignState } from "./state.js";
import type { RunSummary } from "./summary.js";

export interface RunProgress {
  /** Rows read and planned so far. */
  read: number;
  /** Rows with a final outcome. */
  done: number;
  counts: Record<string, number>;
  /** Set while sending waits, e.g. for the call window to open. */
  note?: string;
}

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
  logger?: Logger;
  onProgress?: (progress: RunProgress) => void;
  /** For warnings that are not about one row (exclude-file lines that are not phones). */
  onWarning?: (message: string) => void;
  /**
   * Sinks that receive each row as it settles (a Google Sheet's live write-back), opened once the
   * source is; closed before the report pass. Interim until the engine owns its sinks.
   */
  openSinks?: (source: Source, columns: ResolvedColumns) => Promise<OutcomeSink[]>;
}

/** The dispatcher hands back the very items it was given, so they keep the journal's keys. */
type JournalItem = DispatchItem & KnownRow;

/**
 * `ctdial run` / `ctdial retry`: everything `validate` does, then sending. Rows stream from the file
 * through the journal's memory into the dispatcher, so the first request leaves before the file is
 * read to the end. Every request's intent is on disk before it leaves and its outcome after it
 * returns; the report is then written from the file and the journal together.
 */
export async function runCampaign(resolved: ResolvedCampaign, options: RunOptions): Promise<RunSummary> {
  const state = await openCampaignState(resolved, { stateDir: options.stateDir, token: options.token });
  try {
    for (const warning of state.warnings) options.onWarning?.(warning);
    return await runWithState(resolved, options, state);
  } finally {
    await state.close();
  }
}

async function runWithState(
  resolved: ResolvedCampaign,
  options: RunOptions,
  state: CampaignState,
): Promise<RunSummary> {
  const { campaign } = resolved;
  const mode = options.mode ?? "run";
  await state.journal.recordRun(mode);
  // Only what this run settled and the journal cannot say in full (a stop's code and reason).
  const settledHere = new Map<number, RowOutcome>();
  const progress: RunProgress = { read: 0, done: 0, counts: {} };
  let sinks = fanOut([]);
  // Rows read and not yet settled, kept only while some sink wants whole rows.
  const held = new Map<number, Omit<SettledRow, "outcome">>();
  const settle = (rowNumber: number, outcome: RowOutcome): Promise<void> | undefined => {
    if (outcome.status === "pending" && outcome.reason !== undefined) settledHere.set(rowNumber, outcome);
    progress.done += 1;
    progress.counts[outcome.status] = (progress.counts[outcome.status] ?? 0) + 1;
    options.onProgress?.(progress);
    const row = held.get(rowNumber);
    if (row === undefined) return undefined;
    held.delete(rowNumber);
    return sinks.accept({ ...row, outcome });
  };
  const sendGate = createSendGate(campaign, state, {
    signal: options.signal,
    noWait: options.noWait,
    onWait: (note) => {
      progress.note = note;
      options.onProgress?.(progress);
    },
  });

  const { source, columns } = await openPlannedSource(resolved, options);
  let stopped: RunSummary["stopped"];
  let complete = false;
  try {
    if (options.openSinks !== undefined)
      sinks = fanOut(await options.openSinks(source, columns), options.onWarning);
    async function* sendable(): AsyncGenerator<JournalItem> {
      for await (const planned of planRows(source, columns, campaign)) {
        progress.read += 1;
        if (sinks.active) {
          held.set(planned.row.rowNumber, {
            index: progress.read - 1,
            row: planned.row,
            phone: planned.request?.phone,
          });
        }
        if (planned.outcome !== undefined) {
          const wait = settle(planned.row.rowNumber, planned.outcome);
          if (wait !== undefined) await wait;
          continue;
        }
        const row = knownRow(planned.row.rowNumber, planned.phoneKey, planned.request);
        const decision = await gateRow(state, row, mode, { includeUnknown: options.includeUnknown });
        if (decision.send) yield row;
        else {
          const wait = settle(row.rowNumber, decision.outcome);
          if (wait !== undefined) await wait;
        }
      }
      complete = true;
    }
    const result = await dispatch(sendable(), {
      client: options.client,
      limiter: options.limiter,
      signal: options.signal,
      campaignRouteKey: campaign.routeKey,
      retryUnknown: campaign.retryUnknown,
      resendWithoutSessionId: campaign.resendWithoutSessionId,
      retry: { maxAttempts: campaign.retry.attempts },
      hooks: {
        beforeSend: async (item, attempt) => {
          await sendGate.beforeSend(item.rowNumber);
          await state.journal.recordIntent(item as JournalItem, attempt);
        },
        onOutcome: async (item, outcome) => {
          const row = item as JournalItem;
          await state.journal.recordOutcome(row, outcome);
          await sendGate.afterOutcome(row, outcome);
          await settle(row.rowNumber, outcome);
        },
        onAttempt: (item, attempt, _answer, decision) =>
          logAttempt(options.logger, item.rowNumber, attempt, decision),
      },
    });
    stopped = result.stopped ?? routeStop(result.stoppedRoutes);
  } catch (error) {
    throw midRunStop(error, progress) ?? error;
  } finally {
    await source.close();
    // Before the report pass reads the source again: it must see what the sinks wrote.
    await sinks.close({ complete });
  }
  const summary = await reportPass(
    resolved,
    options,
    async (planned) => {
      const here = settledHere.get(planned.row.rowNumber);
      if (here !== undefined) return here;
      const decision = await gateRow(
        state,
        knownRow(planned.row.rowNumber, planned.phoneKey, planned.request),
        "report",
      );
      return decision.send ? { status: "pending" } : decision.outcome;
    },
    false,
  );
  summary.stopped = stopped;
  return summary;
}

/** One log line per answer: quiet for successes, louder the more the user must act. */
function logAttempt(logger: Logger | undefined, row: number, attempt: number, decision: Decision): void {
  if (logger === undefined) return;
  const code = "code" in decision ? decision.code : undefined;
  switch (decision.action) {
    case "done":
      logger.debug({ row, attempt, requestId: decision.requestId }, "accepted");
      return;
    case "retry":
    case "retry-later":
      logger.warn({ row, attempt, code }, `row ${row}: ${decision.message}; will retry`);
      return;
    case "resend-without-session":
      logger.warn(
        { row, attempt, code },
        `row ${row}: ${decision.message}; sending it again without sessionId`,
      );
      return;
    case "fail":
    case "unknown":
      logger.info({ row, attempt, code }, `row ${row}: ${decision.message}`);
      return;
    case "stop-route":
    case "stop-campaign":
      logger.error({ row, attempt, code }, `row ${row}: ${decision.message}`);
      return;
  }
}

/** Per-row widget keys Calltouch refused (10003): their rows are pending, and the run counts as stopped. */
function routeStop(routes: DispatchResult["stoppedRoutes"]): RunSummary["stopped"] {
  const first = routes[0];
  if (first === undefined) return undefined;
  const keys = routes.map((r) => r.routeKey).join(", ");
  return {
    code: first.code,
    message: `Calltouch refused the widget key${routes.length > 1 ? "s" : ""} ${keys}: ${first.message}`,
    advice: first.advice,
  };
}

/**
 * The file turned out to be unreadable past some line (an unclosed quote, a line in another encoding)
 * after sending had begun. Requests already sent stand, so this is a stop (exit 3), not an input
 * error; the report cannot be written from a file that cannot be read. Rule stops (daily limit, call
 * window) never arrive here: the dispatcher returns them as `stopped`.
 */
function midRunStop(error: unknown, progress: RunProgress): StopError | undefined {
  if (!(error instanceof InputError) || progress.done === 0) return undefined;
  return new StopError(
    "E_INPUT_MIDRUN",
    `${error.message} Sending stopped there after ${progress.counts.sent ?? 0} rows were sent; fix the file and run the same command again (rows already sent will not be sent twice).`,
    { cause: error },
  );
}
