import type { DecideContext } from "../calltouch/decide.js";
import type { CallbackRequest, CallOutcome, CalltouchClient, Decision } from "../calltouch/types.js";
import { isoWithOffset } from "./local-time.js";
import type { RateLimiter } from "./rate-limiter.js";
import { type RetryOptions, retryDelay } from "./retry-delay.js";
import type { StopControl } from "./stop-control.js";
import type { DispatchHooks, DispatchItem, DispatchOutcome } from "./types.js";

/** A 429 without Retry-After holds every start for one server window. */
export const SLOW_DOWN_MS = 1000;

export interface RowState {
  readonly item: DispatchItem;
  /** What is sent for the row: the item's request, less its sessionId after a 10004 resend. */
  request: CallbackRequest;
  /** Requests that left for this row. */
  attempts: number;
  /** now() of the first request, for the retry time budget. */
  firstAt?: number;
  /** 10007 answers so far. */
  laterRounds: number;
  previousDelayMs?: number;
  finished: boolean;
}

/** What one dispatch shares with its rows. */
export interface RowContext {
  readonly client: CalltouchClient;
  readonly limiter: RateLimiter;
  readonly hooks: DispatchHooks;
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
  readonly finish: (row: RowState, outcome: DispatchOutcome) => Promise<void>;
  /** 10007: send again at `readyAt`, after the main pass. */
  readonly park: (row: RowState, readyAt: number, reason: string) => void;
}

const NOT_SENT = Symbol("not sent");

/**
 * Drives one row until it has a final outcome or is parked: slot, intent, request, decision, and
 * backoff between transient failures. Never rejects: a failing hook stops the whole run instead.
 */
export async function driveRow(row: RowState, ctx: RowContext): Promise<void> {
  const routeKey = row.item.request.routeKey;
  for (;;) {
    const blocked = ctx.control.blocked(routeKey);
    if (blocked !== undefined) return ctx.finish(row, pending(row, blocked));
    const answer = await sendOnce(row, ctx);
    if (answer === NOT_SENT) continue;
    ctx.hooks.onAttempt?.(row.item, row.attempts, answer.outcome, answer.decision);
    if (!(await settle(row, answer.decision, ctx))) return;
  }
}

/** One request through the shared limiter, or NOT_SENT when the run or the row's widget stopped first. */
async function sendOnce(
  row: RowState,
  ctx: RowContext,
): Promise<{ outcome: CallOutcome; decision: Decision } | typeof NOT_SENT> {
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
        await ctx.hooks.beforeSend?.(row.item, row.attempts + 1);
        // A stop that came while the intent was written still keeps this request home.
        if (control.blocked(routeKey) !== undefined) return NOT_SENT;
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
async function sendBounded(row: RowState, ctx: RowContext): Promise<CallOutcome> {
  const drain = ctx.control.drainSignal;
  const lost = (message: string): CallOutcome => ({
    kind: "network",
    phase: "after-send",
    errorCode: "EABORTED",
    message,
  });
  let onDrain: (() => void) | undefined;
  const deadline = new Promise<CallOutcome>((resolve) => {
    onDrain = () => resolve(lost("the run stopped before Calltouch answered"));
    if (drain.aborted) onDrain();
    else drain.addEventListener("abort", onDrain, { once: true });
  });
  try {
    return await Promise.race([ctx.client.send(row.request, { signal: drain }), deadline]);
  } catch (error) {
    // The client promises never to throw; if it does anyway, the request may have left.
    return lost(`the Calltouch client failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (onDrain !== undefined) drain.removeEventListener("abort", onDrain);
  }
}

/** The part of a decision that concerns every row: stops and 429 slow-downs. */
function applyToEveryone(row: RowState, decision: Decision, ctx: RowContext): void {
  const { control } = ctx;
  if (decision.action === "retry" && decision.slowDown) {
    // Capped: a Retry-After of minutes would otherwise freeze every campaign sharing the limiter.
    ctx.limiter.slowDown(Math.min(decision.retryAfterMs ?? SLOW_DOWN_MS, ctx.retry.maxDelayMs));
  } else if (decision.action === "stop-campaign") {
    control.stop({ code: decision.code, message: decision.message, advice: decision.advice });
  } else if (decision.action === "stop-route") {
    const advice = decision.advice ?? "Switch on the widget with this routeKey in Calltouch, then run again.";
    const stop = { code: decision.code, message: decision.message, advice };
    const routeKey = row.item.request.routeKey;
    if (routeKey === ctx.campaignRouteKey) control.stop(stop);
    else control.stopRoute({ routeKey, ...stop });
  }
}

/** Acts on a decision for this row; true when the row must be sent again. */
async function settle(row: RowState, decision: Decision, ctx: RowContext): Promise<boolean> {
  const { control, now } = ctx;
  const attempts = row.attempts;
  switch (decision.action) {
    case "done":
      await ctx.finish(row, {
        status: "sent",
        requestId: decision.requestId,
        sentAt: isoWithOffset(now()),
        attempts,
      });
      return false;
    case "fail":
      await ctx.finish(
        row,
        failed(row, decision.code ?? (decision.invalid ? 10013 : undefined), decision.message),
      );
      return false;
    case "unknown":
      // decide() already answers "retry" for a lost answer when retryUnknown is on.
      await ctx.finish(row, { status: "unknown", code: decision.code, message: decision.message, attempts });
      return false;
    case "retry":
      return backOff(row, decision, ctx);
    case "resend-without-session": {
      // Once: the request without a sessionId cannot meet 10004 again.
      const { sessionId: _unknown, ...withoutSession } = row.request;
      row.request = withoutSession;
      // Through the limiter like any request; a stop in the meantime leaves the row pending.
      return true;
    }
    case "retry-later": {
      row.laterRounds++;
      const delay = retryDelay({
        attempt: attempts,
        decision,
        options: ctx.retry,
        laterRounds: row.laterRounds,
      });
      if (delay === 0) await ctx.finish(row, failed(row, decision.code, decision.message));
      else if (control.stopping) await ctx.finish(row, pending(row, decision.message, decision.code));
      else ctx.park(row, now() + delay, decision.message);
      return false;
    }
    case "stop-route":
    case "stop-campaign":
      // Nothing was created and the cure is outside ctdial (minutes, the widget, the token): pending, so
      // the next `run` continues the row once the user has fixed it. The stop itself is already in force.
      await ctx.finish(row, pending(row, decision.message, decision.code));
      return false;
  }
}

/** Transient: wait (through the limiter again afterwards) or give up with the last reason. */
async function backOff(
  row: RowState,
  decision: Extract<Decision, { action: "retry" }>,
  ctx: RowContext,
): Promise<boolean> {
  if (ctx.control.stopping) {
    await ctx.finish(row, pending(row, decision.message, decision.code));
    return false;
  }
  const delay = retryDelay({
    attempt: row.attempts,
    decision,
    options: ctx.retry,
    elapsedMs: ctx.now() - (row.firstAt ?? ctx.now()),
    previousDelayMs: row.previousDelayMs,
    random: ctx.random,
  });
  if (delay === 0) {
    await ctx.finish(row, failed(row, decision.code, decision.message));
    return false;
  }
  row.previousDelayMs = delay;
  // Wakes early on a stop; the loop then reports the row pending.
  await ctx.sleep(delay, ctx.control.rowSignal(row.item.request.routeKey));
  return true;
}

function failed(row: RowState, code: number | string | undefined, message: string): DispatchOutcome {
  return code === undefined
    ? { status: "failed", message, attempts: row.attempts }
    : { status: "failed", code, message, attempts: row.attempts };
}

function pending(row: RowState, reason: string, code?: number | string): DispatchOutcome {
  return {
    status: "pending",
    reason,
    ...(code === undefined ? {} : { code }),
    ...(row.attempts > 0 ? { attempts: row.attempts } : {}),
  };
}
