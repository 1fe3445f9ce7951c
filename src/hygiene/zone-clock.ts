import { IANAZone } from "luxon";

/**
 * Reading a time zone's wall clock from an instant, and finding the instants that show a given wall
 * clock, with luxon's IANA zone data (the same tz database Node's Intl uses). Pure: every instant is
 * a parameter, never the current time.
 *
 * "Naive" times below are wall-clock readings stored as if they were UTC epoch ms
 * (`Date.UTC(y, m, d, h, mi)`), which makes calendar arithmetic on them plain integer arithmetic.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Offsets are sampled this often; real zones change their offset at most twice a year, never twice in 6 h. */
const SAMPLE_MS = 6 * HOUR_MS;

export interface WallClock {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  readonly weekday: number;
  /** Milliseconds since local midnight. */
  readonly msOfDay: number;
  /** The local date's midnight as a naive time. */
  readonly naiveMidnight: number;
}

/** The zone, or a RangeError for a name the tz database does not know (the schema checks it first). */
export function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`unknown time zone ${JSON.stringify(name)}`);
  return zone;
}

/** The zone's offset from UTC at `epochMs`, in ms. */
export function offsetAt(zone: IANAZone, epochMs: number): number {
  return Math.round(zone.offset(epochMs) * MINUTE_MS);
}

export function wallClock(zone: IANAZone, epochMs: number): WallClock {
  const naive = epochMs + offsetAt(zone, epochMs);
  const naiveMidnight = Math.floor(naive / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday (ISO 4).
  const weekday = ((((Math.floor(naive / DAY_MS) + 3) % 7) + 7) % 7) + 1;
  return { weekday, msOfDay: naive - naiveMidnight, naiveMidnight };
}

/**
 * Every instant in [start, end] at which the zone's offset changes, with every offset seen in that
 * span (at least the one at `start`).
 */
export function offsetChanges(
  zone: IANAZone,
  start: number,
  end: number,
): { changes: number[]; offsets: number[] } {
  const changes: number[] = [];
  const offsets = new Set<number>();
  let previous = start;
  let previousOffset = offsetAt(zone, start);
  offsets.add(previousOffset);
  while (previous < end) {
    const at = Math.min(previous + SAMPLE_MS, end);
    const offset = offsetAt(zone, at);
    if (offset !== previousOffset) {
      changes.push(firstWithOffset(zone, previous, at, previousOffset));
      offsets.add(offset);
    }
    previous = at;
    previousOffset = offset;
  }
  return { changes, offsets: [...offsets] };
}

/** The first ms in (lo, hi] whose offset is no longer `before`; the offset at lo is `before`, at hi not. */
function firstWithOffset(zone: IANAZone, lo: number, hi: number, before: number): number {
  let low = lo;
  let high = hi;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (offsetAt(zone, mid) === before) low = mid;
    else high = mid;
  }
  return high;
}

/**
 * The instants whose wall clock shows `naive`: none when it falls into a gap (clocks jumped over it),
 * two when clocks were set back across it, else one. `offsets` must hold every offset in force near it.
 */
export function instantsShowing(zone: IANAZone, naive: number, offsets: readonly number[]): number[] {
  const found: number[] = [];
  for (const offset of offsets) {
    const instant = naive - offset;
    if (offsetAt(zone, instant) === offset && !found.includes(instant)) found.push(instant);
  }
  return found;
}
