import { open } from "node:fs/promises";
import iconv from "iconv-lite";
import { detectDelimiter } from "../sources/delimiter.js";
import { detectEncoding } from "../sources/encoding.js";

/**
 * The one record of a text file that the CSV source refused for having no data rows: for an exclude
 * list that is a list of a single phone, or a header with no phones yet. Undefined when the file holds
 * only blank lines. Cells are split on the delimiter the CSV source would choose, and unquoted.
 */

/** A file the CSV source found to hold at most one record is small; more than this is not read. */
const MAX_BYTES = 1024 * 1024;

export async function readSingleRecord(path: string): Promise<{ cells: string[]; line: number } | undefined> {
  const handle = await open(path, "r");
  let bytes: Buffer;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(MAX_BYTES), 0, MAX_BYTES, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const { encoding, bomLength } = detectEncoding(bytes);
  const text = iconv.decode(bytes.subarray(bomLength), encoding);
  const lines = text.split(/\r\n|\r|\n/);
  const index = lines.findIndex((line) => line.trim() !== "");
  if (index < 0) return undefined;
  const record = lines[index]!;
  const cells = record.split(detectDelimiter(record)).map(unquote);
  return { cells, line: index + 1 };
}

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replaceAll('""', '"').trim()
    : trimmed;
}
