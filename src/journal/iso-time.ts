/**
 * sentAt (ISO 8601 with offset) kept as numbers in the replay table: epoch ms, the offset in minutes
 * and a format flag, instead of a 29-character string per sent row. Parsed straight from the bytes
 * of a journal line (no string, no regex, no Date.parse: replay reads a million of them).
 * `unpackIso(packIso(s)) === s` for every string packIso accepts; it refuses (returns undefined)
 * anything it could not give back byte for byte, and the caller keeps such a string as it is.
 */
export interface PackedIso {
  ms: number;
  /** Minutes east of UTC. */
  offset: number;
  /** Bit 0: milliseconds written; bit 1: written as `Z`. */
  format: number;
}

export function packIso(text: string): PackedIso | undefined {
  const out: PackedIso = { ms: 0, offset: 0, format: 0 };
  const ok = packIsoBytes(Buffer.from(text, "latin1"), 0, text.length, out);
  // The round trip also refuses non-ASCII look-alikes that latin1 folded onto digits.
  return ok && unpackIso(out.ms, out.offset, out.format) === text ? out : undefined;
}

/** Parses `yyyy-mm-ddThh:mm:ss[.sss](Z|±hh:mm)` from buf[start, end) into `out`; false if it is not one. */
export function packIsoBytes(buf: Uint8Array, start: number, end: number, out: PackedIso): boolean {
  const length = end - start;
  if (length !== 20 && length !== 24 && length !== 25 && length !== 29) return false;
  if (buf[start + 4] !== DASH || buf[start + 7] !== DASH || buf[start + 10] !== T) return false;
  if (buf[start + 13] !== COLON || buf[start + 16] !== COLON) return false;
  const days = dayNumber(buf, start);
  if (Number.isNaN(days)) return false;
  const hour = d2(buf, start + 11);
  const minute = d2(buf, start + 14);
  const second = d2(buf, start + 17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  let at = start + 19;
  let millis = 0;
  const hasMillis = buf[at] === DOT;
  if (hasMillis) {
    millis = d2(buf, at + 1) * 10 + digit(buf[at + 3]);
    if (millis < 0) return false;
    at += 4;
  }
  let offset = 0;
  const zulu = buf[at] === Z;
  if (zulu) {
    if (at + 1 !== end) return false;
  } else {
    const sign = buf[at] === PLUS ? 1 : buf[at] === DASH ? -1 : 0;
    const oh = d2(buf, at + 1);
    const om = d2(buf, at + 4);
    if (sign === 0 || buf[at + 3] !== COLON || at + 6 !== end || oh < 0 || oh > 23 || om < 0 || om > 59)
      return false;
    offset = sign * (oh * 60 + om);
    // "-00:00" would come back as "+00:00".
    if (offset === 0 && sign < 0) return false;
  }
  out.ms = (((days * 24 + hour) * 60 + minute - offset) * 60 + second) * 1000 + millis;
  out.offset = offset;
  out.format = (hasMillis ? 1 : 0) | (zulu ? 2 : 0);
  return true;
}

// Sent times of one journal mostly share their date: the day number of the last date is kept.
const lastDate = new Uint8Array(10);
let lastDays = Number.NaN;

/** Days since 1970-01-01 of the `yyyy-mm-dd` at buf[start], or NaN when it is no such date. */
function dayNumber(buf: Uint8Array, start: number): number {
  let same = !Number.isNaN(lastDays);
  for (let i = 0; i < 10 && same; i++) same = buf[start + i] === lastDate[i];
  if (same) return lastDays;
  const year = d2(buf, start) * 100 + d2(buf, start + 2);
  const month = d2(buf, start + 5);
  const day = d2(buf, start + 8);
  // Years below 1000 are out: they would not round-trip through toISOString the same way.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return Number.NaN;
  lastDate.set(buf.subarray(start, start + 10));
  lastDays = daysFromCivil(year, month, day);
  return lastDays;
}

/** Two decimal digits as a number; negative when either byte is not a digit. */
function d2(buf: Uint8Array, at: number): number {
  return digit(buf[at]) * 10 + digit(buf[at + 1]);
}

function digit(byte: number | undefined): number {
  const d = (byte ?? 0) - 48;
  return d >= 0 && d <= 9 ? d : -100_000;
}

export function unpackIso(ms: number, offset: number, format: number): string {
  const local = new Date(ms + offset * 60_000).toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  const body = (format & 1) === 1 ? local.slice(0, 23) : local.slice(0, 19);
  if ((format & 2) === 2) return `${body}Z`;
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${body}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const DASH = 45;
const PLUS = 43;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm): no Date object per row. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
