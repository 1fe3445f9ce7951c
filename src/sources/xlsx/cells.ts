/**
 * Pure conversions from what an .xlsx file stores to what a person sees in the cell. No I/O.
 */
import { formatWallClock } from "../../time/wall-clock.js";

const SECONDS_PER_DAY = 86_400;
const MS_PER_DAY = SECONDS_PER_DAY * 1000;

/** 0-based column index of a cell reference such as `AB12`; -1 when it has no column letters. */
export function columnIndexOf(ref: string): number {
  let index = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    const upper = code >= 97 && code <= 122 ? code - 32 : code;
    if (upper < 65 || upper > 90) break;
    index = index * 26 + (upper - 64);
  }
  return i === 0 ? -1 : index - 1;
}

/** The last row of a range reference: "A1:J200001" -> 200001, "B3" -> 3. */
export function lastRowOf(ref: string | undefined): number | undefined {
  const match = /(\d+)$/.exec(ref ?? "");
  if (match === null) return undefined;
  const row = Number(match[1]);
  return Number.isSafeInteger(row) && row > 0 ? row : undefined;
}

/**
 * The wall-clock time a date-formatted serial number shows, rounded to the nearest second:
 * LibreOffice writes 11:00 as 46724.4583333333, which is 10:59:59.9997. `undefined` when no
 * spreadsheet could display the serial as a date (negative, or past the year 9999).
 *
 * 1900 system: serial 1 is 1900-01-01 and, as in Lotus 1-2-3 and Excel, serial 60 is the
 * non-existent 1900-02-29, so serials from 61 on count from 1899-12-30. Serial 0 (a pure time)
 * is 1899-12-30, the day LibreOffice and OLE automation use. 1904 system: serial 0 is 1904-01-01.
 */
export function serialToWallClock(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  const totalSeconds = Math.round(serial * SECONDS_PER_DAY);
  const days = Math.floor(totalSeconds / SECONDS_PER_DAY);
  const secondOfDay = totalSeconds - days * SECONDS_PER_DAY;
  if (date1904) return formatWallClock(Date.UTC(1904, 0, 1) + days * MS_PER_DAY + secondOfDay * 1000);
  if (days === 60) {
    const time = formatWallClock(secondOfDay * 1000);
    return time === undefined ? undefined : `1900-02-29${time.slice(10)}`;
  }
  const epoch = days > 0 && days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return formatWallClock(epoch + days * MS_PER_DAY + secondOfDay * 1000);
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** A `t="d"` cell holds ISO 8601 text; its wall clock is the written one (any offset is ignored). */
export function isoToWallClock(text: string): string | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = ""] = m;
  const seconds = Math.round(Number(s) + (fraction ? Number(fraction) : 0));
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), seconds);
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // Date.UTC rolls 2025-02-31 over into March; such text is not a date a spreadsheet shows.
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return undefined;
  return formatWallClock(ms);
}

/**
 * Whether a number format code shows its number as a date or time. Quoted text, escaped
 * characters (`\d`), padding/fill characters (`_d`, `*d`), colours and locales in brackets are
 * not date parts; `[h]`/`[mm]`/`[ss]` (elapsed time) are. A code with digit placeholders other
 * than fractions of a second (`ss.000`) is a number format, whatever letters it also has.
 */
export function isDateFormat(code: string): boolean {
  const { parts, elapsed } = dateParts(code);
  if (/[0#?]/.test(parts)) return false;
  return elapsed || /[dmyhs]/.test(parts);
}

/**
 * Whether a date format shows a time of day (hours or seconds, elapsed time, AM/PM): `dd.mm.yyyy
 * hh:mm` does, `dd.mm.yyyy` does not. Minutes alone (`m`) cannot be told from months, and no time
 * format has minutes without hours or seconds.
 */
export function formatShowsTime(code: string): boolean {
  const { parts, elapsed, amPm } = dateParts(code);
  return elapsed || amPm || /[hs]/.test(parts);
}

/** The date/time letters of a format code, lower-cased, with everything that is not a part removed. */
function dateParts(code: string): { parts: string; elapsed: boolean; amPm: boolean } {
  let stripped = "";
  let elapsed = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end === -1 ? code.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      const inside = code.slice(i + 1, end === -1 ? code.length : end);
      if (/^(h+|m+|s+)$/i.test(inside)) elapsed = true;
      i = end === -1 ? code.length : end;
    } else {
      stripped += ch;
    }
  }
  const lower = stripped.toLowerCase().replaceAll("general", "");
  const amPm = lower.includes("am/pm") || lower.includes("a/p");
  const parts = lower.replaceAll("am/pm", "").replaceAll("a/p", "").replace(/s\.0+/g, "s");
  return { parts, elapsed, amPm };
}

/** Excel writes characters XML cannot hold (and `_x` itself) as `_xHHHH_`; this undoes it. */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}
