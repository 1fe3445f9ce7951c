import { quoteValue } from "../mapping/text.js";
import type { ExcludeList } from "./exclude.js";

/**
 * One warning per exclude file that has lines which are not phones, for the CLI to print before a
 * run: `dnc.csv: 3 lines are not phones (line 4, "12345": expected 11 digits ...)`. The first such
 * line is shown, so the user sees what kind of mistake to look for. Pure.
 */
export function excludeWarnings(list: Pick<ExcludeList, "files" | "invalid">): string[] {
  return list.files.flatMap((file) => {
    if (file.invalidCount === 0) return [];
    const count =
      file.invalidCount === 1
        ? `1 ${file.unit} is not a phone`
        : `${file.invalidCount} ${file.unit}s are not phones`;
    const first = list.invalid.find((line) => line.file === file.name);
    if (first === undefined) return [`${file.name}: ${count}`];
    const quoted = quoteValue(first.value);
    // Most messages of mapping/phone.ts already quote the value; others ("got 9 digits") need it.
    const detail = first.message.includes(quoted) ? `: ${first.message}` : `, ${quoted}: ${first.message}`;
    return [`${file.name}: ${count} (${file.unit} ${first.rowNumber}${detail})`];
  });
}
