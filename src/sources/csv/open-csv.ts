/**
 * The CSV source: a file of any common encoding and delimiter, streamed record by record
 * (records.ts). Opening looks at the first 64 KiB to choose the encoding and the delimiter, then
 * reads the header row and the first data row, so that a file that is no table fails here, before
 * anything is done with it.
 */
import { open } from "node:fs/promises";
import iconv from "iconv-lite";
import { InputError } from "../../errors.js";
import type { Source, SourceRow } from "../types.js";
import type { DecoderMode } from "./decoder.js";
import { detectDelimiter, parseDelimiterOption } from "./delimiter.js";
import { canonicalEncoding, detectBinary, detectBom, detectEncoding } from "./encoding.js";
import { binaryFileError, fileSystemError } from "./errors.js";
import { checkUnnamedColumns, readHeaderRow, unnamedColumns } from "./header.js";
import { type CsvRecord, type RecordReader, readRecords } from "./records.js";
import { countLineBreaks } from "./utf8.js";

export interface CsvOptions {
  /** Read the file in this encoding instead of detecting it (`utf-8`, `windows-1251`, `koi8-r`, ...). */
  encoding?: string | undefined;
  /** Split cells on this character instead of detecting it (`;`, `,`, `|`, `tab`). */
  delimiter?: string | undefined;
  /**
   * Return a source with no rows for a file that has a header row and nothing else, instead of
   * refusing it. A client base without clients is an error; an exclude list of one phone is not.
   */
  allowHeaderOnly?: boolean;
}

/** Bytes looked at to detect the encoding and the delimiter. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Open a CSV file: detect its encoding and delimiter, read its header row and make sure at least one
 * data row follows. Throws InputError for anything that keeps the file from being read as a table.
 */
export async function openCsv(path: string, options: CsvOptions = {}): Promise<Source> {
  const { sample, complete, fileBytes } = await readSample(path);
  if (sample.length === 0) throw emptyFileError(path);
  const forced = options.encoding === undefined ? undefined : canonicalEncoding(options.encoding);
  const binary = detectBinary(sample);
  // NUL bytes are text only in UTF-16/32, which a user may name without the file having a BOM.
  const nulsAreText = forced !== undefined && /^utf-?(16|32)/.test(forced);
  if (binary && (binary === "xlsx" || binary === "xls" || !nulsAreText)) {
    throw binaryFileError(binary, path);
  }
  const decoding = chooseDecoding(sample, complete, forced);
  const delimiter =
    options.delimiter === undefined
      ? detectDelimiter(sampleText(sample.subarray(decoding.bomLength), decoding.mode), complete)
      : parseDelimiterOption(options.delimiter);

  const reader = readRecords(path, { ...decoding, delimiter });
  try {
    const header = await reader.next();
    if (!header) throw emptyFileError(path);
    const headers = readHeaderRow(header.cells, path, header.line);
    const first = await reader.next();
    if (!first && !options.allowHeaderOnly) {
      throw new InputError({ code: "E_INPUT_EMPTY", params: { file: path, headerLine: header.line } });
    }
    return {
      kind: "csv",
      headers,
      headerRowNumber: header.line,
      delimiter,
      get encoding() {
        return reader.encoding();
      },
      estimatedRows: estimateRows(sample, complete, fileBytes),
      rows: rowsFrom(reader, first, { path, headers, headerLine: header.line }),
      close: reader.close,
    };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

async function readSample(path: string): Promise<{ sample: Buffer; complete: boolean; fileBytes: number }> {
  try {
    const handle = await open(path, "r");
    try {
      const { size } = await handle.stat();
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(SAMPLE_BYTES), 0, SAMPLE_BYTES, 0);
      return { sample: buffer.subarray(0, bytesRead), complete: bytesRead < SAMPLE_BYTES, fileBytes: size };
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileSystemError(error, path);
  }
}

/**
 * Data rows the file holds, about: its size over the average line length in the sample, less the
 * header. Line breaks inside quoted cells count as lines, so it errs high, never by much for a
 * client base. Callers size tables with it (the duplicate index), so that a million rows never
 * rehash at 734k, holding the old table and the new one at once.
 */
export function estimateRows(sample: Uint8Array, complete: boolean, fileBytes: number): number | undefined {
  if (complete) {
    const { breaks } = countLineBreaks(sample);
    // A last line without a line break is a line too.
    const last = sample[sample.length - 1];
    const lines = breaks + (last === undefined || last === LF || last === CR ? 0 : 1);
    return Math.max(0, lines - 1);
  }
  // Whole lines only: the sample cuts the last one.
  const wholeBytes = Math.max(sample.lastIndexOf(LF), sample.lastIndexOf(CR)) + 1;
  if (wholeBytes === 0) return undefined;
  const { breaks } = countLineBreaks(sample.subarray(0, wholeBytes));
  return Math.max(0, Math.round((fileBytes / wholeBytes) * breaks) - 1);
}

const LF = 0x0a;
const CR = 0x0d;

function emptyFileError(path: string): InputError {
  return new InputError({ code: "E_INPUT_EMPTY", params: { file: path } });
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

function rowsFrom(
  reader: RecordReader,
  first: CsvRecord | undefined,
  header: { path: string; headers: readonly string[]; headerLine: number },
): () => AsyncIterable<SourceRow> {
  const unnamed = unnamedColumns(header.headers);
  let started = false;
  async function* iterate(): AsyncGenerator<SourceRow> {
    try {
      let record: CsvRecord | undefined = first;
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
    // i18n-exempt: only a bug in ctdial iterates a source twice
    if (started) throw new Error("rows() of a CSV source can be called only once");
    started = true;
    return iterate();
  };
}
