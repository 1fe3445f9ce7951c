import type { CallbackRequest } from "../calltouch/types.js";

/** One thing wrong with a row, named in the terms of the user's file. */
export interface RowProblem {
  /** The column header as written in the file, when the problem belongs to one column. */
  readonly column?: string;
  /** Lower-case sentence without the column, e.g. "8-800 numbers cannot be dialed". */
  readonly message: string;
}

/** What mapping made of one row: a request ready to send, or every problem with it. */
export type MappedRow =
  | {
      readonly ok: true;
      readonly request: CallbackRequest /** The phone as a number, for compact indexes. */;
      readonly phoneKey: number;
      /**
       * The row must not be sent, though nothing is wrong with it: its schedule time has passed, or
       * the ctdial report it was read from says it was sent.
       */
      readonly skip?: { readonly reason: string; readonly because: "past-schedule" | "sent-before" };
      /** Something the report should say about a row that is sent (called now, not at its time). */
      readonly note?: string;
    }
  | { readonly ok: false; readonly problems: readonly RowProblem[] };

/** "column Телефон: 8-800 numbers cannot be dialed"; problems without a column are the message alone. */
export function formatProblem(problem: RowProblem): string {
  return problem.column === undefined ? problem.message : `column ${problem.column}: ${problem.message}`;
}

export function formatProblems(problems: readonly RowProblem[]): string {
  return problems.map(formatProblem).join("; ");
}
