import { basename } from "node:path";
import type { CallbackRequest } from "../calltouch/types.js";
import { effectiveMapping } from "../campaign/auto-map.js";
import type { Campaign } from "../campaign/schema.js";
import { ConfigError } from "../errors.js";
import { type Said, said } from "../i18n/catalog.js";
import { type ResolvedColumns, resolveColumns } from "../mapping/columns.js";
import { PhoneIndex } from "../mapping/duplicate-index.js";
import { mapRow } from "../mapping/map-row.js";
import type { RowOutcome } from "../outcome.js";
import { type OpenSourceOptions, openSource } from "../sources/open.js";
import type { Source, SourceRow } from "../sources/types.js";
import type { ResolvedCampaign } from "./resolve.js";

/**
 * One row after reading, mapping and the in-file duplicate check: either a request that may be
 * sent, or an outcome that is already final (invalid, skipped).
 */
export type PlannedRow =
  | {
      readonly row: SourceRow;
      readonly request: CallbackRequest;
      /** The normalised phone as a number: how the journal and the dedupe lists know the row. */
      readonly phoneKey: number;
      /** What the report adds about the row when it is sent (a past schedule time called at once). */
      readonly note?: Said;
      readonly historyFirst?: undefined;
      readonly outcome?: undefined;
    }
  | {
      readonly row: SourceRow;
      readonly request?: undefined;
      readonly outcome: RowOutcome;
      /** Set when the phone itself was good (a duplicate), for the report's `ctdial_phone`. */
      readonly phoneKey?: number;
      readonly note?: undefined;
      readonly historyFirst?: undefined;
    }
  /**
   * Not sent by this run for a reason of this run's own (its schedule time had passed when the run
   * started; the ctdial report it was read from says it was sent), though the row makes a request:
   * what the journal knows of it (sent by an earlier run) is reported first, `outcome` otherwise.
   */
  | {
      readonly row: SourceRow;
      readonly request: CallbackRequest;
      readonly phoneKey: number;
      readonly note?: undefined;
      readonly historyFirst: true;
      readonly outcome: RowOutcome;
    };

/** A row mapping found sendable, including those this run holds back (`historyFirst`). */
export type SendablePlannedRow = Extract<PlannedRow, { request: object }>;

/** A planned row and its position among the source's data rows (the order a report is written in). */
export interface IndexedRow {
  readonly index: number;
  readonly planned: PlannedRow;
}

/**
 * The planner of one pass over a file: maps a row and checks it against the rows before it. Sync,
 * so a pass can plan rows without an async step of its own per row. The duplicate index is sized
 * from the source's row estimate up front: growing it mid-file holds the old table and the new one
 * at once, the one moment memory would rise above what the index needs.
 */
function createPlanner(
  columns: ResolvedColumns,
  campaign: Campaign,
  estimatedRows?: number,
  /** The command's start (epoch ms): schedule times before it follow `pastScheduleTime`. */
  now?: number,
): (row: SourceRow) => PlannedRow {
  const seen = new PhoneIndex(estimatedRows);
  const options = now === undefined ? {} : { now };
  return (row) => {
    const mapped = mapRow(row, columns, campaign, options);
    if (!mapped.ok) return { row, outcome: { status: "invalid", problems: mapped.problems } };
    // Before the duplicate check: a row that is not sent does not make a later one a duplicate.
    if (mapped.skip !== undefined) {
      const outcome: RowOutcome = {
        status: "skipped",
        reason: mapped.skip.reason,
        because: mapped.skip.because,
      };
      return { row, request: mapped.request, phoneKey: mapped.phoneKey, historyFirst: true, outcome };
    }
    const earlier = seen.firstRowOf(mapped.phoneKey, row.rowNumber);
    if (earlier !== undefined) {
      return {
        row,
        outcome: { status: "skipped", reason: said("rowsDuplicate", { row: earlier }), because: "duplicate" },
        phoneKey: mapped.phoneKey,
      };
    }
    if (mapped.note !== undefined) {
      return { row, request: mapped.request, phoneKey: mapped.phoneKey, note: mapped.note };
    }
    return { row, request: mapped.request, phoneKey: mapped.phoneKey };
  };
}

/**
 * The one pass a command makes over its source: rows read, planned and numbered in order. A run takes
 * rows from it while sending and, should sending stop early, settles the rest from the same pass,
 * so no row is planned twice and no second reading has to agree with the first.
 */
export interface PlannedRows {
  readonly source: Source;
  readonly columns: ResolvedColumns;
  /** The next row, or undefined at the end of the source. */
  next(): Promise<IndexedRow | undefined>;
  /** True once `next()` has returned undefined. */
  readonly exhausted: boolean;
  close(): Promise<void>;
}

export async function openPlannedRows(
  resolved: ResolvedCampaign,
  /** `onWarning`: columns sent as plain fields that look like dates or tags. */
  options: OpenSourceOptions & { onWarning?: (message: string, said?: Said) => void },
): Promise<PlannedRows> {
  const source = await openSource(resolved.source, { ...options, sheet: resolved.campaign.sheet });
  try {
    const columns = resolveColumns(
      source.headers,
      effectiveMapping(source.headers, resolved.campaign, options.onWarning),
      resolved.campaign.defaults,
    );
    requireRouteKey(resolved, columns);
    return plannedRows(source, columns, resolved.campaign, resolved.startedAt);
  } catch (error) {
    await source.close();
    throw error;
  }
}

/** Plans `source`'s rows in order; exported for tests that feed rows without a file. */
export function plannedRows(
  source: Source,
  columns: ResolvedColumns,
  campaign: Campaign,
  now?: number,
): PlannedRows {
  const plan = createPlanner(columns, campaign, source.estimatedRows, now);
  const iterator = source.rows()[Symbol.asyncIterator]();
  let index = 0;
  let exhausted = false;
  return {
    source,
    columns,
    get exhausted() {
      return exhausted;
    },
    async next() {
      if (exhausted) return undefined;
      const next = await iterator.next();
      if (next.done === true) {
        exhausted = true;
        return undefined;
      }
      return { index: index++, planned: plan(next.value) };
    },
    async close() {
      try {
        if (!exhausted) await iterator.return?.();
      } finally {
        await source.close();
      }
    },
  };
}

/**
 * A campaign with no routeKey anywhere (no key, no flag, no environment, no routeKey column) would
 * report every row invalid: a million lines that all say one thing. It is one configuration error,
 * told before any row is read. A routeKey column with some empty cells stays a per-row problem.
 */
function requireRouteKey(resolved: ResolvedCampaign, columns: ResolvedColumns): void {
  if (resolved.campaign.routeKey !== undefined || columns.routeKey !== undefined) return;
  // Where a routeKey could go: the campaign file read, else the one beside the data file (a sheet has none).
  const params =
    resolved.campaignPath !== undefined
      ? { campaignFile: basename(resolved.campaignPath) }
      : resolved.sheetTab !== undefined
        ? { sheet: true }
        : {
            campaignFile: `${basename(resolved.source).replace(/\.[^.]+$/, "")}.campaign.yaml`,
            create: true,
          };
  throw new ConfigError({ code: "E_NO_ROUTE_KEY", params });
}

/**
 * Counts the file's data rows, for the progress bar's total and ETA. Runs beside sending (it never
 * delays the first request) and reads the file on its own.
 */
export async function countRows(resolved: ResolvedCampaign, options: OpenSourceOptions): Promise<number> {
  const source = await openSource(resolved.source, { ...options, sheet: resolved.campaign.sheet });
  try {
    let count = 0;
    for await (const _row of source.rows()) count += 1;
    return count;
  } finally {
    await source.close();
  }
}
