import type { Said } from "../i18n/catalog.js";
import type { RowOutcome } from "../outcome.js";
import type { Eligibility } from "./eligibility.js";
import type { PlannedRow, SendablePlannedRow } from "./plan.js";
import type { RunStop } from "./summary.js";

/** What the journal and the rules say of a sendable row (see state.ts eligibilityOf). */
export type FateOf = (planned: SendablePlannedRow) => Eligibility | Promise<Eligibility>;

export interface UnsentOptions {
  /** What a row the rules would let through shows when it is not sent now: `pending`, or `would-send` (validate). */
  readonly sendable: RowOutcome;
  /** Why sending stopped early: the reason its pending rows show. */
  readonly stop?: RunStop;
}

export const PENDING: RowOutcome = { status: "pending" };
export const WOULD_SEND: RowOutcome = { status: "would-send" };

/** Statuses only an earlier run can have given a row: they win over this run's own reasons to hold it back. */
const HISTORY = new Set<RowOutcome["status"]>(["sent", "unknown", "failed"]);

/**
 * The one place that decides the outcome of a planned row that is not sent now (validate, status, the
 * rows a run holds back, the rest of a file after a stop): final already (invalid, a duplicate); the
 * journal's word first for a row this run holds back (a past schedule time), its own reason otherwise;
 * else what `fateOf` says, with the planner's note and the stop's reason. Synchronous unless `fateOf`
 * must wait: a million rows should not pay a million awaits for nothing.
 */
export function unsentOutcome(
  planned: PlannedRow,
  fateOf: FateOf,
  options: UnsentOptions,
): RowOutcome | Promise<RowOutcome> {
  if (planned.outcome !== undefined && planned.historyFirst === undefined) return planned.outcome;
  const finish = (fate: Eligibility): RowOutcome => {
    const known = fate.send ? options.sendable : fate.outcome;
    if (planned.historyFirst) return HISTORY.has(known.status) ? known : planned.outcome;
    return withStopReason(withNote(known, planned.note), options.stop);
  };
  const fate = fateOf(planned);
  return fate instanceof Promise ? fate.then(finish) : finish(fate);
}

/** The planner's note on a row that is (or would be) sent; other outcomes say more already. */
export function withNote(outcome: RowOutcome, note: Said | undefined): RowOutcome {
  if (note === undefined) return outcome;
  switch (outcome.status) {
    case "would-send":
    case "sent":
    case "pending":
      return { ...outcome, note };
    default:
      return outcome;
  }
}

function withStopReason(outcome: RowOutcome, stop: RunStop | undefined): RowOutcome {
  if (outcome.status !== "pending" || stop === undefined || outcome.reason !== undefined) return outcome;
  // ctdial's own words as data (worded in the report's language); Calltouch's text verbatim.
  return { ...outcome, code: stop.code, reason: stop.messageSaid ?? stop.message };
}
