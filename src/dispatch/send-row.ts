import type { DecideContext } from "../calltouch/decide.js";
import type { CallbackRequest, CallOutcome, CalltouchClient, Decision } from "../calltouch/types.js";
import { type Said, said } from "../i18n/catalog.js";
import type { OutcomeText } from "../outcome.js";
import { isoWithOffset } from "../time/local-time.js";
import type { RateLimiter } from "./rate-limiter.js";
import { type RetryOptions, retryDelay } from "./retry-delay.js";
import type { StopControl } from "./stop-control.js";
import type { AttemptNext, DispatchHooks, DispatchItem, DispatchOutcome, DispatchStop } from "./types.js";

/** A 429 without Retry-After holds every start for one server window. */
export const SLOW_DOWN_MS = 1000;

export interface RowState<T extends DispatchItem = DispatchItem> {
  readonly item: T;
  /** What is sent for the row: the item's request, less its sessionId after a 10004 resend. */
  request: CallbackRequest;
  /** Requests that left for this row. */
  attempts: number;
  /** now() of the first request, for the retry time budget. */
  firstAt?: number;
  /** 10007 answers so far. */
  laterRounds: number;
  previousDelayMs?: number;
  settled: boolean;
}

/** What one dispatch shares with its rows. */
export interface RowContext<T extends DispatchItem = DispatchItem> {
  readonly client: CalltouchClient;
  readonly limiter: RateLimiter;
  readonly hooks: DispatchHooks<T>;
  readonly decide: (outcome: CallOutcome, context: DecideContext) => Decision;
  readonly retry: RetryOptions;
  readonly retryUnknown: boolean;
  readonly resendWithoutSessionId: boolean;
  readonly campaignRouteKey: string | undefined;
  readonly control: StopControl;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now: () => number;
  readonly random: () => number;
  /** Rows of this dispatch waiting for a limiter slot. */
  waiting: number;
  /** Requests that left, all rows. */
  attempts: number;
  /** Something the main loop may wait on changed. */
  readonly notify: () => void;
  /** The row's final outcome: reported once, however the row ended. */
  readonly settle: (row: RowState<T>, outcome: DispatchOutcome) => Promise<void>;
}

const NOT_SENT = Symbol("not sent");

/**
 * Drives one row until it has a final outcome: slot, intent, request, decision, and the wait before
 * the next try (a transient failure's backoff, 10007's long delay). Never rejects: a failing hook
 * stops the whole run instead.
 */
export async function driveRow<T extends DispatchItem>(row: RowState<T>, ctx: RowContext<T>): Promise<void> {
  const routeKey = row.item.request.routeKey;
  for (;;) {
    const blocked = ctx.control.blocked(routeKey);
    if (blocked !== undefined)
      return ctx.settle(row, pending(row, blocked.messageSaid ?? blocked.message, blocked.code));
    const answer = await sendOnce(row, ctx);
    if (answer === NOT_SENT) continue;
    if ("held" in answer) return ctx.settle(row, answer.held);
    const next = actOn(row, answer.decision, ctx);
    reportAttempt(row, answer.outcome, answer.decision, next, ctx);
    if (next.kind === "settled") return ctx.settle(row, next.outcome);
    // Wakes early on a stop; the loop then reports the row pending.
    if (next.afterMs > 0) await ctx.sleep(next.afterMs, ctx.control.rowSignal(routeKey));
  }
}

/** Tells the hook what happened; a hook that throws must not leave the row without its outcome. */
function reportAttempt<T extends DispatchItem>(
  row: RowState<T>,
  answer: CallOutcome,
  decision: Decision,
  next: AttemptNext,
  ctx: RowContext<T>,
): void {
  try {
    ctx.hooks.onAttempt?.({ item: row.item, attempt: row.attempts, answer, decision, next });
  } catch (error) {
    try {
      ctx.hooks.onHookError?.(error);
    } catch {
      // Nothing left to tell: the row's outcome matters more than a lost log line.
    }
  }
}

/** One request through the shared limiter, or NOT_SENT when the run or the row's widget stopped first. */
async function sendOnce<T extends DispatchItem>(
  row: RowState<T>,
  ctx: RowContext<T>,
): Promise<{ outcome: CallOutcome; decision: Decision } | { held: DispatchOutcome } | typeof NOT_SENT> {
  const { control } = ctx;
  const routeKey = row.item.request.routeKey;
  let counted = true;
  const leaveQueue = (): void => {
    if (!counted) return;
    counted = false;
    ctx.waiting--;
    ctx.notify();
  };
  ctx.waiting++;
  try {
    return await ctx.limiter.schedule(
      async () => {
        leaveQueue();
        if (control.blocked(routeKey) !== undefined) return NOT_SENT;
        const gate = await ctx.hooks.beforeSend?.(row.item, row.attempts + 1, row.request);
        if (gate !== undefined && "hold" in gate) return { held: gate.hold };
        // A stop that came while the intent was written still keeps this request home.
        if (control.blocked(routeKey) !== undefined) return NOT_SENT;
        if (gate !== undefined) row.request = gate.request;
        ctx.limiter.departed();
        row.attempts++;
        ctx.attempts++;
        row.firstAt ??= ctx.now();
        const outcome = await sendBounded(row, ctx);
        const decision = ctx.decide(outcome, {
          routeKeyIsCampaignWide: ctx.campaignRouteKey !== undefined && routeKey === ctx.campaignRouteKey,
          retryUnknown: ctx.retryUnknown,
          resendWithoutSessionId: ctx.resendWithoutSessionId && row.request.sessionId !== undefined,
        });
        // Still inside the slot: the limiter starts the next waiting task as soon as this one returns,
        // so a stop or a slow-down must be in force before that, or one more request would leave.
        applyToEveryone(row, decision, ctx);
        return { outcome, decision };
      },
      { signal: control.rowSignal(routeKey) },
    );
  } catch (error) {
    // Withdrawn from the queue by a stop: the loop reports the row pending. Anything else is a hook failure.
    if (control.blocked(routeKey) === undefined) control.failHard(error);
    return NOT_SENT;
  } finally {
    leaveQueue();
  }
}

/**
 * The request, given up when the drain deadline after a stop passes: the client is asked to abort and,
 * should it not answer at once, the row counts as sent with its answer lost (`unknown`), which is true.
 */
async function sendBounded<T extends DispatchItem>(
  row: RowState<T>,
  ctx: RowContext<T>,
): Promise<CallOutcome> {
  const drain = ctx.control.drainSignal;
  const lost = (message: Said): CallOutcome => ({
    kind: "network",
    phase: "after-send",
    errorCode: "EABORTED",
    message,
  });
  let onDrain: (() => void) | undefined;
  const deadline = new Promise<CallOutcome>((resolve) => {
    onDrain = () => resolve(lost(said("rowsStoppedBeforeAnswer", {})));
    if (drain.aborted) onDrain();
    else drain.addEventListener("abort", onDrain, { once: true });
  });
  try {
    return await Promise.race([ctx.client.send(row.request, { signal: drain }), deadline]);
  } catch (error) {
    // The client promises never to throw; if it does anyway, the request may have left.
    const detail = error instanceof Error ? error.message : String(error);
    return lost(said("rowsClientFailed", { detail }));
  } finally {
    if (onDrain !== undefined) drain.removeEventListener("abort", onDrain);
  }
}

/** The part of a decision that concerns every row: stops and 429 slow-downs. */
function applyToEveryone<T extends DispatchItem>(
  row: RowState<T>,
  decision: Decision,
  ctx: RowContext<T>,
): void {
  const { control } = ctx;
  if (decision.action === "retry" && decision.slowDown) {
    // Capped: a Retry-After of minutes would otherwise freeze every campaign sharing the limiter.
    ctx.limiter.slowDown(Math.min(decision.retryAfterMs ?? SLOW_DOWN_MS, ctx.retry.maxDelayMs));
  } else if (decision.action === "stop-campaign") {
    control.stop(stopOf(decision));
  } else if (decision.action === "stop-route") {
    const stop = stopOf(decision);
    const routeKey = row.item.request.routeKey;
    if (routeKey === ctx.campaignRouteKey) control.stop(stop);
    else control.stopRoute({ routeKey, ...stop });
  }
}

/** A Calltouch refusal as a stop: its text and advice, in English and as data. */
function stopOf(decision: Extract<Decision, { action: "stop-campaign" | "stop-route" }>): DispatchStop {
  const { code, message, messageSaid, advice, adviceSaid } = decision;
  return {
    kind: "calltouch-refusal",
    code,
    message,
    ...(messageSaid === undefined ? {} : { messageSaid }),
    ...(advice === undefined ? {} : { advice }),
    ...(adviceSaid === undefined ? {} : { adviceSaid }),
  };
}

/**
 * What a decision means for this row: its final outcome, or when to send it again. Decides without
 * waiting, so that what is logged is what will happen ("will retry" only when a retry follows).
 */
function actOn<T extends DispatchItem>(
  row: RowState<T>,
  decision: Decision,
  ctx: RowContext<T>,
): AttemptNext {
  const { control, now } = ctx;
  const attempts = row.attempts;
  switch (decision.action) {
    case "done":
      return settled({
        status: "sent",
        requestId: decision.requestId,
        sentAt: isoWithOffset(now()),
        attempts,
      });
    case "fail":
      return settled(failed(row, decision.code ?? (decision.invalid ? 10013 : undefined), decision.message));
    case "unknown":
      // decide() already answers "retry" for a lost answer when retryUnknown is on.
      return settled({ status: "unknown", code: decision.code, message: decision.message, attempts });
    case "retry": {
      if (control.stopping) return settled(pending(row, decision.message, decision.code));
      const delay = retryDelay({
        attempt: attempts,
        decision,
        options: ctx.retry,
        elapsedMs: now() - (row.firstAt ?? now()),
        previousDelayMs: row.previousDelayMs,
        random: ctx.random,
      });
      if (delay === 0) return settled(failed(row, decision.code, decision.message));
      row.previousDelayMs = delay;
      return { kind: "again", afterMs: delay };
    }
    case "resend-without-session": {
      // Once: the request without a sessionId cannot meet 10004 again.
      const { sessionId: _unknown, ...withoutSession } = row.request;
      row.request = withoutSession;
      // Through the limiter like any request; a stop in the meantime leaves the row pending.
      return { kind: "again", afterMs: 0 };
    }
    case "retry-later": {
      // 10007: the row waits its long delay where it is, holding no limiter slot, so the rows behind
      // it keep going and the report never waits for the whole file to pass this row.
      row.laterRounds++;
      const delay = retryDelay({
        attempt: attempts,
        decision,
        options: ctx.retry,
        laterRounds: row.laterRounds,
      });
      if (delay === 0) return settled(failed(row, decision.code, decision.message));
      if (control.stopping) return settled(pending(row, decision.message, decision.code));
      return { kind: "again", afterMs: delay };
    }
    case "stop-route":
    case "stop-campaign":
      // Nothing was created and the cure is outside ctdial (minutes, the widget, the token): pending, so
      // the next `run` continues the row once the user has fixed it. The stop itself is already in force.
      return settled(pending(row, decision.messageSaid ?? decision.message, decision.code));
  }
}

function settled(outcome: DispatchOutcome): AttemptNext {
  return { kind: "settled", outcome };
}

function failed(
  row: RowState<DispatchItem>,
  code: number | string | undefined,
  message: OutcomeText,
): DispatchOutcome {
  return code === undefined
    ? { status: "failed", message, attempts: row.attempts }
    : { status: "failed", code, message, attempts: row.attempts };
}

function pending(row: RowState<DispatchItem>, reason: OutcomeText, code?: number | string): DispatchOutcome {
  return {
    status: "pending",
    reason,
    ...(code === undefined ? {} : { code }),
    ...(row.attempts > 0 ? { attempts: row.attempts } : {}),
  };
}
