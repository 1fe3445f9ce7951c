/**
 * Warnings for columns that auto-mapping sends as plain fields although they look like something a
 * Calltouch field checks: dates (a plain field takes `31.02.2025 10:00` without a word) or tags.
 * Pure: headers, and when the caller has them, a few sampled cells per column.
 */
import { type Said, said } from "../i18n/catalog.js";
import type { Cell } from "../sources/types.js";
import { isDateCell } from "../sources/types.js";

/** Header words that say "date or time" (Russian and English), matched on word starts. */
const DATE_WORDS = /(^|[^\p{L}])(дат|врем|date|time|когда|перезвон)/iu;
/** Header words that say "tags". */
const TAG_WORDS = /(^|[^\p{L}])(тег|тэг|метк|tag|label)/iu;
/** `01.02.2026`, `1.2.26 10:00`, `2026-02-01`, `2026-02-01T10:00`: text a person means as a date. */
const DATE_TEXT = /^(\d{1,2}\.\d{1,2}\.(\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})([ T,]+\d{1,2}:\d{2}(:\d{2})?)?$/;
/** At least this many non-empty sampled cells, and this share of them dates, make a column date-like. */
const MIN_SAMPLED = 3;
const DATE_SHARE = 0.6;

/** What to tell the user, one per column that looks like dates or tags but is sent as a plain field. */
export function plainFieldWarnings(
  fields: readonly { readonly header: string; readonly index: number }[],
  samples: readonly (readonly Cell[])[] = [],
): Said[] {
  const warnings: Said[] = [];
  for (const { header, index } of fields) {
    if (DATE_WORDS.test(header) || mostlyDates(samples.map((row) => row[index] ?? null))) {
      warnings.push(said("campaignWarnDateColumn", { column: header }));
    } else if (TAG_WORDS.test(header)) {
      warnings.push(said("campaignWarnTagColumn", { column: header }));
    }
  }
  return warnings;
}

function mostlyDates(cells: readonly Cell[]): boolean {
  const filled = cells.filter((cell) => cell !== null && !(typeof cell === "string" && cell.trim() === ""));
  if (filled.length < MIN_SAMPLED) return false;
  const dates = filled.filter(
    (cell) => isDateCell(cell) || (typeof cell === "string" && DATE_TEXT.test(cell.trim())),
  );
  return dates.length / filled.length >= DATE_SHARE;
}
