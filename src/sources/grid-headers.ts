/**
 * The header row of a sheet and the problems a user must fix in it before any row can be read.
 * Pure. Columns are named by their letters, as the spreadsheet shows them.
 */
import { InputError } from "../errors.js";
import { headerKey } from "../header-key.js";
import { type GridPlace, sameNameParams } from "../i18n/catalog/sources.en.js";
import { columnLetter } from "./column-letter.js";
import { type Cell, isBlank } from "./types.js";

/**
 * Where the header row is: `{ file, sheet }` for an .xlsx file, `{ spreadsheet, tab }` for a Google
 * Sheet. A string (a place already worded, the old form) is still taken, in every language as it is.
 */
export type HeaderPlace = GridPlace | string;

function placeParams(where: HeaderPlace): GridPlace {
  return typeof where === "string" ? { where } : where;
}

/** Header names as the user reads them: trimmed text of each cell of the header row. */
export function headerNames(cells: readonly Cell[]): string[] {
  return cells.map((cell) => headerText(cell));
}

/**
 * InputError when two columns share a name (compared as the mapping compares them, `headerKey`):
 * "the header row (row 1) has two columns named Телефон (columns B and E); rename one".
 */
export function assertUniqueHeaders(
  headers: readonly string[],
  headerRowNumber: number,
  where: HeaderPlace,
): void {
  const byName = new Map<string, number[]>();
  headers.forEach((name, column) => {
    if (name === "") return;
    const key = headerKey(name);
    const columns = byName.get(key);
    if (columns) columns.push(column);
    else byName.set(key, [column]);
  });
  const duplicates = [...byName.values()].filter((columns) => columns.length > 1);
  if (duplicates.length === 0) return;
  const groups = duplicates.map((columns) => ({
    names: columns.map((column) => headers[column]!),
    columns: columns.map(columnLetter),
  }));
  throw new InputError({
    code: "E_HEADERS",
    params: { ...placeParams(where), row: headerRowNumber, ...sameNameParams(groups) },
  });
}

/**
 * InputError for the first cell of a data row that holds a value in a column with no header:
 * nothing could say what that value is, so the user must name the column or clear it.
 */
export function assertCellsHaveHeaders(
  headers: readonly string[],
  headerRowNumber: number,
  row: { readonly rowNumber: number; readonly cells: readonly Cell[] },
  where: HeaderPlace,
): void {
  for (let column = 0; column < row.cells.length; column++) {
    if ((headers[column] ?? "") !== "" || isBlank(row.cells[column])) continue;
    const letter = columnLetter(column);
    throw new InputError({
      code: "E_HEADERS",
      params: { ...placeParams(where), row: row.rowNumber, column: letter, headerRow: headerRowNumber },
    });
  }
}

/** A header cell as the text a person reads in it, trimmed. */
export function headerText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell.type === "date") {
    return cell.wallClock.endsWith("T00:00:00")
      ? cell.wallClock.slice(0, 10)
      : cell.wallClock.replace("T", " ");
  }
  return cell.text;
}
