import type { RowOutcome } from "../outcome.js";
import type { PlannedRow, PlannedRows, SendablePlannedRow } from "./plan.js";
import type { RunState } from "./run-state.js";

/**
 * The phone a report shows for a planned row: the normalised number, when mapping found one. The
 * request's own string when there is one: a new string per row (String(phoneKey)) measured +27 MB of
 * peak memory over a million rows (V8's number-to-string cache keeps each alive into the old
 * generation).
 */
export function phoneOf(planned: {
  readonly phoneKey?: number;
  readonly request?: { readonly phone: string };
}): string | undefined {
  if (planned.request !== undefined) return planned.request.phone;
  return planned.phoneKey === undefined ? undefined : String(planned.phoneKey);
}

/** Statuses only an earlier run can have given a row: they win over this run's own reasons to hold it back. */
const HISTORY = new Set<RowOutcome["status"]>(["sent", "unknown", "failed"]);

/** What the journal says of a held-back row when it says something final, else this run's `own` outcome. */
function historyOr(
  known: RowOutcome | Promise<RowOutcome>,
  own: RowOutcome,
): RowOutcome | Promise<RowOutcome> {
  if (known instanceof Promise) return known.then((settled) => (HISTORY.has(settled.status) ? settled : own));
  return HISTORY.has(known.status) ? known : own;
}

/** The planner's note on a row that is (or would be) sent; other outcomes say more already. */
export function withNote(outcome: RowOutcome, note: string | undefined): RowOutcome {
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

/**
 * A planned row's outcome when it is not being sent now: final already (invalid, a duplicate), the
 * journal's word first for a row this run holds back, or what `lookup` says of a sendable row.
 */
export function outcomeWithout(
  planned: PlannedRow,
  lookup: (planned: SendablePlannedRow) => RowOutcome | Promise<RowOutcome>,
): RowOutcome | Promise<RowOutcome> {
  if (planned.historyFirst) return historyOr(lookup(planned), planned.outcome);
  if (planned.outcome !== undefined) return planned.outcome;
  const outcome = lookup(planned);
  if (planned.note === undefined) return outcome;
  const { note } = planned;
  return outcome instanceof Promise ? outcome.then((o) => withNote(o, note)) : withNote(outcome, note);
}

/**
 * Settles rows without sending any: the whole of `validate`, and the rest of a run's file after
 * sending stopped early. Rows mapping found sendable get `outcomeOf`'s answer; the others are final
 * already. Returns true when the source was read to its end, false when `deadline` (epoch ms) came
 * first: a Ctrl+C must not wait for a million rows to be reported `pending`.
 */
export async function settleRest(
  rows: PlannedRows,
  run: RunState,
  outcomeOf: (planned: SendablePlannedRow) => RowOutcome | Promise<RowOutcome>,
  deadline?: number,
): Promise<boolean> {
  for (let count = 1; ; count++) {
    // Checked every 1024 rows: reading the clock per row would cost more than the rows.
    if (deadline !== undefined && (count & 1023) === 0 && Date.now() > deadline) return rows.exhausted;
    const next = await rows.next();
    if (next === undefined) return true;
    run.markRead();
    const { planned } = next;
    let outcome = outcomeWithout(planned, outcomeOf);
    if (outcome instanceof Promise) outcome = await outcome;
    const wait = run.settle(next.index, { row: planned.row, outcome, phone: phoneOf(planned) });
    if (wait !== undefined) await wait;
  }
}
