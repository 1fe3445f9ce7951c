import { IANAZone } from "luxon";

/**
 * An IANA zone whose UTC offsets are memoised per 15-minute bucket. luxon asks Intl for the offset on
 * every conversion (tens of microseconds); a campaign converts many times in few zones. Exact for
 * every date a call can be scheduled on: since the 1970s every zone's offset is a whole number of
 * quarter hours and changes at a whole minute of local time that is a quarter hour in UTC too.
 */
class CachedZone extends IANAZone {
  readonly #offsets = new Map<number, number>();

  override offset(ts: number): number {
    const bucket = Math.floor(ts / QUARTER_HOUR_MS);
    let offset = this.#offsets.get(bucket);
    if (offset === undefined) {
      offset = super.offset(ts);
      if (this.#offsets.size >= MAX_BUCKETS) this.#offsets.clear();
      this.#offsets.set(bucket, offset);
    }
    return offset;
  }
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
/** About three years of quarter hours per zone; then the memo starts over. */
const MAX_BUCKETS = 100_000;
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
