import type { Logger } from "pino";
import type { CalltouchClient } from "../calltouch/types.js";
import { type DispatchItem, dispatch } from "../dispatch/dispatch.js";
import type { RateLimiter } from "../dispatch/rate-limiter.js";
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
      hooks: { onOutcome: (item, outcome) => settle(item.rowNumber, outcome) },
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
  if (result.stopped !== undefined) summary.stopped = result.stopped;
  return summary;
}
