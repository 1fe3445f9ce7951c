/**
 * The CSV source: a file of any common encoding and delimiter, streamed record by record.
 *
 * file -> CsvDecoder (bytes of any encoding -> UTF-8) -> csv-parse -> rows. Nothing holds more than a
 * chunk and one record, so memory does not grow with the file. Row numbers are the line in the file
 * where a record starts, counted from the cells themselves: csv-parse's own `info.lines` counts a CRLF
 * inside a quoted cell twice.
 */
import { once } from "node:events";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import { InputError } from "../errors.js";
import { CsvDecoder, type DecoderMode } from "./csv-decoder.js";
import { binaryFileError, fileSystemError, toInputError } from "./csv-errors.js";
import { checkUnnamedColumns, readHeaderRow, unnamedColumns } from "./csv-header.js";
import { detectDelimiter, parseDelimiterOption } from "./delimiter.js";
import { canonicalEncoding, detectBinary, detectBom, detectEncoding } from "./encoding.js";
import type { Source, SourceRow } from "./types.js";

export interface CsvOptions {
  /** Read the file in this encoding instead of detecting it (`utf-8`, `windows-1251`, `koi8-r`, ...). */
  encoding?: string | undefined;
  /** Split cells on this character instead of detecting it (`;`, `,`, `|`, `tab`). */
  delimiter?: string | undefined;
}

/** Bytes looked at to detect the encoding and the delimiter. */
const SAMPLE_BYTES = 64 * 1024;
/** A record longer than this is refused: it is almost always an unclosed quote swallowing the file. */
const MAX_RECORD_SIZE = 1_000_000;

interface ParsedRecord {
  readonly line: number;
  readonly cells: string[];
}

/**
 * Open a CSV file: detect its encoding and delimiter, read its header row and make sure at least one
 * data row follows. Throws InputError for anything that keeps the file from being read as a table.
 */
export async function openCsv(path: string, options: CsvOptions = {}): Promise<Source> {
  const { sample, complete } = await readSample(path);
  if (sample.length === 0) throw emptyFileError(path);
  const forced = options.encoding === undefined ? undefined : canonicalEncoding(options.encoding);
  const binary = detectBinary(sample);
  if (binary && (binary === "xlsx" || binary === "xls" || !forced?.startsWith("utf-"))) {
    throw binaryFileError(binary, path);
  }
  const { mode, bomLength } = chooseDecoding(sample, complete, forced);
  const delimiter =
    options.delimiter === undefined
      ? detectDelimiter(sampleText(sample.subarray(bomLength), mode), complete)
      : parseDelimiterOption(options.delimiter);

  const reader = startReading(path, mode, bomLength, delimiter);
  try {
    const header = await reader.next();
    if (!header) throw emptyFileError(path);
    const headers = readHeaderRow(header.cells, path, header.line);
    const first = await reader.next();
    if (!first) {
      throw new InputError(`${path} has a header row (line ${header.line}) but no data rows.`, {
        code: "E_INPUT_EMPTY",
      });
    }
    return {
      kind: "csv",
      headers,
      headerRowNumber: header.line,
      delimiter,
      get encoding() {
        return reader.encoding();
      },
      rows: rowsFrom(reader, first, { path, headers, headerLine: header.line }),
      close: reader.close,
    };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

async function readSample(path: string): Promise<{ sample: Buffer; complete: boolean }> {
  try {
    const handle = await open(path, "r");
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(SAMPLE_BYTES), 0, SAMPLE_BYTES, 0);
      return { sample: buffer.subarray(0, bytesRead), complete: bytesRead < SAMPLE_BYTES };
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileSystemError(error, path);
  }
}

function emptyFileError(path: string): InputError {
  return new InputError(`${path} is empty: it has no header row and no data rows.`, {
    code: "E_INPUT_EMPTY",
  });
}

function chooseDecoding(
  sample: Buffer,
  complete: boolean,
  forced: string | undefined,
): { mode: DecoderMode; bomLength: number } {
  const bom = detectBom(sample);
  if (forced !== undefined) {
    // A BOM of the very encoding the user named is still not content.
    const bomLength = bom?.encoding === forced ? bom.length : 0;
    return { mode: forced === "utf-8" ? { kind: "utf-8" } : { kind: "iconv", encoding: forced }, bomLength };
  }
  const detected = detectEncoding(sample, complete);
  if (detected.encoding !== "utf-8") {
    return { mode: { kind: "iconv", encoding: detected.encoding }, bomLength: detected.bomLength };
  }
  return { mode: detected.certain ? { kind: "utf-8" } : { kind: "sniff" }, bomLength: detected.bomLength };
}

/** The sample as text, for delimiter detection; a character cut at its end does not matter there. */
function sampleText(bytes: Buffer, mode: DecoderMode): string {
  return mode.kind === "iconv" ? iconv.decode(bytes, mode.encoding) : bytes.toString("utf8");
}

interface RecordReader {
  /** The next non-blank record, or undefined at the end of the file. */
  next(): Promise<ParsedRecord | undefined>;
  encoding(): string;
  close(): Promise<void>;
}

function startReading(path: string, mode: DecoderMode, bomLength: number, delimiter: string): RecordReader {
  // The line where the next record starts. on_record runs in file order as records are parsed (ahead
  // of the consumer), so when parsing fails this is where the failing record starts.
  let nextRecordLine = 1;
  // csv-parse's types say on_record returns a record of the input's shape; it may return anything.
  const numberRecord = (cells: string[]): ParsedRecord | null => {
    const line = nextRecordLine;
    nextRecordLine += 1 + lineBreaksInCells(cells);
    return cells.every((cell) => cell.trim() === "") ? null : { line, cells };
  };
  const input = createReadStream(path, { start: bomLength });
  const decoder = new CsvDecoder(mode, bomLength);
  const parser = parse({
    delimiter,
    bom: false,
    relax_column_count: true,
    // `ООО "Ромашка"` unquoted is common in hand-made files; a quote opens a quoted cell only at its start.
    relax_quotes: true,
    // Blank lines must reach on_record to be counted; blank records are dropped there.
    skip_empty_lines: false,
    // Explicit, so that a file mixing CRLF and LF (hand-edited exports) still splits on every line.
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: MAX_RECORD_SIZE,
    on_record: numberRecord as unknown as (cells: string[]) => string[] | null,
  });
  // Errors surface through the iterator below; the callback only keeps pipeline from throwing.
  pipeline(input, decoder, parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRecord>;
  return {
    async next() {
      try {
        const result = await records.next();
        return result.done ? undefined : result.value;
      } catch (error) {
        throw await toInputError(error, {
          file: path,
          recordLine: nextRecordLine,
          maxRecordSize: MAX_RECORD_SIZE,
        });
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

function rowsFrom(
  reader: RecordReader,
  first: ParsedRecord,
  header: { path: string; headers: readonly string[]; headerLine: number },
): () => AsyncIterable<SourceRow> {
  const unnamed = unnamedColumns(header.headers);
  let started = false;
  async function* iterate(): AsyncGenerator<SourceRow> {
    try {
      let record: ParsedRecord | undefined = first;
      while (record) {
        checkUnnamedColumns(record.cells, unnamed, header.path, record.line, header.headerLine);
        yield { rowNumber: record.line, cells: record.cells };
        record = await reader.next();
      }
    } finally {
      await reader.close();
    }
  }
  return () => {
    if (started) throw new Error("rows() of a CSV source can be called only once");
    started = true;
    return iterate();
  };
}
