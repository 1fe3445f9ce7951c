/**
 * Everything that can go wrong while reading a CSV file, said as one sentence in the terms of the
 * user's file. csv-parse's own messages ("Quote Not Closed: the parsing is finished with an opening
 * quote at line 5") name the line where parsing gave up, not where the user must look.
 */
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { CsvError } from "csv-parse";
import { InputError } from "../../errors.js";
import { openFailure } from "../open-failure.js";
import { CsvDecoder, type DecoderMode, InvalidUtf8Error } from "./decoder.js";
import type { BinaryKind } from "./encoding.js";
import { countLineBreaks } from "./utf8.js";

/**
 * The most columns a line may have: Excel's own limit (XFD). A line with more is not a client base,
 * and reading it costs memory for nothing.
 */
export const MAX_COLUMNS = 16_384;

/** What the reader knew when the error happened. */
export interface ReadPosition {
  readonly file: string;
  /** How the file is being decoded, to find a line from an offset in the decoded text. */
  readonly mode: DecoderMode;
  readonly bomLength: number;
  /** The line where the next record the consumer has not seen yet starts: a fallback position. */
  readonly nextRecordLine: number;
  /** The longest record allowed, in characters. */
  readonly maxRecordSize: number;
  /** Whether the parser was inside a quoted cell when it stopped, when it can tell. */
  readonly inQuotes?: boolean | undefined;
}

/** Turn any error met while reading into an InputError (an InputError passes through unchanged). */
export async function toInputError(error: unknown, position: ReadPosition): Promise<InputError> {
  if (error instanceof InputError) return error;
  const { file } = position;
  if (error instanceof InvalidUtf8Error) {
    const line = await lineAtOffset(createReadStream(file), error.offset);
    return new InputError({ code: "E_INPUT_ENCODING", params: { file, line } }, { cause: error });
  }
  if (error instanceof CsvError) {
    // csv-parse's `bytes` is where the last cell before the failure ended, in the UTF-8 text it was
    // given: a quote opens a cell only right there, so it is the line where the unclosed quote opens.
    const line = await decodedLineAt(position, typeof error.bytes === "number" ? error.bytes : undefined);
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      return new InputError({ code: "E_INPUT_QUOTE", params: { file, line } }, { cause: error });
    }
    if (error.code === "CSV_MAX_RECORD_SIZE") return tooLongLine(error, line, position);
    return new InputError(
      { code: "E_INPUT_CSV", params: { file, line, reason: error.message } },
      { cause: error },
    );
  }
  return fileSystemError(error, file);
}

/**
 * A record over the size limit. Only inside a quoted cell is the likely cause an unclosed quote;
 * otherwise the line really has that many cells (csv-parse's `column` counts the cells so far), or
 * one very long unquoted cell.
 */
function tooLongLine(error: CsvError, line: number, position: ReadPosition): InputError {
  const { file, maxRecordSize } = position;
  const quoting = position.inQuotes !== false;
  const cells = (error as { column?: unknown }).column;
  const limit = maxRecordSize;
  if (typeof cells === "number" && cells >= MAX_COLUMNS) {
    return new InputError(
      { code: "E_INPUT_COLUMNS", params: { file, line, limit: MAX_COLUMNS } },
      { cause: error },
    );
  }
  if (!quoting) {
    return new InputError({ code: "E_INPUT_LINE", params: { file, line, limit } }, { cause: error });
  }
  return new InputError({ code: "E_INPUT_QUOTE", params: { file, line, limit } }, { cause: error });
}

/** An error from opening or reading the file itself. */
export function fileSystemError(error: unknown, file: string): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = openFailure(code);
  const detail = reason === "other" ? ((error as Error | undefined)?.message ?? String(error)) : undefined;
  return new InputError(
    { code: "E_INPUT_READ", params: { file, reason, ...(detail === undefined ? {} : { detail }) } },
    { cause: error },
  );
}

/** The sentence for a file that is not a text table at all. */
export function binaryFileError(kind: BinaryKind, file: string): InputError {
  return new InputError({ code: "E_INPUT_BINARY", params: { file, kind } });
}

/**
 * The line that byte `offset` of the decoded (UTF-8) text is on, decoding the file again as the reader
 * did; the reader's own position when that is not possible.
 */
async function decodedLineAt(position: ReadPosition, offset: number | undefined): Promise<number> {
  if (typeof offset !== "number") return position.nextRecordLine;
  const input = createReadStream(position.file, { start: position.bomLength });
  const decoded = input.pipe(new CsvDecoder(position.mode, position.bomLength));
  try {
    return await lineAtOffset(decoded, offset);
  } catch {
    return position.nextRecordLine;
  } finally {
    input.destroy();
  }
}

/**
 * The 1-based line that byte `offset` of `bytes` is on. Only errors need this, so the hot path never
 * counts lines in bytes; the file is read again up to the offset instead.
 */
async function lineAtOffset(bytes: Readable, offset: number): Promise<number> {
  let breaks = 0;
  let pendingCr = false;
  let seen = 0;
  try {
    for await (const chunk of bytes) {
      if (seen >= offset) break;
      const part = (chunk as Buffer).subarray(0, offset - seen);
      const counted = countLineBreaks(part, pendingCr);
      breaks += counted.breaks;
      pendingCr = counted.endsWithCr;
      seen += part.length;
    }
  } finally {
    bytes.destroy();
  }
  return breaks + 1;
}
