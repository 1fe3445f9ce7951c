import type { IANAZone } from "luxon";
import type { Campaign, WEEKDAYS } from "../campaign/schema.js";
import { DAY_MS, instantsShowing, MINUTE_MS, offsetChanges, wallClock, zoneOf } from "./zone-clock.js";

/**
 * `callWindow:` (docs/contract.md): the hours and weekdays, on the wall clock of the campaign's timezone,
 * in which requests may be sent. `from` is inclusive and `to` exclusive, so 09:00-20:00 is open at
 * 09:00:00.000 and closed at 20:00:00.000; `to: "24:00"` runs to the end of the day.
 *
 * Pure: `now` (epoch ms) is always a parameter, so that the engine, the countdown and the tests all
 * ask about the instant they mean and no answer depends on when it was computed.
 *
 * Daylight saving: openness is a property of the wall clock, so a window is open whenever the clock
 * on the wall shows an allowed day and a time in [from, to). When clocks jump forward over `from`
 * (Berlin, last Sunday of March, 02:00 -> 03:00, with from 02:30) the window opens at the jump; when
 * they are set back, an hour that is shown twice is open both times if it is inside the window.
 */

export type Weekday = (typeof WEEKDAYS)[number];

export interface CallWindow {
  /** "09:00": the first minute requests may be sent. */
  readonly from: string;
  /** "20:00" (exclusive), or "24:00" for the end of the day. */
  readonly to: string;
  readonly days: readonly Weekday[];
}

/** The zone a call window is read in: the campaign's `timezone`, else its `calltouchTimezone`. */
export function callWindowTimezone(campaign: Pick<Campaign, "timezone" | "calltouchTimezone">): string {
  return campaign.timezone ?? campaign.calltouchTimezone;
}

/** True when requests may be sent at `now`. */
export function isOpen(window: CallWindow, timezone: string, now: number): boolean {
  return openAt(compile(window), zoneOf(timezone), now);
}

/**
 * The first instant at or after `now` at which the window is open: `now` itself while it is open.
 * Nothing between `now` and the answer is open.
 */
export function nextOpening(window: CallWindow, timezone: string, now: number): number {
  return firstInstant(compile(window), zoneOf(timezone), now, true);
}

/**
 * The first instant at or after `now` at which the window is closed: `now` itself while it is closed,
 * Infinity for a window open all day every day.
 */
export function closesAt(window: CallWindow, timezone: string, now: number): number {
  const compiled = compile(window);
  if (compiled.fromMs === 0 && compiled.toMs === DAY_MS && compiled.days.size === 7) {
    return Number.POSITIVE_INFINITY;
  }
  return firstInstant(compiled, zoneOf(timezone), now, false);
}

interface CompiledWindow {
  readonly fromMs: number;
  readonly toMs: number;
  /** ISO weekdays, 1 = Monday. */
  readonly days: ReadonlySet<number>;
}

const TIME_OF_DAY = /^(\d{1,2}):(\d{2})$/;

function compile(window: CallWindow): CompiledWindow {
  const fromMs = msOfDay(window.from);
  const toMs = msOfDay(window.to);
  if (fromMs >= toMs) {
    throw new RangeError(`a call window's from (${window.from}) must be earlier than its to (${window.to})`);
  }
  const days = new Set<number>();
  for (const day of window.days) {
    const index = WEEKDAY_NAMES.indexOf(day);
    if (index < 0) throw new RangeError(`unknown weekday ${JSON.stringify(day)} in a call window`);
    days.add(index + 1);
  }
  if (days.size === 0) throw new RangeError("a call window needs at least one weekday");
  return { fromMs, toMs, days };
}

// The schema's WEEKDAYS, repeated so that this module needs no value from the schema (only its types).
const WEEKDAY_NAMES: readonly string[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function msOfDay(time: string): number {
  const match = TIME_OF_DAY.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (match === null || minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) {
    throw new RangeError(`expected a time of day such as "09:00", got ${JSON.stringify(time)}`);
  }
  return (hours * 60 + minutes) * MINUTE_MS;
}

function openAt(window: CompiledWindow, zone: IANAZone, at: number): boolean {
  const clock = wallClock(zone, at);
  return window.days.has(clock.weekday) && clock.msOfDay >= window.fromMs && clock.msOfDay < window.toMs;
}

/**
 * Far enough for any window to open and (unless it never does) close: the next allowed weekday is at
 * most 7 days away, twice that covers a calendar day a zone skipped (Samoa, 30 December 2011).
 */
const SEARCH_DAYS = 16;

/**
 * The first instant >= now at which openness is `open`. Openness can change only where the wall
 * clock reaches `from`, `to` or midnight, or where it jumps (an offset change); so the answer is the
 * first of those instants (or `now`) that has the wanted openness, and no instant before it can.
 */
function firstInstant(window: CompiledWindow, zone: IANAZone, now: number, open: boolean): number {
  if (openAt(window, zone, now) === open) return now;
  const end = now + SEARCH_DAYS * DAY_MS;
  const { changes, offsets } = offsetChanges(zone, now - DAY_MS, end + DAY_MS);
  const candidates = [...changes];
  const firstMidnight = wallClock(zone, now).naiveMidnight - DAY_MS;
  for (let day = 0; day <= SEARCH_DAYS + 1; day++) {
    const midnight = firstMidnight + day * DAY_MS;
    for (const msOfDay of [0, window.fromMs, window.toMs]) {
      candidates.push(...instantsShowing(zone, midnight + msOfDay, offsets));
    }
  }
  candidates.sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (candidate > now && openAt(window, zone, candidate) === open) return candidate;
  }
  throw new RangeError(
    `the call window ${describeWindow(window)} does not ${open ? "open" : "close"} within ${SEARCH_DAYS} days`,
  );
}

function describeWindow(window: CompiledWindow): string {
  const time = (ms: number) =>
    `${String(Math.floor(ms / 3_600_000)).padStart(2, "0")}:${String((ms / MINUTE_MS) % 60).padStart(2, "0")}`;
  const days = [...window.days].map((day) => WEEKDAY_NAMES[day - 1]).join(", ");
  return `${time(window.fromMs)}-${time(window.toMs)} on ${days}`;
}
