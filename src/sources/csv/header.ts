/**
 * The header row of a CSV file: names trimmed, and refused when two columns share a name (the mapping
 * could not tell them apart) or a column with data has none. Pure.
 */
import { InputError } from "../../errors.js";
import { headerKey } from "../../header-key.js";
import { sameNameParams } from "../../i18n/catalog/sources.en.js";

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
    // Columns as a user counts them: 1-based numbers.
    const groups = duplicates.map(({ names, indexes }) => ({
      names,
      columns: indexes.map((index) => String(index + 1)),
    }));
    throw new InputError({ code: "E_INPUT_HEADER", params: { file, line, ...sameNameParams(groups) } });
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
      throw new InputError({
        code: "E_INPUT_HEADER",
        params: { file, line, column: index + 1, headerLine },
      });
    }
  }
}
