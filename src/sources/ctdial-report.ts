/**
 * A ctdial report read back as a source (README "A report as a source"): the operator fixes rows in
 * `clients.report.csv` and runs ctdial on it. It is recognised by its `ctdial_status` header. Its
 * `ctdial_*` columns are ctdial's own results, not data, and the apostrophe a CSV report puts before
 * text a spreadsheet would run as a formula (sinks/neutralize.ts) is not part of the value.
 */
import { headerKey } from "../header-key.js";
import type { Cell } from "./types.js";

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

/** The formula signs after which a report adds `'` (sinks/neutralize.ts), as character codes. */
const NEUTRALISED_SIGNS = new Set(["=", "+", "-", "@", "\t", "\r", "\0"].map((sign) => sign.charCodeAt(0)));
const APOSTROPHE = 0x27;

/**
 * The cell as the user wrote it before ctdial's report neutralised it: `'+7 999 ...` -> `+7 999 ...`.
 * Only an apostrophe followed by a formula sign is removed, which is exactly what the report adds;
 * `'Ромашка'` keeps its quotes.
 */
export function unneutralize(cell: Cell): Cell {
  if (typeof cell !== "string" || cell.charCodeAt(0) !== APOSTROPHE) return cell;
  return NEUTRALISED_SIGNS.has(cell.charCodeAt(1)) ? cell.slice(1) : cell;
}
