/**
 * The record stream under the CSV source: file -> CsvDecoder -> csv-parse, pulled one record at a
 * time, each numbered by the line where it starts. Nothing holds more than a chunk and a few records,
 * so memory does not grow with the file.
 *
 * Lines are counted here from the cells themselves, not with csv-parse's `info.lines` (which counts a
 * CRLF inside a quoted cell twice) nor in `on_record` (which makes csv-parse build an info object per
 * record and halves its speed).
 */
import { once } from "node:events";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { parse } from "csv-parse";
import { InputError } from "../../errors.js";
import { CsvDecoder, type DecoderMode } from "./decoder.js";
import { MAX_COLUMNS, toInputError } from "./errors.js";

/** A record longer than this is refused: it is almost always an unclosed quote swallowing the file. */
export const MAX_RECORD_SIZE = 1_000_000;

export interface CsvRecord {
  /** The line in the file where the record starts (1-based). */
  readonly line: number;
  readonly cells: string[];
}

export interface CsvReading {
  readonly mode: DecoderMode;
  /** Bytes of BOM skipped at the start of the file. */
  readonly bomLength: number;
  readonly delimiter: string;
}

export interface RecordReader {
  /** The next record with a non-blank cell, or undefined at the end of the file. Errors are InputErrors. */
  next(): Promise<CsvRecord | undefined>;
  /** The encoding in effect (it can be decided only when the first non-ASCII bytes arrive). */
  encoding(): string;
  /** Release the file; safe to call more than once. */
  close(): Promise<void>;
}

export function readRecords(path: string, reading: CsvReading): RecordReader {
  const input = createReadStream(path, { start: reading.bomLength });
  const decoder = new CsvDecoder(reading.mode, reading.bomLength);
  const parser = parse({
    delimiter: reading.delimiter,
    bom: false,
    relax_column_count: true,
    // `ООО "Ромашка"` unquoted is common in hand-made files; a quote opens a quoted cell only at its start.
    relax_quotes: true,
    // Blank lines must come through to be counted; blank records are dropped below.
    skip_empty_lines: false,
    // Explicit, so that a file mixing CRLF and LF (hand-edited exports) still splits on every line.
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: MAX_RECORD_SIZE,
  });
  // Errors surface through the iterator; the callback only keeps pipeline from throwing them.
  pipeline(input, decoder, parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let nextLine = 1;

  return {
    async next() {
      for (;;) {
        let result: IteratorResult<string[]>;
        try {
          result = await records.next();
        } catch (error) {
          throw await toInputError(error, {
            file: path,
            ...reading,
            nextRecordLine: nextLine,
            maxRecordSize: MAX_RECORD_SIZE,
            inQuotes: insideQuotes(parser),
          });
        }
        if (result.done) return undefined;
        const cells = result.value;
        const line = nextLine;
        nextLine += 1 + lineBreaksInCells(cells);
        if (cells.length > MAX_COLUMNS) throw tooManyColumns(path, line, cells.length);
        if (cells.some((cell) => cell.trim() !== "")) return { line, cells };
      }
    },
    encoding: () => decoder.encoding,
    async close() {
      parser.destroy();
      decoder.destroy();
      if (!input.closed) {
        const closed = once(input, "close");
        input.destroy();
        await closed;
      }
    },
  };
}

/**
 * Whether csv-parse stopped inside a quoted cell. Its errors do not say (their `quoting` is whether
 * the last finished cell was quoted), but the parser's state, frozen at the error, does; `undefined`
 * if a future csv-parse hides it.
 */
function insideQuotes(parser: object): boolean | undefined {
  const quoting = (parser as { state?: { quoting?: unknown } }).state?.quoting;
  return typeof quoting === "boolean" ? quoting : undefined;
}

function tooManyColumns(path: string, line: number, count: number): InputError {
  return new InputError({
    code: "E_INPUT_COLUMNS",
    params: { file: path, line, limit: MAX_COLUMNS, columns: count },
  });
}

/** Line breaks inside a record's cells (CRLF counts once); only quoted cells can hold them. */
function lineBreaksInCells(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (!cell.includes("\n") && !cell.includes("\r")) continue;
    for (let i = 0; i < cell.length; i++) {
      const char = cell[i];
      if (char === "\n" || (char === "\r" && cell[i + 1] !== "\n")) breaks++;
    }
  }
  return breaks;
}
