/**
 * Which of `,` `;` tab `|` separates the cells of a CSV file, from its first records.
 *
 * csv-parse 7's `delimiter_auto` is not used. Tried on 7.0.3: it throws INVALID_OPENING_QUOTE on
 * `a;b;"c,d"` (its trial parse has no delimiter, so a quote after the line start is an error), crashes
 * on any non-ASCII character (it counts into a 127-entry table: every Cyrillic header), and it scores
 * every ASCII character, space and `.` included. Here each candidate is counted outside quotes, record
 * by record, and the one that splits the header and the records after it consistently wins.
 */
import { InputError } from "../../errors.js";

export const DELIMITER_CANDIDATES: readonly string[] = [";", ",", "\t", "|"];

const BLANK_CHARS = new Set([" ", "\t", "\r", "\n", '"', ...DELIMITER_CANDIDATES]);

/** Records looked at; enough to see through a few irregular rows, few enough to stay instant. */
const SAMPLE_RECORDS = 50;

/**
 * The delimiter of the table that `sample` starts. `complete` says the sample is the whole file;
 * otherwise its last, possibly cut, record is ignored. A table with one column gives `,`.
 */
export function detectDelimiter(sample: string, complete = true): string {
  let best = { delimiter: ",", consistency: 0, width: 0 };
  for (const delimiter of DELIMITER_CANDIDATES) {
    const counts = delimitersPerRecord(sample, delimiter, complete);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistency = counts.filter((count) => count === header).length / counts.length;
    // Ties on consistency go to the delimiter that makes more columns, then to candidate order.
    if (consistency > best.consistency || (consistency === best.consistency && header > best.width)) {
      best = { delimiter, consistency, width: header };
    }
  }
  return best.delimiter;
}

/**
 * How many times `delimiter` separates cells in each non-empty record of `sample`. A quote opens a
 * quoted cell only at the start of a cell, as csv-parse reads it with `relax_quotes`.
 */
function delimitersPerRecord(sample: string, delimiter: string, complete: boolean): number[] {
  const counts: number[] = [];
  let count = 0;
  // A record of nothing but spaces, quotes and delimiters is blank to the reader, whatever the delimiter.
  let hasContent = false;
  let inQuotes = false;
  let atCellStart = true;
  for (let i = 0; i < sample.length && counts.length < SAMPLE_RECORDS; i++) {
    const char = sample[i]!;
    if (!hasContent && !BLANK_CHARS.has(char)) hasContent = true;
    if (inQuotes) {
      if (char === '"') {
        if (sample[i + 1] === '"') i++;
        else inQuotes = false;
      }
    } else if (char === '"' && atCellStart) {
      inQuotes = true;
      atCellStart = false;
    } else if (char === delimiter) {
      count++;
      atCellStart = true;
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && sample[i + 1] === "\n") i++;
      if (hasContent) counts.push(count);
      count = 0;
      hasContent = false;
      atCellStart = true;
    } else atCellStart = false;
  }
  // A cut record counts only when it is the first: a header longer than the sample still shows its delimiter.
  if ((complete || counts.length === 0) && hasContent && !inQuotes && counts.length < SAMPLE_RECORDS) {
    counts.push(count);
  }
  return counts;
}

/**
 * A delimiter the user gave (`--delimiter`): one character, or `tab` / `\t` spelled out.
 * Quotes and line breaks cannot separate cells.
 */
export function parseDelimiterOption(value: string): string {
  const spelled = value.trim().toLowerCase();
  if (spelled === "tab" || spelled === "\\t") return "\t";
  if (value.length === 1 && value !== '"' && value !== "\n" && value !== "\r") return value;
  throw new InputError({ code: "E_INPUT_DELIMITER", params: { delimiter: value } });
}
