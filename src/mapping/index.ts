/** The mapping stage: pure functions from a source row and a campaign to a Calltouch request or problems. */
export type { ColumnRef, FieldColumn, ResolvedColumns, SingleField } from "./columns.js";
export { headerKey, MAX_FIELDS, resolveColumns } from "./columns.js";
export { PhoneIndex } from "./duplicate-index.js";
export type { MapRowOptions } from "./map-row.js";
export { MAX_FIELD_VALUE, MAX_ROUTE_KEY, MAX_SESSION_ID, mapRow } from "./map-row.js";
export type { PhoneResult } from "./phone.js";
export { normalizePhone, phoneKey, SCIENTIFIC_NOTATION } from "./phone.js";
export type { ScheduleOptions, ScheduleResult, ScheduleTimeFormat } from "./schedule.js";
export { parseScheduleTime } from "./schedule.js";
export type { TagsResult } from "./tags.js";
export { collectTags, MAX_TAG_LENGTH, MAX_TAGS, splitTags } from "./tags.js";
export { cellToText, quoteValue } from "./text.js";
export type { MappedRow, RowProblem } from "./types.js";
export { formatProblem, formatProblems } from "./types.js";
export type { UnitIdResult } from "./unit-id.js";
export { parseUnitId } from "./unit-id.js";
