import type { Campaign } from "../campaign/schema.js";
import { type Clock, systemClock } from "../clock.js";
import { StopError } from "../errors.js";
import { callWindowTimezone, isOpen, nextOpening } from "../hygiene/index.js";
import type { RowOutcome } from "../outcome.js";
import { isoWithOffset } from "../time/local-time.js";
import { sleep as sleepUntilAborted } from "../wake.js";
import type { CampaignState, KnownRow } from "./campaign-state.js";
import type { RunState, RunWait } from "./run-state.js";

/**
 * The rules checked right before each request leaves, inside the limiter's slot: the call window
 * (wait for it, or stop with --no-wait) and the daily limit (stop when the day's accepted requests,
 * counting those in flight, reach it). After each outcome, accepted requests are counted for the
 * daily limit and recorded for other campaigns' dedupe window.
 */
export interface SendRules {
  beforeSend(rowNumber: number): Promise<void>;
  afterOutcome(row: KnownRow, outcome: RowOutcome): Promise<void>;
}

/** Rows between the daily limit's check and their outcome: the run's own (RunState). */
export type InFlightRows = Pick<RunState, "flightStarted" | "flightEnded" | "inFlightBesides">;

export interface SendRulesOptions {
  inFlight: InFlightRows;
  signal?: AbortSignal;
  noWait?: boolean;
  /** What sending waits for (the progress display words it); undefined when waiting is over. */
  onWait?: (wait: RunWait | undefined) => void;
  /** "Now" for the call window and the daily limit's day. @default systemClock */
  clock?: Clock;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function createSendRules(
  campaign: Campaign,
  state: CampaignState,
  options: SendRulesOptions,
): SendRules {
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now();
  const sleep = options.sleep ?? sleepUntilAborted;
  const { inFlight } = options;

  async function waitForWindow(): Promise<void> {
    const window = campaign.callWindow;
    if (window === undefined) return;
    const zone = callWindowTimezone(campaign);
    let waited = false;
    while (!isOpen(window, zone, now())) {
      const opensAt = nextOpening(window, zone, now());
      if (options.noWait) {
        const params = {
          from: window.from,
          to: window.to,
          days: window.days,
          zone,
          opensAt: isoWithOffset(opensAt),
        };
        throw new StopError(
          "E_CALL_WINDOW",
          `outside the call window (${params.from}-${params.to}, ${params.days.join(" ")}, ${zone}); it opens at ${params.opensAt}`,
          { params },
        );
      }
      waited = true;
      options.onWait?.({ for: "call-window", opensAt });
      await sleep(Math.min(1000, Math.max(1, opensAt - now())), options.signal);
      if (options.signal?.aborted) {
        throw new StopError("SIGNAL", "stopped while waiting for the call window", {
          params: { while: "call-window" },
        });
      }
    }
    if (waited) options.onWait?.(undefined);
  }

  /**
   * Checks the budget and counts the row in flight in one synchronous step after the only await:
   * rows released together (the call window opening) each see the others, so none passes on a unit
   * another has already taken.
   */
  async function reserveDailyUnit(rowNumber: number): Promise<void> {
    if (state.daily?.limit === undefined) {
      inFlight.flightStarted(rowNumber);
      return;
    }
    const { counter, limit } = state.daily;
    const used = await counter.used(now());
    if (used + inFlight.inFlightBesides(rowNumber) >= limit) {
      throw new StopError(
        "E_DAILY_LIMIT",
        `the daily limit of ${limit} accepted requests is reached (${used} accepted today)`,
        { params: { limit, used } },
      );
    }
    inFlight.flightStarted(rowNumber);
  }

  return {
    async beforeSend(rowNumber) {
      await waitForWindow();
      await reserveDailyUnit(rowNumber);
    },
    async afterOutcome(row, outcome) {
      inFlight.flightEnded(row.rowNumber);
      if (outcome.status !== "sent") return;
      const at = Date.parse(outcome.sentAt);
      await state.daily?.counter.record(at);
      await state.dedupe?.registry.record(row.phoneKey, at, state.journal.identity.name);
    },
  };
}
