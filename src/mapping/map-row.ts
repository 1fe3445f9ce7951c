import { type CallbackRequest, TEXT_FIELDS, type TextField } from "../calltouch/types.js";
import type { Campaign, Defaults } from "../campaign/schema.js";
import { type Said, said } from "../i18n/catalog.js";
import type { SourceRow } from "../sources/types.js";
import type { ColumnRef, ResolvedColumns } from "./columns.js";
import { MAX_FIELDS } from "./columns.js";
import { pastSchedule } from "./past-schedule.js";
import { normalizePhone, phoneKey } from "./phone.js";
import { RowReader } from "./row-reader.js";
import { parseScheduleTime } from "./schedule.js";
import { collectTags } from "./tags.js";
import { cellToText } from "./text.js";
import type { MappedRow } from "./types.js";
import { parseUnitId } from "./unit-id.js";

/** Limits from docs/calltouch-api.md "Body fields", in characters. */
export const MAX_FIELD_VALUE = 255;
export const MAX_ROUTE_KEY = 255;
export const MAX_SESSION_ID = 100;

export interface MapRowOptions {
  /**
   * Epoch ms: the run's start. When given, a scheduleTime before it is handled as the campaign's
   * `pastScheduleTime` says (skipped, or sent without it with a note); mapping itself has no clock.
   */
  readonly now?: number;
}

type Field = { name: string; value: string };
type TextKey = TextField;
const TEXT_KEYS = TEXT_FIELDS;

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
  const reader = new RowReader(row);
  const defaults: Defaults = campaign.defaults ?? {};

  const phone = normalizePhone(reader.raw(columns.phone));
  if (!phone.ok) reader.problem(columns.phone, phone.problem);
  const fields = mapFields(reader, columns, defaults);
  const routeKey = mapRouteKey(reader, columns, campaign);
  const sessionId = mapSessionId(reader, columns, defaults);
  const schedule = mapScheduleTime(reader, columns, campaign, options);
  const scheduleTime = schedule?.value;
  const texts: Partial<Record<TextKey, string>> = {};
  for (const key of TEXT_KEYS) {
    const value = reader.text(columns[key]) ?? defaults[key];
    if (value !== undefined && value !== "") texts[key] = value;
  }
  const tags = collectTags(reader.text(columns.tags), defaults.tags);
  if (!tags.ok) reader.problem(tags.fromCell ? columns.tags : undefined, tags.problem);
  const unitId = mapUnitId(reader, columns, defaults);

  if (!phone.ok || routeKey === undefined || !tags.ok || reader.problems.length > 0) {
    return { ok: false, problems: reader.problems };
  }
  // Keys in docs/calltouch-api.md's order; absent values are left out, never sent as null or "".
  const request: CallbackRequest = { routeKey, phone: phone.phone };
  if (fields.length > 0) request.fields = fields;
  if (sessionId !== undefined) request.sessionId = sessionId;
  if (scheduleTime !== undefined) request.scheduleTime = scheduleTime;
  Object.assign(request, texts);
  if (tags.tags.length > 0) request.tags = [...tags.tags];
  if (unitId !== undefined) request.unitId = unitId;
  const key = phoneKey(phone.phone);
  const sentBefore = earlierSend(reader, columns);
  if (sentBefore !== undefined) {
    return { ok: true, request, phoneKey: key, skip: { reason: sentBefore, because: "sent-before" } };
  }
  if (schedule?.skip !== undefined) {
    return { ok: true, request, phoneKey: key, skip: { reason: schedule.skip, because: "past-schedule" } };
  }
  if (schedule?.note !== undefined) return { ok: true, request, phoneKey: key, note: schedule.note };
  return { ok: true, request, phoneKey: key };
}

function mapFields(reader: RowReader, columns: ResolvedColumns, defaults: Defaults): Field[] {
  const fields: Field[] = [];
  for (const column of columns.fields) {
    const value = reader.text(column) ?? defaults.fields?.[column.name];
    if (value !== undefined && !reader.tooLong(column, "value", value, MAX_FIELD_VALUE)) {
      fields.push({ name: column.name, value });
    }
  }
  // A default for a field with no column applies to every row: its cell is empty everywhere.
  for (const field of defaultOnlyFields(columns, defaults)) fields.push({ ...field });
  // resolveColumns refuses this when it is given the defaults; this holds even when it was not.
  if (fields.length > MAX_FIELDS)
    reader.problem(undefined, said("rowsTooManyFields", { count: fields.length, max: MAX_FIELDS }));
  return fields;
}

/** Default fields that have no column, worked out once per campaign rather than once per row. */
const defaultOnly = new WeakMap<ResolvedColumns, { from: Defaults["fields"]; fields: readonly Field[] }>();

function defaultOnlyFields(columns: ResolvedColumns, defaults: Defaults): readonly Field[] {
  const known = defaultOnly.get(columns);
  if (known !== undefined && known.from === defaults.fields) return known.fields;
  const mapped = new Set(columns.fields.map((column) => column.name));
  const fields = Object.entries(defaults.fields ?? {})
    .filter(([name]) => !mapped.has(name))
    .map(([name, value]) => ({ name, value }));
  defaultOnly.set(columns, { from: defaults.fields, fields });
  return fields;
}

const NO_ROUTE_KEY = said("rowsNoRouteKey", {});
const NO_ROUTE_KEY_IN_COLUMN = said("rowsNoRouteKeyInColumn", {});

/** The row's own widget key wins over the campaign's. */
function mapRouteKey(reader: RowReader, columns: ResolvedColumns, campaign: Campaign): string | undefined {
  const own = reader.text(columns.routeKey);
  if (own !== undefined) {
    reader.tooLong(columns.routeKey, "routeKey", own, MAX_ROUTE_KEY);
    return own;
  }
  if (campaign.routeKey !== undefined) return campaign.routeKey;
  if (columns.routeKey === undefined) {
    reader.problem(undefined, NO_ROUTE_KEY);
  } else {
    reader.problem(columns.routeKey, NO_ROUTE_KEY_IN_COLUMN);
  }
  return undefined;
}

function mapSessionId(reader: RowReader, columns: ResolvedColumns, defaults: Defaults): string | undefined {
  const own = reader.text(columns.sessionId);
  const sessionId = own ?? (defaults.sessionId === "" ? undefined : defaults.sessionId);
  if (sessionId !== undefined) {
    reader.tooLong(own === undefined ? undefined : columns.sessionId, "sessionId", sessionId, MAX_SESSION_ID);
  }
  return sessionId;
}

/** The wire time to send (none for a past time called now), or why the row is skipped, or a note. */
interface MappedSchedule {
  readonly value?: string;
  readonly skip?: Said;
  readonly note?: Said;
}

function mapScheduleTime(
  reader: RowReader,
  columns: ResolvedColumns,
  campaign: Campaign,
  options: MapRowOptions,
): MappedSchedule | undefined {
  const cell = reader.cell(columns.scheduleTime);
  if (cell === undefined || columns.scheduleTime === undefined) return undefined;
  const timezone = campaign.timezone ?? campaign.calltouchTimezone;
  const parsed = parseScheduleTime(cell, {
    timezone,
    calltouchTimezone: campaign.calltouchTimezone,
    format: campaign.scheduleTimeFormat,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  if (!parsed.ok) {
    reader.problem(columns.scheduleTime, parsed.problem);
    return undefined;
  }
  if (parsed.past !== true || options.now === undefined) return { value: parsed.value };
  const passed = pastSchedule(cell, columns.scheduleTime.header, options.now, timezone);
  return campaign.pastScheduleTime === "call-now"
    ? { note: said("rowsPastScheduleCalledNow", passed) }
    : // The time stays in the request: it is the row as an earlier run may have sent it.
      { value: parsed.value, skip: said("rowsPastScheduleSkipped", passed) };
}

/**
 * In a ctdial report read back as the source: why a row the report shows as sent (or whose answer was
 * lost) must not be sent again. The report is a different file, so a different campaign, whose journal
 * does not know what the run that wrote it sent.
 */
function earlierSend(reader: RowReader, columns: ResolvedColumns): Said | undefined {
  const report = columns.report;
  if (report === undefined) return undefined;
  // Read raw: these columns are ctdial's own, never a problem of the row's data.
  const text = (ref: ColumnRef | undefined) => (ref === undefined ? undefined : cellToText(reader.raw(ref)));
  const status = text(report.status)?.toLowerCase();
  if (status !== "sent" && status !== "unknown") return undefined;
  const requestId = text(report.requestId);
  const sentAt = text(report.sentAt);
  return said("rowsSentBefore", {
    column: report.status.header,
    status,
    ...(requestId === undefined ? {} : { requestId }),
    ...(sentAt === undefined ? {} : { sentAt }),
  });
}

function mapUnitId(reader: RowReader, columns: ResolvedColumns, defaults: Defaults): number | undefined {
  const cell = reader.cell(columns.unitId);
  if (cell === undefined) return defaults.unitId;
  const parsed = parseUnitId(cell);
  if (parsed.ok) return parsed.unitId;
  reader.problem(columns.unitId, parsed.problem);
  return undefined;
}
