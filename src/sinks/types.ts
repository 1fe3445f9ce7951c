import type { RowOutcome } from "../outcome.js";
import type { SourceRow } from "../sources/types.js";

/**
 * Where per-row results go (docs/contract.md "Report"). A report is written to `<path>.tmp` and renamed
 * over `path` only by `close()`, so a crash or an `abort()` never leaves a half report in place of
 * the previous one.
 */
export interface ReportWriter {
  /** The final path of the report (what the summary prints). */
  readonly path: string;
  /**
   * Appends one row: its source cells with the result columns (`phone`: the normalised number the
   * row was or would be dialed at, for `ctdial_phone`). Rows appear in the order they are
   * written, so the caller writes them in source order. Returns a promise when the caller must wait
   * before the next row (the file is behind), nothing when it need not: a million rows then cost no
   * million promises. Throws, or rejects, with a `CtdialError` when the file system refuses the
   * write (disk full, ...).
   */
  write(row: SourceRow, outcome: RowOutcome, phone?: string): Promise<void> | undefined;
  /** Finishes the file, flushes it to disk and puts it in place of any previous report. */
  close(): Promise<void>;
  /** Gives up: removes the temporary file and leaves any previous report untouched. */
  abort(): Promise<void>;
}
