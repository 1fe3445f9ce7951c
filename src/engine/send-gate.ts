import type { Campaign } from "../campaign/schema.js";
import { sleep as sleepUntilAborted } from "../dispatch/dispatch.js";
import { isoWithOffset } from "../dispatch/local-time.js";
import { StopError } from "../errors.js";
import { callWindowTimezone, formatCountdown, isOpen, nextOpening } from "../hygiene/index.js";
import type { RowOutcome } from "../outcome.js";
import type { CampaignState, KnownRow } from "./state.js";

/**
 * The rules checked right before each request leaves, inside the limiter's slot: the call window
 * (wait for it, or stop with --no-wait) and the daily limit (stop when the day's accepted requests,
 * counting those in flight, reach it). After each outcome, accepted requests are counted for the
 * daily limit and recorded for other campaigns' dedupe window.
 */
export interface SendGate {
  beforeSend(rowNumber: number): Promise<void>;
  afterOutcome(row: KnownRow, outcome: RowOutcome): Promise<void>;
}

export interface SendGateOptions {
  signal?: AbortSignal;
  noWait?: boolean;
  /** A line for the progress display while waiting; undefined when waiting is over. */
  onWait?: (note: string | undefined) => void;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const PENDING_ADVICE = "Run the same command again to send the pending rows.";

export function createSendGate(
  campaign: Campaign,
  state: CampaignState,
  options: SendGateOptions = {},
): SendGate {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepUntilAborted;
  // Rows between beforeSend and their outcome: each may still be accepted and count for the day.
  const inFlight = new Set<number>();

  async function waitForWindow(): Promise<void> {
    const window = campaign.callWindow;
    if (window === undefined) return;
    const zone = callWindowTimezone(campaign);
    let waited = false;
    while (!isOpen(window, zone, now())) {
      const opensAt = nextOpening(window, zone, now());
      if (options.noWait) {
        throw new StopError(
          "E_CALL_WINDOW",
          `outside the call window (${window.from}-${window.to}, ${window.days.join(" ")}, ${zone}); it opens at ${isoWithOffset(opensAt)}`,
          { advice: "Run the same command again then, or leave out --no-wait to wait for it." },
        );
      }
      waited = true;
      options.onWait?.(`waiting for the call window, opens in ${formatCountdown(opensAt - now())}`);
      await sleep(Math.min(1000, Math.max(1, opensAt - now())), options.signal);
      if (options.signal?.aborted) {
        throw new StopError("SIGNAL", "stopped while waiting for the call window", {
          advice: PENDING_ADVICE,
        });
      }
    }
    if (waited) options.onWait?.(undefined);
  }

  async function checkDailyLimit(rowNumber: number): Promise<void> {
    if (state.daily?.limit === undefined) return;
    const { counter, limit } = state.daily;
    const used = await counter.used(now());
    const others = inFlight.size - (inFlight.has(rowNumber) ? 1 : 0);
    if (used + others >= limit) {
      throw new StopError(
        "E_DAILY_LIMIT",
        `the daily limit of ${limit} accepted requests is reached (${used} accepted today)`,
        {
          advice: "Run the same command again tomorrow, or raise dailyLimit in the campaign file.",
        },
      );
    }
  }

  return {
    async beforeSend(rowNumber) {
      await waitForWindow();
      await checkDailyLimit(rowNumber);
      inFlight.add(rowNumber);
    },
    async afterOutcome(row, outcome) {
      inFlight.delete(row.rowNumber);
      if (outcome.status !== "sent") return;
      const at = Date.parse(outcome.sentAt);
      await state.daily?.counter.record(at);
      await state.dedupe?.registry.record(row.phoneKey, at, state.journal.identity.name);
    },
  };
}
