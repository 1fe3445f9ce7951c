import { type Said, said } from "../i18n/catalog.js";
import type { Cell, SourceRow } from "../sources/types.js";
import { isBlank, isErrorCell } from "../sources/types.js";
import type { ColumnRef } from "./columns.js";
import { cellToText } from "./text.js";
import type { RowProblem } from "./types.js";

/**
 * Reads one row's mapped cells and collects its problems, so that every rule can add to one list and
 * the row reports all of them at once. An error cell (#N/A) in a mapped column is a problem of that
 * column and reads as empty, so the rules after it do not report it a second time.
 */
export class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(private readonly row: SourceRow) {}

  /** The raw cell, empty for a column the row does not reach (ragged rows). */
  raw(ref: ColumnRef): Cell {
    return this.row.cells[ref.index] ?? null;
  }

  /** The cell, or undefined when the column is unmapped, blank, or shows an error. */
  cell(ref: ColumnRef | undefined): Cell | undefined {
    if (ref === undefined) return undefined;
    const cell = this.raw(ref);
    if (isErrorCell(cell)) {
      this.problem(ref, said("rowsCellError", { text: cell.text }));
      return undefined;
    }
    return isBlank(cell) ? undefined : cell;
  }

  /** The cell as the text a person sees, or undefined (see `cell`). */
  text(ref: ColumnRef | undefined): string | undefined {
    return cellToText(this.cell(ref));
  }

  /** Adds a problem, naming the column when there is one. */
  problem(ref: ColumnRef | undefined, problem: Said): void {
    this.problems.push(ref === undefined ? { problem } : { column: ref.header, problem });
  }

  /** Records "<what> is N characters; Calltouch accepts at most M" and returns true when over the limit. */
  tooLong(
    ref: ColumnRef | undefined,
    what: "value" | "routeKey" | "sessionId",
    value: string,
    max: number,
  ): boolean {
    if (value.length <= max) return false;
    this.problem(ref, said("rowsTooLong", { what, length: value.length, max }));
    return true;
  }
}
