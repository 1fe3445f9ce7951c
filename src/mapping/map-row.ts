import type { CallbackRequest } from "../calltouch/types.js";
import type { Campaign } from "../campaign/schema.js";
import type { Cell, SourceRow } from "../sources/types.js";
import { isBlank, isErrorCell } from "../sources/types.js";
import type { ColumnRef, ResolvedColumns } from "./columns.js";
import { MAX_FIELDS } from "./columns.js";
import { normalizePhone, phoneKey } from "./phone.js";
import { parseScheduleTime } from "./schedule.js";
import { collectTags } from "./tags.js";
import { cellToText } from "./text.js";
import type { MappedRow, RowProblem } from "./types.js";
import { parseUnitId } from "./unit-id.js";

/** Limits from API.md "Body fields", in characters. */
export const MAX_FIELD_VALUE = 255;
export const MAX_ROUTE_KEY = 255;
export const MAX_SESSION_ID = 100;

export interface MapRowOptions {
  /** Epoch ms. When given, a scheduleTime before it is a problem; mapping itself has no clock. */
  readonly now?: number;
}

type TextKey = "sessionId" | "utmSource" | "utmMedium" | "utmCampaign" | "utmContent" | "utmTerm" | "callUrl";
const UTM_AND_URL: readonly Exclude<TextKey, "sessionId">[] = [
  "utmSource",
  "utmMedium",
  "utmCampaign",
  "utmContent",
  "utmTerm",
  "callUrl",
];

/**
 * One row -> the request Calltouch would get, or every problem with the row at once (each naming the
 * column as written in the user's file). Pure and deterministic: the same row, columns and campaign
 * always give the same answer, so a later pass can map a file again instead of remembering it.
 * Empty cells leave their key out of the request (or take the campaign's default); nothing is cut.
 */
export function mapRow(
  row: SourceRow,
  columns: ResolvedColumns,
  campaign: Campaign,
  options: MapRowOptions = {},
): MappedRow {
  const problems: RowProblem[] = [];
  const defaults = campaign.defaults ?? {};
  const cellOf = (ref: ColumnRef): Cell => row.cells[ref.index] ?? null;
  /** The column's cell, or undefined when the column is unmapped, empty or shows an error (a problem). */
  const usable = (ref: ColumnRef | undefined): Cell | undefined => {
    if (ref === undefined) return undefined;
    const cell = cellOf(ref);
    if (isErrorCell(cell)) {
      problems.push({ column: ref.header, message: `the cell shows an error (${cell.text})` });
      return undefined;
    }
    return isBlank(cell) ? undefined : cell;
  };
  const tooLong = (ref: ColumnRef | undefined, what: string, value: string, max: number): boolean => {
    if (value.length <= max) return false;
    const message = `${what} is ${value.length} characters; Calltouch accepts at most ${max}`;
    problems.push(ref === undefined ? { message } : { column: ref.header, message });
    return true;
  };

  const phone = normalizePhone(cellOf(columns.phone));
  if (!phone.ok) problems.push({ column: columns.phone.header, message: phone.message });

  const fields: { name: string; value: string }[] = [];
  for (const column of columns.fields) {
    const value = cellToText(usable(column)) ?? defaults.fields?.[column.name];
    if (value !== undefined && !tooLong(column, "value", value, MAX_FIELD_VALUE))
      fields.push({ name: column.name, value });
  }
  // A default for a field with no column applies to every row: its cell is empty everywhere.
  const mappedNames = new Set(columns.fields.map((column) => column.name));
  for (const [name, value] of Object.entries(defaults.fields ?? {})) {
    if (!mappedNames.has(name)) fields.push({ name, value });
  }
  if (fields.length > MAX_FIELDS) {
    problems.push({ message: `${fields.length} fields; Calltouch accepts at most ${MAX_FIELDS}` });
  }

  let routeKey = cellToText(usable(columns.routeKey));
  const routeKeyRef = routeKey === undefined ? undefined : columns.routeKey;
  routeKey ??= campaign.routeKey;
  if (routeKey === undefined) {
    problems.push(
      columns.routeKey === undefined
        ? { message: "no routeKey: set routeKey in the campaign file, CALLTOUCH_ROUTE_KEY or --route-key" }
        : {
            column: columns.routeKey.header,
            message: "no routeKey: fill this column or set routeKey in the campaign",
          },
    );
  } else {
    tooLong(routeKeyRef, "routeKey", routeKey, MAX_ROUTE_KEY);
  }

  const sessionCell = cellToText(usable(columns.sessionId));
  const sessionId = sessionCell ?? defaults.sessionId;
  if (sessionId !== undefined) {
    tooLong(
      sessionCell === undefined ? undefined : columns.sessionId,
      "sessionId",
      sessionId,
      MAX_SESSION_ID,
    );
  }

  let scheduleTime: string | undefined;
  const scheduleCell = usable(columns.scheduleTime);
  if (scheduleCell !== undefined && columns.scheduleTime !== undefined) {
    const parsed = parseScheduleTime(scheduleCell, {
      timezone: campaign.timezone ?? campaign.calltouchTimezone,
      calltouchTimezone: campaign.calltouchTimezone,
      format: campaign.scheduleTimeFormat,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    if (parsed.ok) scheduleTime = parsed.value;
    else problems.push({ column: columns.scheduleTime.header, message: parsed.message });
  }

  const texts: Partial<Record<TextKey, string>> = {};
  for (const key of UTM_AND_URL) {
    const value = cellToText(usable(columns[key])) ?? defaults[key];
    if (value !== undefined && value !== "") texts[key] = value;
  }

  const tags = collectTags(cellToText(usable(columns.tags)), defaults.tags);
  if (!tags.ok) {
    problems.push(
      tags.fromCell && columns.tags !== undefined
        ? { column: columns.tags.header, message: tags.message }
        : { message: tags.message },
    );
  }

  let unitId = defaults.unitId;
  const unitCell = usable(columns.unitId);
  if (unitCell !== undefined && columns.unitId !== undefined) {
    const parsed = parseUnitId(unitCell);
    if (parsed.ok) unitId = parsed.unitId;
    else problems.push({ column: columns.unitId.header, message: parsed.message });
  }

  if (!phone.ok || routeKey === undefined || problems.length > 0) return { ok: false, problems };

  // Keys in API.md's order; absent values are left out, never sent as null or "".
  const request: CallbackRequest = { routeKey, phone: phone.phone };
  if (fields.length > 0) request.fields = fields;
  if (sessionId !== undefined && sessionId !== "") request.sessionId = sessionId;
  if (scheduleTime !== undefined) request.scheduleTime = scheduleTime;
  Object.assign(request, texts);
  if (tags.ok && tags.tags.length > 0) request.tags = [...tags.tags];
  if (unitId !== undefined) request.unitId = unitId;
  return { ok: true, request, phoneKey: phoneKey(phone.phone) };
}
