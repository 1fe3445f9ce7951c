import type { RowOutcome } from "../outcome.js";
import type { PlannedRows, SendablePlannedRow } from "./plan.js";
import type { RunState } from "./run-state.js";

/** The phone a report shows for a planned row: the normalised number, when mapping found one. */
export function phoneOf(planned: { readonly phoneKey?: number }): string | undefined {
  return planned.phoneKey === undefined ? undefined : String(planned.phoneKey);
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
    let outcome = planned.outcome ?? outcomeOf(planned);
    if (outcome instanceof Promise) outcome = await outcome;
    const wait = run.settle(next.index, { row: planned.row, outcome, phone: phoneOf(planned) });
    if (wait !== undefined) await wait;
  }
}
