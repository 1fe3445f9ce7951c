/**
 * What every source (CSV, XLSX, Google Sheets) yields: rows of cells as the user's spreadsheet
 * program shows them. A source knows nothing of Calltouch.
 */

/** A date-time cell. Spreadsheets have no timezone, so it is a wall-clock time, read later in `timezone`. */
export interface DateCell {
  readonly type: "date";
  /** `yyyy-mm-ddThh:mm:ss`, rounded to the second (LibreOffice stores 11:00 as 10:59:59.99999). */
  readonly wallClock: string;
  /**
   * For a cell at exactly 00:00:00 only: whether the cell shows a time of day (its number format
   * has one, `dd.mm.yyyy hh:mm`), so midnight is what was meant; `false` for a date shown without a
   * time (`dd.mm.yyyy`). Absent when the time is not midnight or the source cannot tell; readers
   * then go by the value alone (a midnight is a date without a time).
   */
  readonly showsTime?: boolean;
}

/** An error cell such as `#N/A` or `#DIV/0!`: the row it is in cannot be trusted. */
export interface ErrorCell {
  readonly type: "error";
  readonly text: string;
}

/**
 * One cell. CSV cells are always strings; XLSX and Sheets cells keep their type, so that a phone
 * stored as a number gives its exact digits and a date cell is not re-parsed from display text.
 * `null` is an empty cell.
 */
export type Cell = string | number | boolean | DateCell | ErrorCell | null;

export interface SourceRow {
  /**
   * The row number the user sees: the line in a CSV file where the record starts (1-based, header
   * is usually line 1), the row number in a sheet.
   */
  readonly rowNumber: number;
  /** Cells by column index, aligned with `Source.headers`; may be shorter or longer (ragged rows). */
  readonly cells: readonly Cell[];
}

export interface SourceInfo {
  readonly kind: "csv" | "xlsx" | "sheets";
  /** Header names as written in the file (trimmed). */
  readonly headers: readonly string[];
  /** Row number of the header row. */
  readonly headerRowNumber: number;
  /** CSV: the delimiter found or given. The report uses the same one. */
  readonly delimiter?: string;
  /** CSV: the encoding found or given (`utf-8`, `utf-16le`, `windows-1251`, ...). */
  readonly encoding?: string;
  /** XLSX / Sheets: the tab that was read. */
  readonly sheetName?: string;
  /**
   * About how many data rows the source holds, when it can tell without reading them all (CSV: the
   * file's size over the average line length of its first 64 KiB; XLSX: the sheet's recorded used
   * range below the header). A hint for sizing, never a count.
   */
  readonly estimatedRows?: number;
}

/**
 * An opened source. `rows()` streams the data rows after the header, skipping empty ones; it can be
 * called once. `close()` releases the file even when iteration stopped early.
 */
export interface Source extends SourceInfo {
  rows(): AsyncIterable<SourceRow>;
  close(): Promise<void>;
}

export function isDateCell(cell: Cell | undefined): cell is DateCell {
  return typeof cell === "object" && cell !== null && cell.type === "date";
}

export function isErrorCell(cell: Cell | undefined): cell is ErrorCell {
  return typeof cell === "object" && cell !== null && cell.type === "error";
}

/** True when a cell holds nothing a person would call a value (empty, or only spaces). */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}
