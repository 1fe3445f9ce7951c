import type { CallbackRequest } from "../calltouch/types.js";
import type { Campaign } from "../campaign/schema.js";
import type { ResolvedColumns } from "../mapping/columns.js";
import { PhoneIndex } from "../mapping/dedupe.js";
import { mapRow } from "../mapping/map-row.js";
import type { RowOutcome } from "../outcome.js";
import type { Source, SourceRow } from "../sources/types.js";

/**
 * One row after reading, mapping and the in-campaign duplicate check: either a request that may be
 * sent, or an outcome that is already final (invalid, skipped). Deterministic for the same file and
 * campaign, so that the report pass after a run can plan again instead of holding every row.
 */
export type PlannedRow =
  | {
      readonly row: SourceRow;
      readonly request: CallbackRequest;
      /** The normalised phone as a number: how the journal and the dedupe lists know the row. */
      readonly phoneKey: number;
      /** What the report should add about the row (a past schedule time called at once). */
      readonly note?: string;
      readonly outcome?: undefined;
    }
  | {
      readonly row: SourceRow;
      readonly request?: undefined;
      readonly note?: undefined;
      readonly historyFirst?: undefined;
      readonly outcome: RowOutcome;
    }
  /**
   * Not sent by this run for a reason of this run's own (its schedule time had passed when the run
   * started), though the row makes a request: what the journal knows of it (sent by an earlier run,
   * while the time was still ahead) is reported first, `outcome` only when it knows nothing final.
   */
  | {
      readonly row: SourceRow;
      readonly request: CallbackRequest;
      readonly phoneKey: number;
      readonly note?: undefined;
      readonly historyFirst: true;
      readonly outcome: RowOutcome;
    };

/**
 * The planner of one pass over a file: maps a row and checks it against the rows before it. Sync,
 * so a pass can plan rows without an async step of its own per row. The duplicate index is sized
 * from the source's row estimate up front: growing it mid-file holds the old table and the new one
 * at once, the one moment memory would rise above what the index needs.
 */
export function createPlanner(
  columns: ResolvedColumns,
  campaign: Campaign,
  estimatedRows?: number,
  /** The run's start (epoch ms): schedule times before it follow `pastScheduleTime`. */
  now?: number,
): (row: SourceRow) => PlannedRow {
  const seen = new PhoneIndex(estimatedRows);
  const options = now === undefined ? {} : { now };
  return (row) => {
    const mapped = mapRow(row, columns, campaign, options);
    if (!mapped.ok) return { row, outcome: { status: "invalid", problems: mapped.problems } };
    // Before the duplicate check: a row that is not sent does not make a later one a duplicate.
    if (mapped.skip !== undefined) {
      const outcome: RowOutcome = { status: "skipped", reason: mapped.skip };
      return { row, request: mapped.request, phoneKey: mapped.phoneKey, historyFirst: true, outcome };
    }
    const earlier = seen.firstRowOf(mapped.phoneKey, row.rowNumber);
    if (earlier !== undefined) {
      return { row, outcome: { status: "skipped", reason: `duplicate of row ${earlier}` } };
    }
    if (mapped.note !== undefined) {
      return { row, request: mapped.request, phoneKey: mapped.phoneKey, note: mapped.note };
    }
    return { row, request: mapped.request, phoneKey: mapped.phoneKey };
  };
}

/** The source's rows, planned in order. */
export async function* planRows(
  source: Pick<Source, "rows" | "estimatedRows">,
  columns: ResolvedColumns,
  campaign: Campaign,
  now?: number,
): AsyncGenerator<PlannedRow> {
  const plan = createPlanner(columns, campaign, source.estimatedRows, now);
  for await (const row of source.rows()) yield plan(row);
}
