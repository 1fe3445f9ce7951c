import { DateTime } from "luxon";
import type { Lang } from "./lang.js";

/**
 * The formats a catalog's sentences need, per language: counted nouns, numbers, times a person
 * reads. Reports and JSON keep ISO 8601 and plain numbers; these are for sentences only.
 */

/**
 * Made on first use: an Intl object loads its locale's data, a few MB that an English run (and
 * every `ctdial --version`) need not pay for.
 */
export function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

const RU_PLURAL = lazy(() => new Intl.PluralRules("ru"));

/** English noun forms: [one, other]. */
export type EnForms = readonly [one: string, other: string];
/** Russian noun forms: [1 строка, 2 строки, 5 строк]. */
export type RuForms = readonly [one: string, few: string, many: string];

/** The noun for `count`, without the number. */
export function enNoun(count: number, forms: EnForms): string {
  return count === 1 ? forms[0] : forms[1];
}

/** Russian agreement by Intl's rules: 1, 21, 101 строка; 2, 22 строки; 5, 11, 111 строк; 1,5 строки. */
export function ruNoun(count: number, forms: RuForms): string {
  switch (RU_PLURAL().select(count)) {
    case "one":
      return forms[0];
    case "few":
      return forms[1];
    case "many":
      return forms[2];
    default:
      // "other" is Russian's form for fractions: 1,5 строки.
      return forms[1];
  }
}

/** English numbers as they were always printed (no grouping): 12345. */
export function enNumber(value: number): string {
  return String(value);
}

const RU_NUMBER = lazy(() => new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 2 }));

/** Russian numbers: 12 345 (a no-break space between groups, from five digits), 2,5. */
export function ruNumber(value: number): string {
  return Number.isFinite(value) ? RU_NUMBER().format(value) : String(value);
}

/** "1 row", "2 rows". */
export function enCount(count: number, forms: EnForms): string {
  return `${enNumber(count)} ${enNoun(count, forms)}`;
}

/** "1 строка", "5 строк", "12 345 строк". */
export function ruCount(count: number, forms: RuForms): string {
  return `${ruNumber(count)} ${ruNoun(count, forms)}`;
}

/** The machine's zone (the TZ variable, else the system's), as an IANA name. */
export function machineZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export interface TimeOptions {
  /** IANA zone to show the time in; default the machine's. */
  readonly zone?: string | undefined;
  /** Show seconds (times that tell whether something is alive). */
  readonly seconds?: boolean;
  /** Leave out the zone's name in brackets. */
  readonly bare?: boolean;
}

/**
 * A time as a person reads it, in the zone it matters in, never bare UTC:
 * en `7 Dec 2026, 09:00 (Europe/Moscow)`, ru `7 декабря 2026, 09:00 (Europe/Moscow)`.
 * `at` is epoch milliseconds or an ISO string (an unreadable string is shown as it is).
 */
export function readableTime(lang: Lang, at: number | string, options: TimeOptions = {}): string {
  const ms = typeof at === "number" ? at : Date.parse(at);
  if (Number.isNaN(ms)) return String(at);
  const locale = lang === "ru" ? "ru" : "en-US";
  const zoned = DateTime.fromMillis(ms, { zone: options.zone ?? machineZone(), locale });
  const valid = zoned.isValid ? zoned : DateTime.fromMillis(ms, { zone: "UTC", locale });
  const day = lang === "ru" ? "d MMMM yyyy" : "d LLL yyyy";
  const text = valid.toFormat(`${day}, ${options.seconds === true ? "HH:mm:ss" : "HH:mm"}`);
  return options.bare === true ? text : `${text} (${valid.zoneName})`;
}

/**
 * The waiting time a countdown shows: "2:05:30"; with days, en "3 d 4:00:00", ru "3 д 4:00:00".
 * Seconds are rounded up, so it never reads 0:00:00 while there is still time to wait.
 */
export function countdown(lang: Lang, ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`a countdown needs a finite time, got ${ms}`);
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const clock = `${hours}:${pad(minutes)}:${pad(seconds)}`;
  return days > 0 ? `${days} ${lang === "ru" ? "д" : "d"} ${clock}` : clock;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
