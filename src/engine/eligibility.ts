import { said } from "../i18n/catalog.js";
import { type PriorState, priorToOutcome } from "../journal/prior.js";
import type { RowOutcome } from "../outcome.js";

/**
 * Whether a row that mapping found sendable may be sent now, given what the journal remembers and the
 * dialing hygiene rules. Pure: the lookups are done by the caller. The order is what keeps the
 * promise "never twice": history first (a phone that was sent, or may have been, is never sent by
 * `run`), then the rules that forbid dialing, then what the command asks for.
 *
 * - `run`: rows never tried, and rows a stop left pending, are sent; `failed` stays failed.
 * - `retry`: only `failed` rows (and `unknown` ones with --include-unknown) are sent.
 * - `report`: nothing is sent; the outcome the report shows (pending for rows never tried).
 * - `dry-run`: nothing is sent; rows that `run` would send are `would-send`.
 */
export type PassMode = "run" | "retry" | "report" | "dry-run";

export interface EligibilityInput {
  readonly mode: PassMode;
  readonly prior: PriorState | undefined;
  /** The exclude file that lists this phone, if any. */
  readonly excludedBy?: string;
  /** Another campaign had this phone accepted within `dedupeWindow`. */
  readonly dialedRecently?: { readonly campaign: string; readonly at: string; readonly window: string };
  readonly includeUnknown?: boolean;
}

export type Eligibility =
  /** `priorAttempts`: requests earlier runs made for this row, so that its attempts add up across runs. */
  | { readonly send: true; readonly priorAttempts: number }
  | { readonly send: false; readonly outcome: RowOutcome };

const SEND_FRESH: Eligibility = { send: true, priorAttempts: 0 };

export function eligibility(input: EligibilityInput): Eligibility {
  const { mode, prior } = input;
  const resendUnknown = mode === "retry" && input.includeUnknown === true;
  if (prior?.status === "sent" || (prior?.status === "unknown" && !resendUnknown)) {
    return { send: false, outcome: priorToOutcome(prior) };
  }
  if (input.excludedBy !== undefined) {
    return {
      send: false,
      outcome: {
        status: "skipped",
        reason: said("rowsExcluded", { file: input.excludedBy }),
        because: "excluded",
      },
    };
  }
  if (input.dialedRecently !== undefined) {
    return { send: false, outcome: dialedRecentlyOutcome(input.dialedRecently) };
  }
  const settled = prior !== undefined && prior.status !== "pending" ? priorToOutcome(prior) : undefined;
  const send =
    prior === undefined || prior.attempts === 0
      ? SEND_FRESH
      : { send: true as const, priorAttempts: prior.attempts };
  switch (mode) {
    case "run":
      return settled === undefined ? send : { send: false, outcome: settled };
    case "retry":
      if (prior?.status === "failed" || prior?.status === "unknown") return send;
      return { send: false, outcome: settled ?? pendingOf(prior) };
    case "report":
      return { send: false, outcome: settled ?? pendingOf(prior) };
    case "dry-run":
      return { send: false, outcome: settled ?? { status: "would-send" } };
  }
}

/**
 * A row held back by `dedupeWindow`: when the file is planned, and again as the last word before its
 * request leaves (send-rules.ts), with one shape so that reports and summaries count them alike.
 */
export function dialedRecentlyOutcome(by: {
  readonly campaign: string;
  readonly at: string;
  readonly window: string;
}): Extract<RowOutcome, { status: "skipped" }> {
  return {
    status: "skipped",
    reason: said("rowsDialedRecently", { campaign: by.campaign, at: by.at, window: by.window }),
    because: "dialed-recently",
  };
}

function pendingOf(prior: PriorState | undefined): RowOutcome {
  return prior?.status === "pending" && prior.attempts > 0
    ? { status: "pending", attempts: prior.attempts }
    : { status: "pending" };
}
