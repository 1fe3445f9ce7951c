/**
 * Everything that can go wrong while reading a CSV file, said as one sentence in the terms of the
 * user's file. csv-parse's own messages ("Quote Not Closed: the parsing is finished with an opening
 * quote at line 5") name the line where parsing gave up, not where the user must look.
 */
import { createReadStream } from "node:fs";
import { CsvError } from "csv-parse";
import { InputError } from "../errors.js";
import { InvalidUtf8Error } from "./csv-decoder.js";
import { countLineBreaks } from "./csv-utf8.js";
import type { BinaryKind } from "./encoding.js";

/** What the reader knew when the error happened. */
export interface ReadPosition {
  readonly file: string;
  /** The line where the record being parsed starts. */
  readonly recordLine: number;
  /** The longest record allowed, in characters. */
  readonly maxRecordSize: number;
}

/** Turn any error met while reading into an InputError (an InputError passes through unchanged). */
export async function toInputError(error: unknown, position: ReadPosition): Promise<InputError> {
  if (error instanceof InputError) return error;
  const { file, recordLine } = position;
  if (error instanceof InvalidUtf8Error) {
    const line = await lineOfOffset(file, error.offset);
    return new InputError(
      `${file}, line ${line}: this line is not valid UTF-8 although the lines before it are; the file mixes encodings, so save it again as UTF-8 (or give its encoding with --encoding).`,
      { cause: error, code: "E_INPUT_ENCODING" },
    );
  }
  if (error instanceof CsvError) {
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      return new InputError(
        `${file}, line ${recordLine}: a quote (") opened here is never closed; close it or remove it.`,
        { cause: error, code: "E_INPUT_QUOTE" },
      );
    }
    if (error.code === "CSV_MAX_RECORD_SIZE") {
      return new InputError(
        `${file}, line ${recordLine}: the row starting here is longer than ${position.maxRecordSize} characters; most likely a quote (") opened here is never closed.`,
        { cause: error, code: "E_INPUT_QUOTE" },
      );
    }
    return new InputError(`${file}, line ${recordLine}: this row cannot be read as CSV (${error.message}).`, {
      cause: error,
    });
  }
  return fileSystemError(error, file);
}

/** An error from opening or reading the file itself. */
export function fileSystemError(error: unknown, file: string): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === "ENOENT"
      ? "there is no such file"
      : code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EISDIR"
          ? "it is a folder, not a file"
          : (error as Error | undefined)?.message;
  return new InputError(`cannot read ${file}: ${reason ?? String(error)}.`, {
    cause: error,
    code: "E_INPUT_READ",
  });
}

/** The sentence for a file that is not a text table at all. */
export function binaryFileError(kind: BinaryKind, file: string): InputError {
  const reasons: Record<BinaryKind, string> = {
    xlsx: `${file} looks like an Excel (.xlsx) file, not CSV text; rename it to .xlsx, or open it in Excel and save it as CSV.`,
    xls: `${file} looks like an old Excel (.xls) file, not CSV text; open it in Excel or LibreOffice and save it as .xlsx or CSV.`,
    "utf-16": `${file} looks like UTF-16 text without a byte-order mark; give its encoding with --encoding utf-16le (or utf-16be).`,
    binary: `${file} is not a text file (it contains NUL bytes); export the table from its program as CSV.`,
  };
  return new InputError(reasons[kind], { code: "E_INPUT_BINARY" });
}

/**
 * The 1-based line that byte `offset` of the file is on. Reads the file again up to there: only an
 * error needs this, so the hot path does not count lines in bytes it never otherwise looks at.
 */
async function lineOfOffset(file: string, offset: number): Promise<number> {
  let breaks = 0;
  let pendingCr = false;
  if (offset > 0) {
    for await (const chunk of createReadStream(file, { start: 0, end: offset - 1 })) {
      const counted = countLineBreaks(chunk as Buffer, pendingCr);
      breaks += counted.breaks;
      pendingCr = counted.endsWithCr;
    }
  }
  return breaks + 1;
}
