/**
 * A ctdial report read back as a source (README "A report as a source"): the operator fixes rows in
 * `clients.report.csv` and runs ctdial on it. It is recognised by its `ctdial_status` header
 * (report-columns.ts). Its `ctdial_*` columns are ctdial's own results, not data, and the apostrophe a CSV report puts before
 * text a spreadsheet would run as a formula (sinks/neutralize.ts) is not part of the value.
 */
import type { Cell } from "./types.js";

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
