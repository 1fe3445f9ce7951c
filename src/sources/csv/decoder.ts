/**
 * A Transform from the file's bytes to UTF-8 bytes for csv-parse, holding at most one chunk.
 *
 * UTF-8 input is validated and passed through untouched (no decode and re-encode: it is the common
 * case and the fast one). Input that was pure ASCII so far stays undecided until its first non-ASCII
 * bytes: valid UTF-8 there means UTF-8, anything else means Windows-1251. Any other encoding goes
 * through iconv-lite's streaming decoder, which keeps characters cut by chunk boundaries.
 */

import { isAscii, isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";
import iconv from "iconv-lite";
import { firstInvalidUtf8Offset, utf8IncompleteTailLength } from "./utf8.js";

/** A byte that is not valid UTF-8 in a file being read as UTF-8; `offset` counts from the file start. */
export class InvalidUtf8Error extends Error {
  readonly offset: number;
  constructor(offset: number) {
    super(`invalid UTF-8 at byte ${offset}`);
    this.name = "InvalidUtf8Error";
    this.offset = offset;
  }
}

export type DecoderMode =
  /** Strict UTF-8: a bad byte is an InvalidUtf8Error. */
  | { readonly kind: "utf-8" }
  /** ASCII so far: the first non-ASCII bytes choose UTF-8 or Windows-1251. */
  | { readonly kind: "sniff" }
  /** Any encoding iconv-lite knows. */
  | { readonly kind: "iconv"; readonly encoding: string };

export class CsvDecoder extends Transform {
  private mode: DecoderMode;
  private iconvDecoder: iconv.DecoderStream | undefined;
  /** Bytes of a UTF-8 character cut by the chunk boundary, prepended to the next chunk. */
  private carry: Buffer = Buffer.alloc(0);
  /** File offset of the first byte of `carry` (or of the next chunk when there is none). */
  private offset: number;
  /** The first half of a surrogate pair that ended the last decoded text. */
  private pendingSurrogate = "";

  /** `startOffset`: where in the file the stream starts (after a BOM), for error positions. */
  constructor(mode: DecoderMode, startOffset: number) {
    super();
    this.mode = mode;
    this.offset = startOffset;
    if (mode.kind === "iconv") this.iconvDecoder = iconv.getDecoder(mode.encoding);
  }

  /** The encoding in effect now; "utf-8" while the input has been ASCII (a subset of it). */
  get encoding(): string {
    return this.mode.kind === "iconv" ? this.mode.encoding : "utf-8";
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.accept(this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk, false);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.accept(this.carry, true);
      if (this.iconvDecoder) this.pushText(this.iconvDecoder.end() ?? "", true);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private accept(data: Buffer, end: boolean): void {
    this.carry = Buffer.alloc(0);
    if (this.mode.kind === "sniff") this.sniff(data, end);
    if (this.mode.kind === "iconv") {
      this.pushText(this.iconvDecoder!.write(data));
      this.offset += data.length;
    } else {
      this.passUtf8(data, end);
    }
  }

  /** Decide the encoding once `data` holds a complete non-ASCII character; until then stay ASCII. */
  private sniff(data: Buffer, end: boolean): void {
    const tail = end ? 0 : utf8IncompleteTailLength(data);
    const body = data.subarray(0, data.length - tail);
    if (isAscii(body)) return; // nothing to decide on yet: pass through as UTF-8 (ASCII is valid UTF-8)
    if (isUtf8(body)) this.mode = { kind: "utf-8" };
    else {
      this.mode = { kind: "iconv", encoding: "windows-1251" };
      this.iconvDecoder = iconv.getDecoder("windows-1251");
    }
  }

  private passUtf8(data: Buffer, end: boolean): void {
    const tail = end ? 0 : utf8IncompleteTailLength(data);
    const body = tail > 0 ? data.subarray(0, data.length - tail) : data;
    if (!isUtf8(body)) throw new InvalidUtf8Error(this.offset + Math.max(0, firstInvalidUtf8Offset(body)));
    if (body.length > 0) this.push(body);
    this.offset += body.length;
    if (tail > 0) this.carry = Buffer.from(data.subarray(data.length - tail));
  }

  /**
   * A UTF-16 decoder can end a piece of text between the two halves of a surrogate pair (an emoji);
   * encoded alone, the first half would become U+FFFD, so it waits for the second.
   */
  private pushText(text: string, end = false): void {
    let whole = this.pendingSurrogate + text;
    this.pendingSurrogate = "";
    const last = whole.charCodeAt(whole.length - 1);
    if (!end && last >= 0xd800 && last <= 0xdbff) {
      this.pendingSurrogate = whole.slice(-1);
      whole = whole.slice(0, -1);
    }
    if (whole.length > 0) this.push(Buffer.from(whole, "utf8"));
  }
}
