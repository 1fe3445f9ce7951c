/**
 * The vocabulary of a ctdial report's own columns: their names, and how a file read back is known to
 * be a report (README "A report as a source"). Sources, mapping, auto-mapping and the report writers
 * all take it from here, so the stages that read rows need not know the writers, nor a file format.
 */
import { headerKey } from "./header-key.js";

/** The columns every report adds at the right of the source's columns (docs/contract.md "Report"). */
export const REPORT_COLUMNS = [
  "ctdial_status",
  "ctdial_error_code",
  "ctdial_error",
  "ctdial_request_id",
  "ctdial_sent_at",
  "ctdial_attempts",
  "ctdial_phone",
] as const;

export type ReportColumn = (typeof REPORT_COLUMNS)[number];

const STATUS_KEY = headerKey("ctdial_status");
const OWN_PREFIX = "ctdial_";

/** True when the headers are a ctdial report's: one of them is `ctdial_status` (compared as headers are). */
export function isCtdialReport(headers: readonly string[]): boolean {
  return headers.some((header) => headerKey(header) === STATUS_KEY);
}

/** True for ctdial's own result columns (`ctdial_status`, `ctdial_error`, ...). */
export function isOwnColumn(header: string): boolean {
  return headerKey(header).startsWith(OWN_PREFIX);
}

/**
 * The headers a mapping may use: all of them, except in a ctdial report, whose `ctdial_*` columns
 * are hidden (named "", as an unnamed column is).
 */
export function dataHeaders(headers: readonly string[]): readonly string[] {
  if (!isCtdialReport(headers)) return headers;
  return headers.map((header) => (isOwnColumn(header) ? "" : header));
}
