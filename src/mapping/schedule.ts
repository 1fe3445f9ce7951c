import { DateTime } from "luxon";
import { type Said, said } from "../i18n/catalog.js";
import type { Cell } from "../sources/types.js";
import { isDateCell, isErrorCell } from "../sources/types.js";
import { cachedZone } from "../time/cached-zone.js";
import { shortValue } from "./text.js";

/**
 * scheduleTime: when Calltouch should make the call (docs/calltouch-api.md "scheduleTime").
 *
 * Accepted: spreadsheet date cells, `dd.mm.yyyy hh:mm[:ss]` (also `d.m.yy`), `yyyy-mm-dd hh:mm[:ss]`
 * (also with `T`), and ISO 8601 with `Z` or an offset, whose offset then wins over `timezone`.
 * Decisions:
 * - A date without a time of day is refused: a call at midnight is never what was meant. That holds
 *   for date cells too: a cell at exactly 00:00:00 is a date without a time unless its number format
 *   shows a time (`dd.mm.yyyy hh:mm`: then midnight was typed and is kept). When the source cannot
 *   tell (no `showsTime`), 00:00:00 counts as no time, as the same text in a CSV would.
 * - A wall-clock time that does not exist in `timezone` (skipped by a move to summer time) is refused,
 *   not shifted: moving a call by an hour without asking is worse than asking.
 * - A time that happens twice (clocks moved back) is read as the later one, standard time (luxon's choice).
 * - Fractions of a second are rounded to the second, as date cells are.
 * - Two-digit years are 20yy.
 * - The past is judged only when the caller passes `now` (the run's start): mapping has no clock
 *   of its own. A past time is still a valid time (`past: true`); what to do with it is the
 *   campaign's `pastScheduleTime` (map-row.ts).
 */

export type ScheduleTimeFormat = "yyyy-mm-dd hh:mm:ss" | "dd-mm-yyyy hh:mm:ss";

export interface ScheduleOptions {
  /** IANA zone in which times written without an offset are read. */
  readonly timezone: string;
  /** IANA zone of the Calltouch project: the time is sent in it. */
  readonly calltouchTimezone: string;
  /** Wire format. @default "yyyy-mm-dd hh:mm:ss" */
  readonly format?: ScheduleTimeFormat;
  /** Epoch milliseconds. When given, a time before it is `past`; when omitted, the past is not judged. */
  readonly now?: number;
}

export type ScheduleResult =
  | {
      readonly ok: true;
      readonly value: string;
      /** Set when the time is before `now`. */
      readonly past?: true;
    }
  | { readonly ok: false; readonly problem: Said };

/**
 * A valid time as the memo keeps it: the result itself (returned as it is when the time is not past,
 * so a memo hit allocates nothing) and, privately, its moment, so that `now` is compared afterwards.
 */
class ValidTime {
  readonly ok = true as const;
  readonly #at: number;

  constructor(
    readonly value: string,
    at: number,
  ) {
    this.#at = at;
  }

  isBefore(now: number): boolean {
    return this.#at < now;
  }
}

type Parsed = ValidTime | Extract<ScheduleResult, { ok: false }>;

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond?: number;
}

const RU_DATE_TIME = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO_LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})([.,]\d+)?)?$/i;
const WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})([.,]\d+)?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const DATE_ONLY = /^(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})$/;

const fail = (problem: Said): Extract<ScheduleResult, { ok: false }> => ({ ok: false, problem });
const EMPTY = fail(said("rowsScheduleEmpty", {}));
const notReal = (text: string): Parsed => fail(said("rowsScheduleNotReal", { text: shortValue(text) }));

export function parseScheduleTime(cell: Cell, options: ScheduleOptions): ScheduleResult {
  const parsed = parseMemoised(cell, options);
  if (parsed.ok && options.now !== undefined && parsed.isBefore(options.now)) {
    return { ok: true, value: parsed.value, past: true };
  }
  return parsed;
}

function parseMemoised(cell: Cell, options: ScheduleOptions): Parsed {
  // Time-zone arithmetic (luxon, through Intl) costs tens of microseconds a row, and a campaign's
  // schedule times repeat; the answer depends only on the text and the options, so it is memoised.
  // The past is judged after the memo (the moment is kept), so `now` does not defeat it.
  // Date cells at midnight also depend on `showsTime`; they are few, so they skip the memo.
  if (typeof cell !== "string" && (!isDateCell(cell) || cell.showsTime !== undefined))
    return parseUncached(cell, options);
  const isText = typeof cell === "string";
  const text = isText ? cell : cell.wallClock;
  const memo = memoFor(options, isText);
  const cached = memo.get(text);
  if (cached !== undefined) return cached;
  const result = parseUncached(cell, options);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(ownCopy(text), result);
  return result;
}

/** Bounded so that a million distinct times cannot grow memory: when full, it starts over. */
const MEMO_LIMIT = 50_000;
/**
 * One memo per (text or date cell, timezone, calltouchTimezone, format): inside it, the cell's text
 * (or a date cell's wall clock) alone is the key.
 */
const memos = new Map<string, Map<string, Parsed>>();

interface MemoSlot {
  readonly timezone: string;
  readonly calltouchTimezone: string;
  readonly format: string;
  readonly memo: Map<string, Parsed>;
}
/** The memo each kind of cell used last: rows of one campaign ask for the same one every time. */
const lastSlot: { text?: MemoSlot; date?: MemoSlot } = {};

function memoFor(options: ScheduleOptions, isText: boolean): Map<string, Parsed> {
  const kind = isText ? "text" : "date";
  const format = options.format ?? "";
  const last = lastSlot[kind];
  if (
    last !== undefined &&
    last.timezone === options.timezone &&
    last.calltouchTimezone === options.calltouchTimezone &&
    last.format === format
  ) {
    return last.memo;
  }
  const key = `${kind}|${options.timezone}|${options.calltouchTimezone}|${format}`;
  let memo = memos.get(key);
  if (memo === undefined) {
    memo = new Map();
    memos.set(key, memo);
  }
  lastSlot[kind] = { timezone: options.timezone, calltouchTimezone: options.calltouchTimezone, format, memo };
  return memo;
}

/**
 * The same text as a string of its own. A cell's text can be a slice of the reader's whole chunk,
 * and a string built by concatenation (luxon's `toFormat`) is a tree of its pieces: kept in the memo,
 * either would hold far more than its characters (a 19-character wire time took ~500 bytes). A
 * UTF-16 round trip is lossless for any string, lone surrogates included.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}

function parseUncached(cell: Cell, options: ScheduleOptions): Parsed {
  if (cell === null) return EMPTY;
  if (typeof cell === "number") return fail(said("rowsScheduleGotNumber", { value: cell }));
  if (typeof cell === "boolean") return fail(said("rowsScheduleGotBoolean", { value: cell }));
  if (isErrorCell(cell)) return fail(said("rowsCellError", { text: cell.text }));
  if (isDateCell(cell)) {
    const wall = parseWallClockCell(cell.wallClock);
    const shown = cell.wallClock.replace("T", " ");
    if (wall === undefined) return notReal(shown);
    if (cell.wallClock.endsWith("T00:00:00") && cell.showsTime !== true) {
      return noTimeOfDay(`${two(wall.day)}.${two(wall.month)}.${four(wall.year)}`);
    }
    return inZone(wall, shown, options);
  }
  return fromText(cell.trim(), options);
}

function fromText(text: string, options: ScheduleOptions): Parsed {
  if (text === "") return EMPTY;
  const withOffset = WITH_OFFSET.exec(text);
  if (withOffset !== null) {
    const [, year, month, day, hour, minute, second, fraction, offset] = withOffset;
    if (!isRealWallClock(wallClock(year!, month!, day!, hour!, minute!, second))) return notReal(text);
    const iso = `${year}-${month}-${day}T${hour}:${minute}:${second ?? "00"}${(fraction ?? "").replace(",", ".")}`;
    const parsed = DateTime.fromISO(`${iso}${offset!.toUpperCase()}`, { setZone: true });
    if (!parsed.isValid) return notReal(text);
    return finish(roundToSecond(parsed), options);
  }
  const ru = RU_DATE_TIME.exec(text);
  if (ru !== null) {
    const [, day, month, year, hour, minute, second] = ru;
    const fullYear = year!.length === 2 ? `20${year}` : year!;
    return fromParts(text, wallClock(fullYear, month!, day!, hour!, minute!, second), options);
  }
  const iso = ISO_LOCAL.exec(text);
  if (iso !== null) {
    const [, year, month, day, hour, minute, second, fraction] = iso;
    return fromParts(text, wallClock(year!, month!, day!, hour!, minute!, second, fraction), options);
  }
  if (DATE_ONLY.test(text)) return noTimeOfDay(text);
  return fail(said("rowsScheduleExpected", { text: shortValue(text) }));
}

/** One message for a date without a time, whether it was text or a date cell. */
function noTimeOfDay(date: string): Parsed {
  return fail(said("rowsScheduleNoTime", { date }));
}

/** From the matched digits; `fraction` is `.5` or `,5` (fractions of a second). */
function wallClock(
  year: string,
  month: string,
  day: string,
  hour: string,
  minute: string,
  second: string | undefined,
  fraction?: string,
): WallClock {
  const millisecond = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction.slice(1)}`) * 1000);
  return {
    year: +year,
    month: +month,
    day: +day,
    hour: +hour,
    minute: +minute,
    second: +(second ?? 0),
    millisecond,
  };
}

function fromParts(text: string, wall: WallClock, options: ScheduleOptions): Parsed {
  if (!isRealWallClock(wall)) return notReal(text);
  return inZone(wall, text, options);
}

function inZone(wall: WallClock, shown: string, options: ScheduleOptions): Parsed {
  const local = DateTime.fromObject({ ...wall }, { zone: cachedZone(options.timezone) });
  if (!local.isValid) {
    return fail(said("rowsScheduleBadZone", { text: shortValue(shown), zone: options.timezone }));
  }
  if (local.hour !== wall.hour || local.minute !== wall.minute) {
    return fail(said("rowsScheduleSkippedHour", { text: shortValue(shown), zone: options.timezone }));
  }
  return finish(roundToSecond(local), options);
}

function finish(moment: DateTime, options: ScheduleOptions): Parsed {
  // Memoised for the run: kept as a string of its own (see ownCopy).
  const value = ownCopy(wireText(moment.setZone(cachedZone(options.calltouchTimezone)), options.format));
  return new ValidTime(value, moment.toMillis());
}

/**
 * The wire text of a moment in the Calltouch zone, from its fields: luxon's `toFormat` parses the
 * pattern again on every call and cost a third of a conversion.
 */
function wireText(moment: DateTime, format: ScheduleTimeFormat | undefined): string {
  const date =
    format === "dd-mm-yyyy hh:mm:ss"
      ? `${two(moment.day)}-${two(moment.month)}-${four(moment.year)}`
      : `${four(moment.year)}-${two(moment.month)}-${two(moment.day)}`;
  return `${date} ${two(moment.hour)}:${two(moment.minute)}:${two(moment.second)}`;
}

const two = (n: number): string => String(n).padStart(2, "0");
const four = (n: number): string => String(n).padStart(4, "0");

/** Every part in range and the day exists in its month (31.02 does not; 29.02 only in leap years). */
function isRealWallClock(w: WallClock): boolean {
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  if (w.year < 1 || w.month < 1 || w.month > 12 || w.day < 1) return false;
  return w.day <= daysInMonth(w.year, w.month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseWallClockCell(text: string): WallClock | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (m === null) return undefined;
  const [, year, month, day, hour, minute, second] = m;
  const wall = wallClock(year!, month!, day!, hour!, minute!, second);
  return isRealWallClock(wall) ? wall : undefined;
}

function roundToSecond(moment: DateTime): DateTime {
  if (moment.millisecond === 0) return moment;
  return moment.millisecond >= 500 ? moment.plus({ seconds: 1 }).startOf("second") : moment.startOf("second");
}
