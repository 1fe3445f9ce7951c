import { IANAZone } from "luxon";

/**
 * An IANA zone whose UTC offsets are memoised. luxon asks Intl for the offset on every conversion
 * (tens of microseconds); a campaign converts many times in few zones. A UTC day whose offset is the
 * same at its first and its last quarter hour is taken to have that offset throughout (no zone has
 * changed its offset and back within one day); a day with a change is memoised per 15-minute bucket,
 * which is exact: since the 1970s every zone's offset is a whole number of quarter hours and changes
 * at a whole minute of local time that is a quarter hour in UTC too.
 */
class CachedZone extends IANAZone {
  /** Day number -> its offset, or NaN for a day with a change (then see #quarters). */
  readonly #days = new Map<number, number>();
  readonly #quarters = new Map<number, number>();

  override offset(ts: number): number {
    const day = Math.floor(ts / DAY_MS);
    let offset = this.#days.get(day);
    if (offset === undefined) {
      const first = super.offset(day * DAY_MS);
      offset = first === super.offset((day + 1) * DAY_MS - QUARTER_HOUR_MS) ? first : Number.NaN;
      if (this.#days.size >= MAX_DAYS) this.#days.clear();
      this.#days.set(day, offset);
    }
    return Number.isNaN(offset) ? this.#quarterOffset(ts) : offset;
  }

  #quarterOffset(ts: number): number {
    const bucket = Math.floor(ts / QUARTER_HOUR_MS);
    let offset = this.#quarters.get(bucket);
    if (offset === undefined) {
      offset = super.offset(bucket * QUARTER_HOUR_MS);
      if (this.#quarters.size >= MAX_QUARTERS) this.#quarters.clear();
      this.#quarters.set(bucket, offset);
    }
    return offset;
  }
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** About thirty years of days per zone; then the memo starts over. */
const MAX_DAYS = 10_000;
/** Quarter hours of days with a change: two such days a year at most. */
const MAX_QUARTERS = 10_000;
const zones = new Map<string, IANAZone>();

/** The zone for `name`, shared by every conversion in this process; invalid names give luxon's own invalid zone. */
export function cachedZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = IANAZone.isValidZone(name) ? new CachedZone(name) : IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}
