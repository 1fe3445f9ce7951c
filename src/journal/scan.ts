import { packIsoBytes } from "./iso-time.js";
import { packRowHashBytes } from "./row-hash.js";
import { type OutcomeFields, type RowTable, STATUS_CODE } from "./row-table.js";

/**
 * The fast path of replay: decodes an intent or outcome line straight from the file's bytes into the
 * row table, for lines in exactly the shape this ctdial writes (keys in writing order, integers,
 * strings without escapes). Returns false for anything else (a run marker, a message with a quote in
 * it, a damaged line), which the caller then reads the slow, strict way with JSON.parse. Replaying a
 * million rows with JSON.parse and a string per line took several times the 3 s budget.
 */
export class LineScanner {
  readonly #hash = new Uint32Array(3);
  #buf: Uint8Array = new Uint8Array(0);
  #at = 0;
  #end = 0;

  constructor(
    private readonly table: RowTable,
    private readonly fields: OutcomeFields,
  ) {}

  scan(buf: Uint8Array, start: number, end: number): boolean {
    this.#buf = buf;
    this.#at = start;
    this.#end = end;
    if (!this.#literal(T_OPEN)) return false;
    const kind = buf[this.#at++];
    if (kind !== I && kind !== O) return false;
    if (!this.#literal(R_KEY)) return false;
    const row = this.#integer();
    if (row < 0 || !this.#literal(P_KEY)) return false;
    const phone = this.#integer();
    if (phone <= 0 || !this.#literal(H_KEY)) return false;
    const hashStart = this.#at;
    const hashEnd = this.#stringEnd();
    if (hashEnd < 0) return false;
    packRowHashBytes(buf, hashStart, hashEnd, this.#hash, 0);
    return kind === I ? this.#intent(phone, row) : this.#outcome(phone, row);
  }

  #intent(phone: number, row: number): boolean {
    if (!this.#literal(A_KEY)) return false;
    const attempt = this.#integer();
    if (attempt < 0 || !this.#literal(TS_KEY) || this.#integer() < 0 || !this.#close()) return false;
    this.table.intent(phone, row, this.#hash, attempt);
    return true;
  }

  #outcome(phone: number, row: number): boolean {
    const buf = this.#buf;
    if (!this.#literal(S_KEY)) return false;
    const statusStart = this.#at;
    const statusEnd = this.#stringEnd();
    const status = statusEnd < 0 ? -1 : statusCode(buf, statusStart, statusEnd);
    if (status < 0 || !this.#literal(A_KEY)) return false;
    const attempts = this.#integer();
    if (attempts < 0) return false;
    const fields = this.fields.reset();
    if (this.#literal(C_KEY)) {
      const code = this.#numberOrText();
      if (code === undefined) return false;
      fields.code = code;
    }
    if (this.#literal(M_KEY)) {
      const messageStart = this.#at;
      const messageEnd = this.#stringEnd();
      if (messageEnd < 0) return false;
      fields.message = Buffer.from(
        buf.buffer,
        buf.byteOffset + messageStart,
        messageEnd - messageStart,
      ).toString("utf8");
    }
    if (this.#literal(ID_KEY)) {
      const id = this.#numberOrText();
      if (id === undefined) return false;
      if (typeof id === "number") fields.requestId = id;
      else fields.requestIdText = id;
    }
    if (this.#literal(AT_KEY)) {
      const atStart = this.#at;
      const atEnd = this.#stringEnd();
      if (atEnd < 0) return false;
      if (!packIsoBytes(buf, atStart, atEnd, fields.sent)) {
        fields.sent.ms = Number.NaN;
        fields.sentText = Buffer.from(buf.buffer, buf.byteOffset + atStart, atEnd - atStart).toString("utf8");
      }
    }
    if (!this.#close()) return false;
    this.table.outcome(phone, row, this.#hash, status, attempts, fields);
    return true;
  }

  /** Consumes `bytes` if the input continues with them. */
  #literal(bytes: Uint8Array): boolean {
    const buf = this.#buf;
    const at = this.#at;
    if (at + bytes.length > this.#end) return false;
    for (let i = 0; i < bytes.length; i++) if (buf[at + i] !== bytes[i]) return false;
    this.#at = at + bytes.length;
    return true;
  }

  /** A non-negative integer of at most 15 digits (exact in a double), or -1. */
  #integer(): number {
    const buf = this.#buf;
    const start = this.#at;
    let value = 0;
    let at = start;
    for (; at < this.#end && at - start < 16; at++) {
      const d = buf[at]! - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (at === start || at - start > 15 || (buf[start] === 48 && at - start > 1)) return -1;
    this.#at = at;
    return value;
  }

  /** After an opening quote: the index of the closing quote (consumed), or -1 on an escape. */
  #stringEnd(): number {
    const buf = this.#buf;
    for (let at = this.#at; at < this.#end; at++) {
      const byte = buf[at];
      if (byte === QUOTE) {
        this.#at = at + 1;
        return at;
      }
      if (byte === BACKSLASH || byte! < 0x20) return -1;
    }
    return -1;
  }

  #numberOrText(): number | string | undefined {
    if (this.#buf[this.#at] === QUOTE) {
      this.#at++;
      const start = this.#at;
      const end = this.#stringEnd();
      return end < 0
        ? undefined
        : Buffer.from(this.#buf.buffer, this.#buf.byteOffset + start, end - start).toString("utf8");
    }
    const value = this.#integer();
    return value < 0 ? undefined : value;
  }

  #close(): boolean {
    return this.#at + 1 === this.#end && this.#buf[this.#at] === CLOSE;
  }
}

const bytes = (text: string): Uint8Array => Buffer.from(text, "latin1");
const T_OPEN = bytes('{"t":"');
const R_KEY = bytes('","r":');
const P_KEY = bytes(',"p":');
const H_KEY = bytes(',"h":"');
const A_KEY = bytes(',"a":');
const TS_KEY = bytes(',"ts":');
const S_KEY = bytes(',"s":"');
const C_KEY = bytes(',"c":');
const M_KEY = bytes(',"m":"');
const ID_KEY = bytes(',"id":');
const AT_KEY = bytes(',"at":"');
const I = 0x69;
const O = 0x6f;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSE = 0x7d;

const STATUS_BYTES = Object.entries(STATUS_CODE).map(([name, code]) => [bytes(name), code] as const);

function statusCode(buf: Uint8Array, start: number, end: number): number {
  outer: for (const [name, code] of STATUS_BYTES) {
    if (name.length !== end - start) continue;
    for (let i = 0; i < name.length; i++) if (buf[start + i] !== name[i]) continue outer;
    return code;
  }
  return -1;
}
