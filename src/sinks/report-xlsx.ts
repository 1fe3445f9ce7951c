import { setImmediate as nextTurn } from "node:timers/promises";
import ExcelJS from "exceljs";
import type { RowOutcome } from "../outcome.js";
import { REPORT_COLUMNS } from "../report-columns.js";
import type { Cell, SourceRow } from "../sources/types.js";
import { outcomeCells } from "./columns.js";
import { type ReportLayout, reportLayout } from "./layout.js";
import { openReportFile, type ReportFile } from "./report-file.js";
import type { ReportWriter } from "./types.js";

export interface XlsxReportOptions {
  /** The tab's name, usually the source's tab; made valid for Excel. @default "Report" */
  readonly sheetName?: string;
}

/** Integers from 11 digits up (phones) get format "0": Excel's General shows them as 7,9991E+10. */
const WHOLE_NUMBER_FORMAT = "0";
const BIG_INTEGER = 1e10;
const DATE_TIME_FORMAT = "dd.mm.yyyy hh:mm:ss";
const DATE_FORMAT = "dd.mm.yyyy";
/** The cell error codes Excel knows; any other error text (Sheets' #ERROR!) is written as text. */
const EXCEL_ERRORS = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);
/**
 * exceljs's streaming writer has no backpressure: committed rows pile up in its zip pipeline unless
 * the event loop gets a turn to compress and write them. Giving it one every this many rows keeps
 * memory flat at no measurable cost.
 */
const ROWS_PER_TURN = 256;

type XlsxValue = string | number | boolean | Date | { error: string } | null;

/**
 * Opens an XLSX report through exceljs's streaming writer (rows go to disk as they come; shared
 * strings off, so memory does not grow with the text). Cells keep their types: numbers stay
 * numbers, dates are date cells, error cells stay errors. The header row is bold, frozen and has
 * an autofilter. Rejects with a `CtdialError` naming the file when it cannot be created.
 */
export async function openXlsxReport(
  path: string,
  headers: readonly string[],
  options: XlsxReportOptions = {},
): Promise<ReportWriter> {
  const file = await openReportFile(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: file.stream,
    useSharedStrings: false,
    // Styles carry the bold header and the number and date formats.
    useStyles: true,
  });
  const layout = reportLayout(headers);
  const sheet = workbook.addWorksheet(sheetTitle(options.sheetName), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  // The streaming writer emits <cols> with the first row, so widths are set before any row.
  sheet.columns = layout.headers.map((header) => ({ width: columnWidth(header) }));
  const headerRow = sheet.addRow([...layout.headers]);
  headerRow.font = { bold: true };
  headerRow.commit();
  return new XlsxReportWriter(file, workbook, sheet, layout);
}

class XlsxReportWriter implements ReportWriter {
  readonly path: string;
  #rows = 1;
  #done = false;
  readonly #file: ReportFile;
  readonly #workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly #sheet: ExcelJS.Worksheet;
  readonly #layout: ReportLayout;

  constructor(
    file: ReportFile,
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    sheet: ExcelJS.Worksheet,
    layout: ReportLayout,
  ) {
    this.path = file.path;
    this.#file = file;
    this.#workbook = workbook;
    this.#sheet = sheet;
    this.#layout = layout;
  }

  async write(row: SourceRow, outcome: RowOutcome, phone?: string): Promise<void> {
    // i18n-exempt: only a bug in ctdial writes to a report it closed
    if (this.#done) throw new Error(`the report ${this.path} is already closed`);
    this.#file.check();
    const cells = this.#layout.arrange(row.cells, outcomeCells(outcome, phone));
    const excelRow = this.#sheet.addRow(cells.map(xlsxValue));
    cells.forEach((cell, index) => {
      const format = numberFormat(cell);
      if (format !== undefined) excelRow.getCell(index + 1).numFmt = format;
    });
    excelRow.commit();
    this.#rows += 1;
    if (this.#rows % ROWS_PER_TURN === 0) {
      await nextTurn();
      if (this.#file.stream.writableNeedDrain) await this.#file.drained();
    }
  }

  async close(): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    try {
      this.#file.check();
      this.#sheet.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: this.#rows, column: this.#layout.headers.length },
      };
      this.#sheet.commit();
      await this.#workbook.commit();
      await this.#file.commitEnded();
    } catch (error) {
      await this.#file.discard();
      throw error;
    }
  }

  async abort(): Promise<void> {
    this.#done = true;
    await this.#file.discard();
  }
}

/**
 * Text is written as a typed text cell (an inline string), which no spreadsheet runs as a formula,
 * so it is written exactly as the source had it: `+7 999 ...` reads as written. The apostrophe that
 * CSV reports need (neutralize.ts) would show up here as a visible character.
 */
function xlsxValue(cell: Cell): XlsxValue {
  if (cell === null || typeof cell === "number" || typeof cell === "boolean") return cell;
  if (typeof cell === "string") return cell;
  // exceljs turns a Date into a serial from its UTC fields; the wall clock read as UTC keeps it exact.
  if (cell.type === "date") {
    const date = new Date(`${cell.wallClock}Z`);
    // A wall clock no Date can hold is kept as text rather than written as a NaN serial Excel refuses.
    return Number.isNaN(date.getTime()) ? cell.wallClock : date;
  }
  return EXCEL_ERRORS.has(cell.text) ? { error: cell.text } : cell.text;
}

function numberFormat(cell: Cell): string | undefined {
  if (typeof cell === "number") {
    return Number.isInteger(cell) && Math.abs(cell) >= BIG_INTEGER ? WHOLE_NUMBER_FORMAT : undefined;
  }
  if (cell === null || typeof cell !== "object" || cell.type !== "date") return undefined;
  if (Number.isNaN(Date.parse(`${cell.wallClock}Z`))) return undefined;
  // A date without a time (a birthday, a deadline) is shown as a date, as the source showed it; a
  // midnight the source showed with its time keeps it.
  return cell.wallClock.endsWith("T00:00:00") && cell.showsTime !== true ? DATE_FORMAT : DATE_TIME_FORMAT;
}

/** Excel refuses tab names over 31 characters, with any of []:*?/\ or starting or ending with '. */
export function sheetTitle(name: string | undefined): string {
  const title = (name ?? "")
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31)
    .trim();
  return title === "" ? "Report" : title;
}

const REPORT_WIDTHS: Partial<Record<string, number>> = {
  ctdial_error: 60,
  ctdial_sent_at: 27,
};

/** Wide enough for the header and for an 11-digit phone; the reason column wider still. */
function columnWidth(header: string): number {
  const fixed = (REPORT_COLUMNS as readonly string[]).includes(header) ? REPORT_WIDTHS[header] : undefined;
  return fixed ?? Math.min(40, Math.max(14, header.length + 3));
}
