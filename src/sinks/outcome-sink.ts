import type { RowOutcome } from "../outcome.js";
import type { SourceRow } from "../sources/types.js";

/** One row's result in this run, as the run hands it to every sink. */
export interface SettledRow {
  /**
   * The row's position among the data rows the source yielded, from 0 (blank rows are not counted):
   * the order a report is written in. Rows settle out of this order (a retried row settles after the
   * rows behind it).
   */
  readonly index: number;
  /** The row as read: its number as the user sees it and its cells. */
  readonly row: SourceRow;
  readonly outcome: RowOutcome;
  /** The normalised phone (`7xxxxxxxxxx`) the row was, or would be, dialed at, when mapping found one. */
  readonly phone?: string;
}

/** How a run ended, as far as sinks need to know. */
export interface RunEnd {
  /**
   * Every row of the source was settled and handed to the sinks. False when the run stopped before
   * it read the whole source (Ctrl+C on a large file): a sink that needs every row (a report file)
   * keeps what was there before instead of publishing half a table.
   */
  readonly complete: boolean;
}

/**
 * Where settled rows go while the run goes on: the report file, a Google Sheet's result columns, a
 * folder's live report. Each row arrives exactly once, in the order rows settle. A sink never decides
 * a row's fate and is never the only record of it: the journal is the truth, so a sink that fails
 * loses nothing that a later run cannot write again. An error a sink throws is caught by the run,
 * reported once as a warning, and that sink receives nothing more; sending goes on.
 */
/** A report file (its path) or a Google Sheets tab (its title). */
export interface SinkTarget {
  readonly kind: "report" | "sheet";
  readonly where: string;
}

export interface OutcomeSink {
  /** A short name for messages ("the report clients.report.csv", "the sheet Клиенты"): English, for library users. */
  readonly name: string;
  /** What it writes to, as data: the CLI names it in the user's language. */
  readonly target?: SinkTarget;
  /** Returns a promise only when the run must wait before the next row (a file that is behind). */
  accept(settled: SettledRow): Promise<void> | undefined;
  /** The run is over: write what is buffered and finish. Called once, also after a stop. */
  close(end: RunEnd): Promise<void>;
}
