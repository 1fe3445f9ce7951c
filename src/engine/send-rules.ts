import type { CallbackRequest } from "../calltouch/types.js";
import type { Campaign } from "../campaign/schema.js";
import { type Clock, systemClock } from "../clock.js";
import { StopError } from "../errors.js";
import { callWindowTimezone, isOpen, nextOpening } from "../hygiene/index.js";
import type { PhoneClaim } from "../journal/index.js";
import type { RowOutcome } from "../outcome.js";
import { isoInZone, isoWithOffset } from "../time/local-time.js";
import { sleep as sleepUntilAborted } from "../wake.js";
import type { CampaignState, KnownRow } from "./campaign-state.js";
import { dialedRecentlyOutcome } from "./eligibility.js";
import type { RunState, RunWait } from "./run-state.js";
import { type PastAtSend, pastScheduleAtSend } from "./schedule-at-send.js";

/**
 * The rules checked right before each request leaves (every attempt, retries included), inside the
 * limiter's slot: the call window (wait for it, or stop with --no-wait), then in one synchronous step
 * the schedule time (passed while the row waited: `pastScheduleTime`), the dedupe window (a request
 * for the phone in flight in any campaign of this process, or accepted on this machine within
 * `dedupeWindow`: the row is skipped, and otherwise the phone is claimed) and the daily limit (stop
 * when the day's accepted requests, counting those in flight, reach it). After each outcome, accepted
 * requests are counted for the daily limit and recorded for every campaign's dedupe window.
 */
export interface SendRules {
  /**
   * Undefined: send `request` as it is. `hold`: the row is not sent, and settles with that outcome.
   * `request`: send this instead (a past schedule time with `call-now`), and the report adds `note`.
   */
  beforeSend(row: KnownRow, request: CallbackRequest): Promise<PastAtSend | undefined>;
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
        throw new StopError({ code: "E_CALL_WINDOW", params });
      }
      waited = true;
      options.onWait?.({ for: "call-window", opensAt });
      await sleep(Math.min(1000, Math.max(1, opensAt - now())), options.signal);
      if (options.signal?.aborted) {
        throw new StopError({ code: "SIGNAL", params: { while: "call-window" } });
      }
    }
    if (waited) options.onWait?.(undefined);
  }

  function checkDailyLimit(rowNumber: number, used: number | undefined): void {
    const limit = state.daily?.limit;
    if (limit === undefined || used === undefined) return;
    if (used + inFlight.inFlightBesides(rowNumber) >= limit) {
      throw new StopError({ code: "E_DAILY_LIMIT", params: { limit, used } });
    }
  }

  /** Phones this run holds, by row: a retried row keeps its claim until its outcome. */
  const claims = new Map<number, PhoneClaim>();
  const campaignName = state.journal.identity.name;

  /**
   * Reads what the checks need (the day's count, other processes' registry lines), then checks
   * everything and reserves the daily unit and the phone in one synchronous step: rows released
   * together (the call window opening), in this campaign or another of this process, each see the
   * others, so none passes on a unit or a phone another has already taken.
   */
  async function lastWord(row: KnownRow, request: CallbackRequest): Promise<PastAtSend | undefined> {
    const used = state.daily?.limit === undefined ? undefined : await state.daily.counter.used(now());
    const dedupe = state.dedupe;
    if (dedupe !== undefined) await dedupe.registry.refresh(now());
    // Synchronous from here on.
    const at = now();
    const past = pastScheduleAtSend(request, campaign, at);
    if (past !== undefined && "hold" in past) return past;
    checkDailyLimit(row.rowNumber, used);
    if (dedupe !== undefined) {
      const own = claims.get(row.rowNumber);
      const result = dedupe.registry.claim(row.phoneKey, campaignName, at, dedupe.windowMs, own);
      if ("held" in result) {
        const { campaign: by, at: when } = result.held;
        const shown = isoInZone(isoWithOffset(when), state.timezone);
        return { hold: dialedRecentlyOutcome({ campaign: by, at: shown, window: dedupe.window ?? "" }) };
      }
      claims.set(row.rowNumber, result.claim);
    }
    inFlight.flightStarted(row.rowNumber);
    return past;
  }

  return {
    async beforeSend(row, request) {
      await waitForWindow();
      return lastWord(row, request);
    },
    async afterOutcome(row, outcome) {
      inFlight.flightEnded(row.rowNumber);
      const claim = claims.get(row.rowNumber);
      claims.delete(row.rowNumber);
      if (outcome.status !== "sent") {
        claim?.release();
        return;
      }
      const at = Date.parse(outcome.sentAt);
      await state.daily?.counter.record(at);
      if (claim !== undefined) await claim.accepted(at);
      else await state.dedupe?.registry.record(row.phoneKey, at, campaignName);
    },
  };
}
