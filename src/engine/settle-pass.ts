import type { RowOutcome } from "../outcome.js";
import type { IndexedRow, PlannedRows } from "./plan.js";
import type { RunState } from "./run-state.js";
import { type FateOf, type UnsentOptions, unsentOutcome } from "./unsent.js";

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

/** The next row of the pass, counted as read; undefined at the end of the source. */
export async function readRow(rows: PlannedRows, run: RunState): Promise<IndexedRow | undefined> {
  const next = await rows.next();
  if (next !== undefined) run.markRead();
  return next;
}

/**
 * Settles a row that is not sent now with `outcome`. Returns a promise only when there is something
 * to wait for (a lookup, a sink that is behind), so the caller awaits only then.
 */
export function settleUnsent(
  run: RunState,
  { index, planned }: IndexedRow,
  outcome: RowOutcome | Promise<RowOutcome>,
): Promise<void> | undefined {
  const phone = phoneOf(planned);
  if (outcome instanceof Promise)
    return outcome.then((o) => run.settle(index, { row: planned.row, outcome: o, phone }));
  return run.settle(index, { row: planned.row, outcome, phone });
}

/**
 * Settles rows without sending any: the whole of `validate`, and the rest of a run's file after
 * sending stopped early. Returns true when the source was read to its end, false when `deadline`
 * (epoch ms) came first: a Ctrl+C must not wait for a million rows to be reported `pending`.
 */
export async function settleRest(
  rows: PlannedRows,
  run: RunState,
  fateOf: FateOf,
  options: UnsentOptions & { readonly deadline?: number },
): Promise<boolean> {
  const { deadline } = options;
  for (let count = 1; ; count++) {
    // Checked every 1024 rows: reading the clock per row would cost more than the rows.
    if (deadline !== undefined && (count & 1023) === 0 && Date.now() > deadline) return rows.exhausted;
    const next = await readRow(rows, run);
    if (next === undefined) return true;
    const wait = settleUnsent(run, next, unsentOutcome(next.planned, fateOf, options));
    if (wait !== undefined) await wait;
  }
}
