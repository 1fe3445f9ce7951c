import { decide as defaultDecide } from "../calltouch/decide.js";
import { createWake, sleep } from "../wake.js";
import { retryOptions } from "./retry-delay.js";
import { driveRow, type RowContext, type RowState } from "./send-row.js";
import { SIGNAL_STOP, StopControl } from "./stop-control.js";
import type {
  DispatchItem,
  DispatchOptions,
  DispatchOutcome,
  DispatchResult,
  DispatchStatus,
} from "./types.js";

/**
 * Sends every item through the client, one request per limiter slot, and reports each row's final
 * outcome exactly once through `hooks.onOutcome`. Items are pulled lazily: only `lookahead` rows wait
 * for a slot and at most `maxHeld` are held at all, so the first request leaves at once and memory
 * stays flat however long the source is. Items never pulled are not reported (the caller settles
 * them itself). Rejects only when a hook throws, after the rows in flight have settled. Generic over
 * the item, so the caller's hooks get back the very items it gave, with whatever else they carry.
 */
export async function dispatch<T extends DispatchItem>(
  items: AsyncIterable<T>,
  options: DispatchOptions<T>,
): Promise<DispatchResult> {
  const lookahead = Math.max(1, options.lookahead ?? 2);
  const maxHeld = Math.max(lookahead, options.maxHeld ?? 256);
  const wake = createWake();
  const control = new StopControl(options.drainTimeoutMs ?? 10_000, wake.notify);
  const counts: Record<DispatchStatus, number> = {
    sent: 0,
    failed: 0,
    pending: 0,
    unknown: 0,
    skipped: 0,
  };
  const held = new Set<Promise<void>>();

  const ctx: RowContext<T> = {
    client: options.client,
    limiter: options.limiter,
    hooks: options.hooks,
    decide: options.decide ?? defaultDecide,
    retry: retryOptions(options.retry),
    retryUnknown: options.retryUnknown ?? false,
    resendWithoutSessionId: options.resendWithoutSessionId ?? false,
    campaignRouteKey: options.campaignRouteKey,
    control,
    sleep: options.sleep ?? sleep,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    waiting: 0,
    attempts: 0,
    notify: wake.notify,
    settle: async (row, outcome) => settle(row, outcome),
  };

  async function settle(row: RowState<T>, outcome: DispatchOutcome): Promise<void> {
    if (row.settled) return;
    row.settled = true;
    counts[outcome.status]++;
    try {
      await options.hooks.onOutcome(row.item, outcome);
    } catch (error) {
      control.failHard(error);
    }
  }

  function launch(row: RowState<T>): void {
    const running: Promise<void> = driveRow(row, ctx)
      .catch((error: unknown) => control.failHard(error))
      .finally(() => {
        held.delete(running);
        wake.notify();
      });
    held.add(running);
  }

  /** Until a slot-waiting place is free (or the run stops); true when rows may still be launched. */
  async function roomForOne(limit: number): Promise<boolean> {
    while (!control.stopping && (ctx.waiting >= lookahead || held.size >= limit)) await wake.wait();
    return !control.stopping;
  }

  async function mainPass(): Promise<void> {
    const iterator = items[Symbol.asyncIterator]();
    let exhausted = false;
    try {
      while (await roomForOne(maxHeld)) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        launch({
          item: next.value,
          request: next.value.request,
          attempts: 0,
          laterRounds: 0,
          settled: false,
        });
      }
    } finally {
      // Stopped early: let the source close its file or connection.
      if (!exhausted) await iterator.return?.();
    }
  }

  async function waitForHeld(): Promise<void> {
    while (held.size > 0) await Promise.all([...held]);
  }

  const onSignal = (): void => control.stop(SIGNAL_STOP);
  if (options.signal?.aborted) onSignal();
  else options.signal?.addEventListener("abort", onSignal, { once: true });
  try {
    try {
      await mainPass();
    } catch (error) {
      // The source failed mid-way: nothing more is taken; rows already taken settle, then it is rethrown.
      control.failHard(error);
    }
    await waitForHeld();
  } finally {
    options.signal?.removeEventListener("abort", onSignal);
    control.dispose();
  }
  if (control.fatal !== undefined) throw control.fatal.error;
  const stopped = control.stopped;
  return {
    ...(stopped === undefined ? {} : { stopped }),
    stoppedRoutes: control.routeStops(),
    counts,
    attempts: ctx.attempts,
  };
}

/** Moved to src/wake.ts; re-exported for the callers outside dispatch/ that still import it from here. */

export type {
  AttemptEvent,
  AttemptNext,
  DispatchHooks,
  DispatchItem,
  DispatchOptions,
  DispatchOutcome,
  DispatchResult,
  DispatchStatus,
  DispatchStop,
  RouteStop,
  SendGate,
} from "./types.js";
