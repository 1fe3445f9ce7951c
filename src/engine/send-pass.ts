import type { CalltouchClient } from "../calltouch/types.js";
import type { Campaign } from "../campaign/schema.js";
import { type Clock, systemClock } from "../clock.js";
import {
  type AttemptEvent,
  type DispatchOutcome,
  type DispatchResult,
  dispatch,
} from "../dispatch/dispatch.js";
import type { RateLimiter } from "../dispatch/rate-limiter.js";
import type { Said } from "../i18n/catalog.js";
import type { SourceRow } from "../sources/types.js";
import { type CampaignState, eligibilityOf, type KnownRow, knownRow, reportFate } from "./campaign-state.js";
import type { PlannedRows } from "./plan.js";
import type { RunState } from "./run-state.js";
import { createSendRules } from "./send-rules.js";
import { readRow, settleUnsent } from "./settle-pass.js";
import type { RunStop } from "./summary.js";
import { PENDING, unsentOutcome, withNote } from "./unsent.js";

/** A row on its way to Calltouch: what the journal knows it by, and where the report puts it. */
export interface SendableRow extends KnownRow {
  readonly index: number;
  readonly row: SourceRow;
  readonly phone: string;
  /** What the report adds when the row is sent (a past schedule time called at once). */
  readonly note: Said | undefined;
  /** Requests earlier runs made for this row; this run's attempts are counted on top. */
  readonly priorAttempts: number;
}

/** One answer for one row and what follows from it, for the CLI's log. */
export type RowAttempt = AttemptEvent<SendableRow>;

export interface SendPassOptions {
  readonly client: CalltouchClient;
  readonly limiter: RateLimiter;
  readonly mode: "run" | "retry";
  readonly includeUnknown?: boolean;
  readonly noWait?: boolean;
  readonly signal?: AbortSignal;
  /** "Now" for the call window and the daily limit. @default systemClock */
  readonly clock?: Clock;
  readonly onAttempt?: (attempt: RowAttempt) => void;
  /** A hook (the log) failed; the run goes on. */
  readonly onHookError?: (error: unknown) => void;
}

/**
 * Sending: rows are taken from the planned pass as the dispatcher asks for them, so the first request
 * leaves before the file is read to its end. A row's intent is on disk before its request leaves and
 * its outcome before it is settled. Rows that cannot be sent are settled on the way. When sending
 * stops early, the rows not taken stay in `rows` for the caller to settle. Returns why it stopped.
 */
export async function sendPass(
  rows: PlannedRows,
  campaign: Campaign,
  state: CampaignState,
  run: RunState,
  options: SendPassOptions,
): Promise<RunStop | undefined> {
  const rules = createSendRules(campaign, state, {
    inFlight: run,
    signal: options.signal,
    noWait: options.noWait,
    clock: options.clock,
    onWait: (wait) => run.waiting(wait),
  });
  const held = reportFate(state);
  const clock = options.clock ?? systemClock;
  /** Notes the last word added (a schedule time passed while waiting, called at once), by row. */
  const notes = new Map<number, Said>();

  // Pulls rows by hand rather than with for-await: when the dispatcher stops early it ends this
  // generator, and for-await would then end the source too, which the rest of the run still reads.
  async function* sendable(): AsyncGenerator<SendableRow> {
    for (;;) {
      // A stop must end this loop even while it settles rows without yielding any (a file whose rows
      // are all invalid, or all sent by an earlier run): the dispatcher waits here, not on a request.
      if (options.signal?.aborted) return;
      const next = await readRow(rows, run);
      if (next === undefined) return;
      const { index, planned } = next;
      if (planned.outcome !== undefined) {
        // Final already, or held back by this run (the journal's word first): never sent here.
        const wait = settleUnsent(run, next, unsentOutcome(planned, held, { sendable: PENDING }));
        if (wait !== undefined) await wait;
        continue;
      }
      const known = knownRow(planned.row.rowNumber, planned.phoneKey, planned.request);
      let fate = eligibilityOf(state, known, options.mode, { includeUnknown: options.includeUnknown });
      if (fate instanceof Promise) fate = await fate;
      if (fate.send) {
        yield Object.assign(known, {
          index,
          row: planned.row,
          phone: planned.request.phone,
          note: planned.note,
          priorAttempts: fate.priorAttempts,
        });
        continue;
      }
      const decided = fate;
      const wait = settleUnsent(
        run,
        next,
        unsentOutcome(planned, () => decided, { sendable: PENDING }),
      );
      if (wait !== undefined) await wait;
    }
  }

  const result = await dispatch(sendable(), {
    client: options.client,
    limiter: options.limiter,
    signal: options.signal,
    campaignRouteKey: campaign.routeKey,
    retryUnknown: campaign.retryUnknown,
    resendWithoutSessionId: campaign.resendWithoutSessionId,
    retry: { maxAttempts: campaign.retry.attempts },
    now: () => clock.now(),
    hooks: {
      beforeSend: async (item, attempt, request) => {
        const word = await rules.beforeSend(item, request);
        if (word !== undefined && "hold" in word) {
          // Held back on a retry: the earlier request created nothing (10007), and the journal must
          // not keep its intent as a request whose answer was lost.
          if (attempt > 1) {
            await state.journal.recordOutcome(item, {
              status: "pending",
              attempts: item.priorAttempts + attempt - 1,
            });
          }
          return word;
        }
        await state.journal.recordIntent(item, item.priorAttempts + attempt);
        if (word === undefined) return undefined;
        notes.set(item.index, word.note);
        return { request: word.request };
      },
      onOutcome: async (item, outcome) => {
        const total = withPriorAttempts(outcome, item.priorAttempts);
        await state.journal.recordOutcome(item, total);
        await rules.afterOutcome(item, total);
        const settled = withNote(total, notes.get(item.index) ?? item.note);
        notes.delete(item.index);
        const wait = run.settle(item.index, { row: item.row, outcome: settled, phone: item.phone });
        if (wait !== undefined) await wait;
      },
      onAttempt: options.onAttempt,
      onHookError: options.onHookError,
    },
  });
  return result.stopped ?? routeStop(result.stoppedRoutes);
}

/** `ctdial_attempts` counts every request a row took, across runs and retries. */
function withPriorAttempts(outcome: DispatchOutcome, prior: number): DispatchOutcome {
  if (prior === 0 || outcome.status === "skipped") return outcome;
  if (outcome.status === "pending") {
    const attempts = (outcome.attempts ?? 0) + prior;
    return { ...outcome, attempts };
  }
  return { ...outcome, attempts: outcome.attempts + prior };
}

/**
 * Per-row widget keys Calltouch refused (10003): their rows are pending, and the run counts as
 * stopped by Calltouch, with the keys it refused (`params.routeKeys`) and its own words.
 */
function routeStop(routes: DispatchResult["stoppedRoutes"]): RunStop | undefined {
  const first = routes[0];
  if (first === undefined) return undefined;
  return {
    kind: "calltouch-refusal",
    code: first.code,
    message: first.message,
    ...(first.messageSaid === undefined ? {} : { messageSaid: first.messageSaid }),
    params: { routeKeys: routes.map((r) => r.routeKey) },
    ...(first.advice === undefined ? {} : { advice: first.advice }),
    ...(first.adviceSaid === undefined ? {} : { adviceSaid: first.adviceSaid }),
  };
}
