/**
 * A worksheet that arrives before the parts it needs is copied to disk unparsed (workbook.ts).
 * Without a look at the bytes, a 3 MB workbook whose one cell inflates to 3 GB would be copied whole
 * before anything noticed. This pass-through counts the bytes since the last `<`: text longer than a
 * cell may hold is one such run. It costs two native searches per chunk.
 */
import { Transform, type TransformCallback } from "node:stream";
import { CellTooLongError, MAX_CELL_CHARS } from "./sax.js";

/**
 * Bytes of XML that no cell within Excel's limit takes: a character is at most 8 bytes as written
 * (`&#65533;`, or 4 bytes of UTF-8 for 2 characters), `_xHHHH_` 7; the rest is margin for the tag.
 */
export const MAX_RUN_BYTES = MAX_CELL_CHARS * 10;
/** Bytes kept before a run, to name the cell it belongs to. */
const CONTEXT_BYTES = 1024;
const LT = 0x3c;

export class SpoolGuard extends Transform {
  /** Bytes since the last `<` (in this chunk or before). */
  #run = 0;
  /** The XML just before the current run started: its last tags say which cell it is in. */
  #context: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const first = chunk.indexOf(LT);
    const runEnd = this.#run + (first === -1 ? chunk.length : first);
    if (runEnd > MAX_RUN_BYTES) {
      done(new CellTooLongError({ ref: lastCellRef(this.#context) }));
      return;
    }
    const last = first === -1 ? -1 : chunk.lastIndexOf(LT);
    if (last === -1) {
      this.#run = runEnd;
    } else {
      this.#run = chunk.length - last;
      this.#context = Buffer.from(chunk.subarray(Math.max(0, last - CONTEXT_BYTES)));
    }
    done(null, chunk);
  }
}

/** The `r` of the last `<c ...>` tag in `xml` (any namespace prefix); undefined when it has none. */
export function lastCellRef(xml: Buffer): string | undefined {
  const text = xml.toString("latin1");
  let ref: string | undefined;
  for (const match of text.matchAll(/<(?:[\w-]+:)?c\s[^>]*?\br="([A-Za-z]{1,3}\d+)"/g)) ref = match[1];
  return ref;
}
