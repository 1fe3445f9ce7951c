import { type Said, said, say } from "../i18n/catalog.js";
import { quoteValue } from "../mapping/text.js";
import type { ExcludeList } from "./exclude.js";

/**
 * One warning per exclude file that has lines which are not phones, for the CLI to tell before a run
 * (`dnc.csv: 3 lines are not phones (line 4, "12345": expected 11 digits ...)`), as data. The first
 * such line is shown, so the user sees what kind of mistake to look for. Pure.
 */
export function excludeWarningSaids(list: Pick<ExcludeList, "files" | "invalid">): Said[] {
  return list.files.flatMap((file) => {
    if (file.invalidCount === 0) return [];
    const counted = { file: file.name, count: file.invalidCount, unit: file.unit };
    const first = list.invalid.find((line) => line.file === file.name);
    if (first === undefined) return [said("rowsExcludeInvalid", counted)];
    const value = quoteValue(first.value);
    // Most messages of mapping/phone.ts already quote the value; others ("got 9 digits") need it.
    const quoted = first.message.includes(value);
    return [
      said("rowsExcludeInvalid", {
        ...counted,
        line: first.rowNumber,
        value,
        detail: first.problem,
        quoted,
      }),
    ];
  });
}

/** @deprecated the warnings in English, for callers that still pass sentences; use excludeWarningSaids. */
export function excludeWarnings(list: Pick<ExcludeList, "files" | "invalid">): string[] {
  return excludeWarningSaids(list).map((warning) => say("en", warning));
}
