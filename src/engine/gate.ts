import { type PriorState, priorToOutcome } from "../journal/prior.js";
import type { RowOutcome } from "../outcome.js";

/**
 * What happens to a row that could be sent, given what the journal remembers and the dialing
 * hygiene rules. Pure: the lookups are done by the caller. The order is what keeps the promise
 * "never twice": history first (a phone that was sent, or may have been, is never sent by `run`),
 * then the rules that forbid dialing, then what the command asks for.
 *
 * - `run`: rows never tried, and rows a stop left pending, are sent; `failed` stays failed.
 * - `retry`: only `failed` rows (and `unknown` ones with --include-unknown) are sent.
 * - `report`: nothing is sent; the outcome the report shows (pending for rows never tried).
 * - `dry-run`: nothing is sent; rows that `run` would send are `would-send`.
 */
export type GateMode = "run" | "retry" | "report" | "dry-run";

export interface GateInput {
  readonly mode: GateMode;
  readonly prior: PriorState | undefined;
  /** The exclude file that lists this phone, if any. */
  readonly excludedBy?: string;
  /** Another campaign had this phone accepted within `dedupeWindow`. */
  readonly dialedRecently?: { readonly campaign: string; readonly at: string };
  readonly includeUnknown?: boolean;
}

export type GateDecision = { readonly send: true } | { readonly send: false; readonly outcome: RowOutcome };

const SEND: GateDecision = { send: true };

export function gate(input: GateInput): GateDecision {
  const { mode, prior } = input;
  const resendUnknown = mode === "retry" && input.includeUnknown === true;
  if (prior?.status === "sent" || (prior?.status === "unknown" && !resendUnknown)) {
    return { send: false, outcome: priorToOutcome(prior) };
  }
  if (input.excludedBy !== undefined) {
    return { send: false, outcome: { status: "skipped", reason: `excluded by ${input.excludedBy}` } };
  }
  if (input.dialedRecently !== undefined) {
    const { campaign, at } = input.dialedRecently;
    return { send: false, outcome: { status: "skipped", reason: `dialed by campaign ${campaign} at ${at}` } };
  }
  const settled = prior !== undefined && prior.status !== "pending" ? priorToOutcome(prior) : undefined;
  switch (mode) {
    case "run":
      return settled === undefined ? SEND : { send: false, outcome: settled };
    case "retry":
      if (prior?.status === "failed" || prior?.status === "unknown") return SEND;
      return { send: false, outcome: settled ?? pendingOf(prior) };
    case "report":
      return { send: false, outcome: settled ?? pendingOf(prior) };
    case "dry-run":
      return { send: false, outcome: settled ?? { status: "would-send" } };
  }
}

function pendingOf(prior: PriorState | undefined): RowOutcome {
  return prior?.status === "pending" && prior.attempts > 0
    ? { status: "pending", attempts: prior.attempts }
    : { status: "pending" };
}
