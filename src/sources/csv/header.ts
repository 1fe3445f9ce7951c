/**
 * The header row of a CSV file: names trimmed, and refused when two columns share a name (the mapping
 * could not tell them apart) or a column with data has none. Pure.
 */
import { InputError } from "../../errors.js";
import { headerKey, sameNamesText } from "../../header-key.js";

const COUNT_WORDS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** "2 and 5", "2, 5 and 7": 1-based column numbers as a user counts them. */
function listColumns(indexes: readonly number[]): string {
  const numbers = indexes.map((index) => String(index + 1));
  return numbers.length === 1 ? numbers[0]! : `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}

/**
 * The trimmed header names; throws an InputError naming every name used by more than one column.
 * `file` and `line` place the header row in the user's file.
 */
export function readHeaderRow(cells: readonly string[], file: string, line: number): string[] {
  const headers = cells.map((cell) => cell.trim());
  const columnsByKey = new Map<string, { names: string[]; indexes: number[] }>();
  headers.forEach((name, index) => {
    if (name === "") return;
    const key = headerKey(name);
    const entry = columnsByKey.get(key) ?? { names: [], indexes: [] };
    entry.names.push(name);
    entry.indexes.push(index);
    columnsByKey.set(key, entry);
  });
  const duplicates = [...columnsByKey.values()].filter((entry) => entry.indexes.length > 1);
  if (duplicates.length > 0) {
    const described = duplicates
      .map(({ names, indexes }) => {
        const count = COUNT_WORDS[indexes.length] ?? String(indexes.length);
        return `${count} columns ${sameNamesText(names)} (columns ${listColumns(indexes)})`;
      })
      .join(" and ");
    const fix = duplicates.length === 1 && duplicates[0]!.indexes.length === 2 ? "rename one" : "rename them";
    throw new InputError(`${file}, line ${line}: the header row has ${described}; ${fix}.`, {
      code: "E_INPUT_HEADER",
    });
  }
  return headers;
}

/** Indexes of the columns whose header is empty: a value in one of them has no name to be mapped by. */
export function unnamedColumns(headers: readonly string[]): number[] {
  return headers.flatMap((name, index) => (name === "" ? [index] : []));
}

/**
 * Throws when a data row has a value in an unnamed column. Excel adds empty columns at the right
 * of an export; those are fine as long as they stay empty.
 */
export function checkUnnamedColumns(
  cells: readonly string[],
  unnamed: readonly number[],
  file: string,
  line: number,
  headerLine: number,
): void {
  for (const index of unnamed) {
    const cell = cells[index];
    if (cell !== undefined && cell.trim() !== "") {
      throw new InputError(
        `${file}, line ${line}: column ${index + 1} has a value but no name in the header row (line ${headerLine}); name the column or delete it.`,
        { code: "E_INPUT_HEADER" },
      );
    }
  }
}
