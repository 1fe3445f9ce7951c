import type { Logger } from "pino";
import type { CalltouchClient, Decision } from "../calltouch/types.js";
import { type DispatchItem, type DispatchResult, dispatch } from "../dispatch/dispatch.js";
import type { RateLimiter } from "../dispatch/rate-limiter.js";
import { InputError, StopError } from "../errors.js";
import type { RowOutcome } from "../outcome.js";
import type { OpenSourceOptions } from "../sources/open.js";
import { planRows } from "./plan.js";
import { openPlannedSource, reportPass } from "./report-pass.js";
import type { ResolvedCampaign } from "./resolve.js";
import type { RunSummary } from "./summary.js";

export interface RunProgress {
  /** Rows read and planned so far. */
  read: number;
  /** Rows with a final outcome. */
  done: number;
  counts: Record<string, number>;
}

export interface RunOptions extends OpenSourceOptions {
  client: CalltouchClient;
  /** The process-wide limiter; every request of every campaign goes through it. */
  limiter: RateLimiter;
  signal?: AbortSignal;
  logger?: Logger;
  onProgress?: (progress: RunProgress) => void;
}

/**
 * `ctdial run`: everything `validate` does, then sending. Rows stream from the file into the
 * dispatcher, so the first request leaves before the file is read to the end. Outcomes of rows that
 * were taken are kept by row number; the report pass then plans the file again and joins.
 */
export async function runCampaign(resolved: ResolvedCampaign, options: RunOptions): Promise<RunSummary> {
  const { campaign } = resolved;
  const outcomes = new Map<number, RowOutcome>();
  const progress: RunProgress = { read: 0, done: 0, counts: {} };
  const settle = (rowNumber: number, outcome: RowOutcome): void => {
    outcomes.set(rowNumber, outcome);
    progress.done += 1;
    progress.counts[outcome.status] = (progress.counts[outcome.status] ?? 0) + 1;
    options.onProgress?.(progress);
  };

  const { source, columns } = await openPlannedSource(resolved, options);
  let result: Awaited<ReturnType<typeof dispatch>>;
  try {
    async function* sendable(): AsyncGenerator<DispatchItem> {
      for await (const planned of planRows(source.rows(), columns, campaign)) {
        progress.read += 1;
        if (planned.outcome !== undefined) settle(planned.row.rowNumber, planned.outcome);
        else yield { rowNumber: planned.row.rowNumber, request: planned.request };
      }
    }
    result = await dispatch(sendable(), {
      client: options.client,
      limiter: options.limiter,
      signal: options.signal,
      campaignRouteKey: campaign.routeKey,
      hooks: {
        onOutcome: (item, outcome) => settle(item.rowNumber, outcome),
        onAttempt: (item, attempt, _answer, decision) =>
          logAttempt(options.logger, item.rowNumber, attempt, decision),
      },
    }).catch((error: unknown) => {
      throw midRunError(error, progress);
    });
  } finally {
    await source.close();
  }
  const summary = await reportPass(
    resolved,
    options,
    (row) => outcomes.get(row) ?? { status: "pending" },
    false,
  );
  summary.stopped = result.stopped ?? routeStop(result.stoppedRoutes);
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
 * The file turned out to be unreadable past some line (an unclosed quote, a line in another
 * encoding) after sending had begun. Requests already sent stand, so this is a stop, not an input
 * error: exit 3 and the message says what to fix.
 */
function midRunError(error: unknown, progress: RunProgress): unknown {
  if (!(error instanceof InputError) || progress.done === 0) return error;
  return new StopError(
    "E_INPUT_MIDRUN",
    `${error.message} Sending stopped there after ${progress.counts.sent ?? 0} rows were sent; fix the file and run the same command again.`,
    { cause: error },
  );
}
