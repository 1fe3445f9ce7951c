/**
 * The header row of a sheet and the problems a user must fix in it before any row can be read.
 * Pure. Columns are named by their letters, as the spreadsheet shows them.
 */
import { InputError } from "../errors.js";
import { headerKey, sameNamesText } from "../header-key.js";
import { columnLetter } from "./column-letter.js";
import { type Cell, isBlank } from "./types.js";

const COUNT_WORDS = ["", "one", "two", "three", "four", "five"];

function listLetters(columns: readonly number[]): string {
  const letters = columns.map(columnLetter);
  return letters.length === 2
    ? `${letters[0]} and ${letters[1]}`
    : `${letters.slice(0, -1).join(", ")} and ${letters.at(-1)}`;
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
  where: string,
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
  const parts = duplicates.map((columns) => {
    const count = COUNT_WORDS[columns.length] ?? String(columns.length);
    const names = columns.map((column) => headers[column]!);
    return `${count} columns ${sameNamesText(names)} (columns ${listLetters(columns)})`;
  });
  const onlyPair = duplicates.length === 1 && duplicates[0]!.length === 2;
  throw new InputError(
    `${where}: the header row (row ${headerRowNumber}) has ${parts.join(" and ")}; ${onlyPair ? "rename one" : "rename them so that each name is used once"}.`,
    { code: "E_HEADERS" },
  );
}

/**
 * InputError for the first cell of a data row that holds a value in a column with no header:
 * nothing could say what that value is, so the user must name the column or clear it.
 */
export function assertCellsHaveHeaders(
  headers: readonly string[],
  headerRowNumber: number,
  row: { readonly rowNumber: number; readonly cells: readonly Cell[] },
  where: string,
): void {
  for (let column = 0; column < row.cells.length; column++) {
    if ((headers[column] ?? "") !== "" || isBlank(row.cells[column])) continue;
    const letter = columnLetter(column);
    throw new InputError(
      `${where}: column ${letter} has no header in row ${headerRowNumber} but has a value in row ${row.rowNumber}; type a header into ${letter}${headerRowNumber} or clear the column.`,
      { code: "E_HEADERS" },
    );
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
