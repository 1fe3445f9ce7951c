import type { CallbackRequest } from "../calltouch/types.js";
import { type Said, say, words } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";

/** One thing wrong with a row, named in the terms of the user's file. */
export interface RowProblem {
  /** The column header as written in the file, when the problem belongs to one column. */
  readonly column?: string;
  /** What is wrong, as data, without the column: `rowsPhoneService` ("8-800 numbers cannot be dialed"). */
  readonly problem: Said;
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
      readonly skip?: { readonly reason: Said; readonly because: "past-schedule" | "sent-before" };
      /** Something the report should say about a row that is sent (called now, not at its time). */
      readonly note?: Said;
    }
  | { readonly ok: false; readonly problems: readonly RowProblem[] };

/**
 * "column Телефон: 8-800 numbers cannot be dialed" (ru "колонка Телефон: на номера 8-800 звонить
 * нельзя"); problems without a column are the sentence alone.
 */
export function formatProblem(lang: Lang, problem: RowProblem): string {
  const text = say(lang, problem.problem);
  return problem.column === undefined
    ? text
    : words(lang).rowsInColumn({ column: problem.column, problem: text });
}

/** Every problem of a row, in `lang`, as one line (the report's `ctdial_error`). */
export function formatProblems(lang: Lang, problems: readonly RowProblem[]): string {
  if (problems.length === 1) return formatProblem(lang, problems[0]!);
  return words(lang).rowsProblemList({ problems: problems.map((problem) => formatProblem(lang, problem)) });
}
