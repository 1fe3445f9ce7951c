import { packIsoBytes } from "./iso-time.js";
import { type OutcomeFields, type RowTable, STATUS_CODE } from "./row-table.js";

/**
 * The fast path of replay: decodes an intent or outcome line straight from the file's bytes into the
 * row table, for lines in exactly the shape this ctdial writes (keys in writing order, integers,
 * strings without escapes). Returns false for anything else (a run marker, a message with a quote in
 * it, a damaged line), which the caller then reads the strict way with JSON.parse. Replaying a
 * million rows with JSON.parse and a string per line took several times the 3 s budget.
 *
 * Written as plain functions over a module-level cursor rather than a class: in this loop, run two
 * million times, private-field access cost more than the parsing itself.
 */
export class LineScanner {
  constructor(
    private readonly table: RowTable,
    private readonly fields: OutcomeFields,
  ) {}

  scan(buf: Uint8Array, start: number, end: number): boolean {
    return scanLine(buf, start, end, this.table, this.fields);
  }
}

// The cursor of the line being scanned; scanLine is synchronous, so one line at a time.
let at = 0;
let limit = 0;

function scanLine(
  buf: Uint8Array,
  start: number,
  end: number,
  table: RowTable,
  fields: OutcomeFields,
): boolean {
  at = start;
  limit = end;
  if (!literal(buf, T_OPEN)) return false;
  const kind = buf[at++];
  if ((kind !== I && kind !== O) || !literal(buf, R_KEY)) return false;
  const row = integer(buf);
  if (row < 0 || !literal(buf, P_KEY)) return false;
  const phone = integer(buf);
  if (phone <= 0 || !literal(buf, H_KEY)) return false;
  const hashStart = at;
  const hashEnd = stringEnd(buf);
  if (hashEnd < 0) return false;
  if (kind === I) {
    if (!literal(buf, A_KEY)) return false;
    const attempt = integer(buf);
    if (attempt < 0 || !literal(buf, TS_KEY) || integer(buf) < 0 || !closes(buf)) return false;
    table.intent(phone, row, attempt);
    return true;
  }
  return outcome(buf, phone, row, hashStart, hashEnd, table, fields.reset());
}

function outcome(
  buf: Uint8Array,
  phone: number,
  row: number,
  hashStart: number,
  hashEnd: number,
  table: RowTable,
  fields: OutcomeFields,
): boolean {
  if (!literal(buf, S_KEY)) return false;
  const statusStart = at;
  const statusEnd = stringEnd(buf);
  const status = statusEnd < 0 ? -1 : statusCode(buf, statusStart, statusEnd);
  if (status < 0 || !literal(buf, A_KEY)) return false;
  const attempts = integer(buf);
  if (attempts < 0) return false;
  if (status === FAILED || status === INVALID) fields.rowHash = text(buf, hashStart, hashEnd);
  if (literal(buf, C_KEY)) {
    const code = numberOrText(buf);
    if (code === undefined) return false;
    fields.code = code;
  }
  if (literal(buf, M_KEY)) {
    const messageStart = at;
    const messageEnd = stringEnd(buf);
    if (messageEnd < 0) return false;
    fields.message = text(buf, messageStart, messageEnd);
  }
  if (literal(buf, ID_KEY)) {
    const id = numberOrText(buf);
    if (id === undefined) return false;
    if (typeof id === "number") fields.requestId = id;
    else fields.requestIdText = id;
  }
  if (literal(buf, AT_KEY)) {
    const atStart = at;
    const atEnd = stringEnd(buf);
    if (atEnd < 0) return false;
    if (!packIsoBytes(buf, atStart, atEnd, fields.sent)) {
      fields.sent.ms = Number.NaN;
      fields.sentText = text(buf, atStart, atEnd);
    }
  }
  if (!closes(buf)) return false;
  table.outcome(phone, row, status, attempts, fields);
  return true;
}

/** Consumes `bytes` if the line continues with them. */
function literal(buf: Uint8Array, bytes: Uint8Array): boolean {
  const n = bytes.length;
  if (at + n > limit) return false;
  for (let i = 0; i < n; i++) if (buf[at + i] !== bytes[i]) return false;
  at += n;
  return true;
}

/** A non-negative integer of at most 15 digits (exact in a double) without leading zeros, or -1. */
function integer(buf: Uint8Array): number {
  const start = at;
  let value = 0;
  let i = start;
  for (; i < limit; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  const digits = i - start;
  if (digits === 0 || digits > 15 || (digits > 1 && buf[start] === 48)) return -1;
  at = i;
  return value;
}

/** After an opening quote: the index of the closing quote (consumed), or -1 at an escape or control. */
function stringEnd(buf: Uint8Array): number {
  for (let i = at; i < limit; i++) {
    const byte = buf[i]!;
    if (byte === QUOTE) {
      at = i + 1;
      return i;
    }
    if (byte === BACKSLASH || byte < 0x20) return -1;
  }
  return -1;
}

function numberOrText(buf: Uint8Array): number | string | undefined {
  if (buf[at] === QUOTE) {
    at++;
    const start = at;
    const end = stringEnd(buf);
    return end < 0 ? undefined : text(buf, start, end);
  }
  const value = integer(buf);
  return value < 0 ? undefined : value;
}

function closes(buf: Uint8Array): boolean {
  return at + 1 === limit && buf[at] === CLOSE;
}

function text(buf: Uint8Array, start: number, end: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString("utf8");
}

const bytes = (value: string): Uint8Array => Buffer.from(value, "latin1");
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

const FAILED = STATUS_CODE.failed;
const INVALID = STATUS_CODE.invalid;
const STATUS_BYTES = Object.entries(STATUS_CODE).map(([name, code]) => [bytes(name), code] as const);

function statusCode(buf: Uint8Array, start: number, end: number): number {
  outer: for (const [name, code] of STATUS_BYTES) {
    if (name.length !== end - start) continue;
    for (let i = 0; i < name.length; i++) if (buf[start + i] !== name[i]) continue outer;
    return code;
  }
  return -1;
}
