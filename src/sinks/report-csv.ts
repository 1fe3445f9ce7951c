import { ConfigError } from "../errors.js";
import type { RowOutcome } from "../outcome.js";
import { REPORT_COLUMNS } from "../report-columns.js";
import type { Cell, SourceRow } from "../sources/types.js";
import { outcomeCells } from "./columns.js";
import { type ReportLayout, reportLayout } from "./layout.js";
import { neutralizeFormula } from "./neutralize.js";
import { openReportFile, type ReportFile } from "./report-file.js";
import type { ReportWriter } from "./types.js";

export interface CsvReportOptions {
  /** The source's delimiter (docs/contract.md: the report uses the same one). */
  readonly delimiter: string;
}

/** Excel reads a UTF-8 CSV as UTF-8 only when it starts with a BOM; without it, Cyrillic turns to mojibake. */
const BOM = "\uFEFF";
/** Excel writes and expects CRLF; every CSV reader accepts it. */
const EOL = "\r\n";
/**
 * Lines are joined into chunks of about this many characters, one stream write (and one UTF-8
 * encoding) per chunk. One write per row cost more than the rest of the report, and `pending +=
 * line` kept a tree of string pieces per row (a quarter of all `validate` allocated); encoding each
 * row into a byte buffer measured the same as joining, which is simpler.
 */
const CHUNK_CHARS = 32 * 1024;

/**
 * Opens a CSV report: UTF-8 with BOM, CRLF, the source's delimiter, RFC 4180 quoting, every cell
 * neutralised against formula injection. Rejects with a `CtdialError` naming the file when it
 * cannot be created, so a run stops before anything is sent.
 *
 * Quoting is done here rather than by csv-stringify: its per-record stream took as long as parsing
 * the source (300k rows: 2.4 s vs 2.6 s for csv-parse) and the report is written on every
 * `validate`; the RFC 4180 rule below is checked by round trips through csv-parse in the tests.
 */
export async function openCsvReport(
  path: string,
  headers: readonly string[],
  options: CsvReportOptions,
): Promise<ReportWriter> {
  const { delimiter } = options;
  if (delimiter === "" || /["\r\n]/.test(delimiter)) {
    throw new ConfigError({ code: "E_REPORT_DELIMITER", params: { delimiter } });
  }
  const file = await openReportFile(path);
  const layout = reportLayout(headers);
  const sink = new CsvReportWriter(file, layout, delimiter);
  await sink.writeLine(layout.headers, BOM);
  return sink;
}

class CsvReportWriter implements ReportWriter {
  readonly path: string;
  #lines: string[] = [];
  #chars = 0;
  /** The row being written, arranged (reused: each row is text before the next one comes). */
  readonly #row: Cell[] = [];
  readonly #texts: string[] = [];
  #done = false;
  readonly #file: ReportFile;
  readonly #layout: ReportLayout;
  readonly #delimiter: string;
  /** Where `ctdial_phone` goes in an arranged row. */
  readonly #phoneAt: number;
  /** Excel uses `;` as the list separator exactly where `,` is the decimal separator (ru-RU and most of Europe). */
  readonly #decimalComma: boolean;

  constructor(file: ReportFile, layout: ReportLayout, delimiter: string) {
    this.#phoneAt = layout.reportIndexes[REPORT_COLUMNS.indexOf("ctdial_phone")] ?? -1;
    this.path = file.path;
    this.#file = file;
    this.#layout = layout;
    this.#delimiter = delimiter;
    this.#decimalComma = delimiter === ";";
  }

  write(row: SourceRow, outcome: RowOutcome, phone?: string): Promise<void> | undefined {
    const arranged = this.#layout.arrange(row.cells, outcomeCells(outcome), this.#row);
    // Into the reused row, not into a copy of the outcome's cells: no array per row for the phone.
    if (phone !== undefined) arranged[this.#phoneAt] = phone;
    return this.writeLine(arranged);
  }

  /** Returns a promise only when the file asks the writer to wait (its buffer is full). */
  writeLine(cells: readonly Cell[], prefix = ""): Promise<void> | undefined {
    // i18n-exempt: only a bug in ctdial writes to a report it closed
    if (this.#done) throw new Error(`the report ${this.path} is already closed`);
    this.#file.check();
    const texts = this.#texts;
    texts.length = cells.length;
    for (let i = 0; i < cells.length; i++) {
      texts[i] = quote(neutralizeFormula(cellText(cells[i] ?? null, this.#decimalComma)), this.#delimiter);
    }
    const line = prefix + texts.join(this.#delimiter);
    this.#lines.push(line);
    this.#chars += line.length;
    if (this.#chars < CHUNK_CHARS) return undefined;
    return this.#file.stream.write(this.#takeChunk(), "utf8") ? undefined : this.#file.drained();
  }

  async close(): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    try {
      await this.#file.commit(this.#takeChunk());
    } catch (error) {
      await this.#file.discard();
      throw error;
    }
  }

  async abort(): Promise<void> {
    this.#done = true;
    await this.#file.discard();
  }

  /** The lines written since the last chunk, each ended by CRLF. */
  #takeChunk(): string {
    this.#lines.push("");
    const chunk = this.#lines.join(EOL);
    this.#lines = [];
    this.#chars = 0;
    return chunk;
  }
}

/** RFC 4180: a field holding the delimiter, a quote or a line break is quoted, its quotes doubled. */
function quote(text: string, delimiter: string): string {
  if (!needsQuotes(text, delimiter)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

/** One pass over the text for a one-character delimiter (every detected one): this runs for every cell. */
function needsQuotes(text: string, delimiter: string): boolean {
  if (delimiter.length !== 1) return text.includes(delimiter) || /["\r\n]/.test(text);
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === d || c === QUOTE || c === CR || c === LF) return true;
  }
  return false;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * A cell as text that a spreadsheet reads back as the same value. Dates as `yyyy-mm-dd hh:mm:ss`:
 * Excel and LibreOffice read that as a date-time in every locale (`dd.mm.yyyy` swaps day and month
 * in en-US, an ISO `T` stays text), and ctdial reads it back as a schedule time.
 */
export function cellText(cell: Cell, decimalComma = false): string {
  if (cell === null) return "";
  switch (typeof cell) {
    case "string":
      return cell;
    case "number":
      return numberText(cell, decimalComma);
    case "boolean":
      return cell ? "TRUE" : "FALSE";
    default:
      return cell.type === "date" ? cell.wallClock.replace("T", " ") : cell.text;
  }
}

/** Every digit of a phone stored as a number (79991234501, never 7.9991234501e10). */
function numberText(value: number, decimalComma: boolean): string {
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  const text = String(value);
  return decimalComma ? text.replace(".", ",") : text;
}
