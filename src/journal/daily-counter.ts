import { join } from "node:path";
import { DateTime } from "luxon";
import { type Clock, systemClock } from "../clock.js";
import { ConfigError } from "../errors.js";
import { DayLog } from "./day-log.js";
import { stateDirError } from "./state-dir.js";

export interface DailyCounterOptions {
  readonly stateDir: string;
  /** `tokenFingerprint(token)`: the budget is per Calltouch token, and the token never touches disk. */
  readonly tokenFingerprint: string;
  /** IANA zone whose calendar days the limit counts (the campaign's timezone). */
  readonly timezone: string;
  /** fdatasync each record. @default true */
  readonly durable?: boolean;
  /** "Now" when `used` and `record` are not told, and for pruning. @default systemClock */
  readonly clock?: Clock;
}

/** Accepted requests per calendar day for one token, shared by every campaign and process. */
export interface DailyCounter {
  /** Requests accepted so far on `now`'s day (in `timezone`), by this and every other process. */
  used(now?: Date | number): Promise<number>;
  /** Counts one accepted request at `at`; resolves once it is on disk. */
  record(at?: Date | number): Promise<void>;
  close(): Promise<void>;
}

/** Days of files kept: today in the furthest zone may still need yesterday's and the day before's. */
const KEEP_MS = 3 * 86_400_000;

/**
 * Layout: `<stateDir>/daily/<fingerprint>/<utc-day>.log`, one line per accepted request holding its
 * epoch ms. Counting timestamps rather than per-day totals lets any process read the count in any
 * zone, and lets two processes append at once without a read-modify-write race.
 */
export async function createDailyCounter(options: DailyCounterOptions): Promise<DailyCounter> {
  if (!DateTime.now().setZone(options.timezone).isValid) {
    throw new ConfigError({ code: "E_TIMEZONE", params: { timezone: options.timezone } });
  }
  if (!/^[0-9a-f]{16}$/.test(options.tokenFingerprint)) {
    // Guards against a caller passing the token itself: it would become a file name.
    throw new TypeError("tokenFingerprint must be tokenFingerprint(token), 16 hex digits");
  }
  const dir = join(options.stateDir, "daily", options.tokenFingerprint);
  const clock = options.clock ?? systemClock;
  let log: DayLog;
  try {
    log = await DayLog.open(dir, { durable: options.durable ?? true });
    await log.prune(clock.now() - KEEP_MS);
  } catch (error) {
    throw stateDirError(dir, error);
  }
  return new FileDailyCounter(log, options.timezone, clock);
}

class FileDailyCounter implements DailyCounter {
  readonly #log: DayLog;
  readonly #zone: string;
  readonly #clock: Clock;
  #day: { start: number; end: number; count: number } | undefined;

  constructor(log: DayLog, zone: string, clock: Clock) {
    this.#log = log;
    this.#zone = zone;
    this.#clock = clock;
  }

  async used(now: Date | number = this.#clock.now()): Promise<number> {
    const ms = typeof now === "number" ? now : now.getTime();
    const start = DateTime.fromMillis(ms, { zone: this.#zone }).startOf("day");
    const day = { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
    if (this.#day?.start !== day.start) {
      // A new day: count afresh from the files (the log forgets what it already passed, so re-open it).
      this.#day = { ...day, count: 0 };
      this.#log.forget();
    }
    const current = this.#day;
    await this.#log.readNew(day.start, day.end - 1, (line) => {
      const at = Number(line);
      if (at >= current.start && at < current.end) current.count++;
    });
    return current.count;
  }

  async record(at: Date | number = this.#clock.now()): Promise<void> {
    const ms = typeof at === "number" ? at : at.getTime();
    await this.#log.append(ms, String(ms));
  }

  close(): Promise<void> {
    return this.#log.close();
  }
}
