import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Clock, systemClock } from "../clock.js";
import { DayLog } from "./day-log.js";
import { grow, PhoneSlots } from "./phone-slots.js";
import { stateDirError } from "./state-dir.js";

export interface DedupeRegistryOptions {
  readonly stateDir: string;
  /** The longest window `lookup` will be asked about (the campaign's dedupeWindow), in ms. */
  readonly windowMs: number;
  /**
   * Entries older than this are deleted on open. @default 30 days, or the longest dedupeWindow any
   * campaign on this machine has used when that is longer
   */
  readonly retentionMs?: number;
  /** How stale the view of other processes' records may get before a lookup re-reads. @default 1000 */
  readonly refreshMs?: number;
  /** fdatasync each record. @default true */
  readonly durable?: boolean;
  /** "Now" when a lookup is not told, and for pruning. @default systemClock */
  readonly clock?: Clock;
}

/** The most recent acceptance of a phone by any campaign. */
export interface DedupeHit {
  readonly campaign: string;
  /** Epoch ms. */
  readonly at: number;
}

/** Phones accepted by any campaign on this machine, for `dedupeWindow`. */
export interface DedupeRegistry {
  /** The latest acceptance of `phoneKey` within `windowMs` before `now`, by any campaign. */
  lookup(phoneKey: number, now?: Date | number, windowMs?: number): Promise<DedupeHit | undefined>;
  /**
   * `lookup` without an await when what was read from disk is fresh enough; `null` when it is not
   * (then call `lookup`). A million-row validate should not pay a million awaits for a memory read.
   */
  peek(phoneKey: number, now: number, windowMs?: number): DedupeHit | undefined | null;
  /** Records that `campaign` had `phoneKey` accepted at `at`; resolves once it is on disk. */
  record(phoneKey: number, at: Date | number, campaign: string): Promise<void>;
  /** How many phones it knows (from any time within what is kept): 0 means no lookup can hit. */
  readonly size: number;
  /** Reads what other processes recorded since the last read. */
  refresh(now?: Date | number): Promise<void>;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;
const DEFAULT_RETENTION_MS = 30 * DAY_MS;
const WINDOW_MARK = /^keep-(\d+)\.window$/;

/**
 * The registry is shared: a campaign that opens it with a 24-hour window must not delete what a
 * campaign with a 60-day window still needs. So a window longer than the default retention leaves an
 * empty file `keep-<ms>.window` beside the day files, and every campaign prunes only beyond the
 * longest such window. Names, not contents: two processes creating different marks never race, and
 * a mark is never removed, so the registry forgets nothing a campaign on this machine may look up.
 */
async function longestWindow(dir: string, windowMs: number): Promise<number> {
  if (windowMs > DEFAULT_RETENTION_MS) {
    await writeFile(join(dir, `keep-${Math.ceil(windowMs)}.window`), "", { flag: "a", mode: 0o600 });
  }
  let longest = windowMs;
  for (const name of await readdir(dir)) {
    const mark = WINDOW_MARK.exec(name);
    if (mark !== null) longest = Math.max(longest, Number(mark[1]));
  }
  return longest;
}

/**
 * Layout: `<stateDir>/dialed/<utc-day>.log`, one JSON line `{"p":phoneKey,"at":ms,"c":campaign}` per
 * accepted request. Compaction is by whole days: files older than the retention are deleted on open
 * (see DayLog for why not rewrite). In memory: the latest time and campaign per phone, in typed
 * arrays, since a day at 5 requests/s is 432,000 phones.
 */
export async function openDedupeRegistry(options: DedupeRegistryOptions): Promise<DedupeRegistry> {
  const dir = join(options.stateDir, "dialed");
  const retention = options.retentionMs ?? DEFAULT_RETENTION_MS;
  const clock = options.clock ?? systemClock;
  let log: DayLog;
  try {
    log = await DayLog.open(dir, { durable: options.durable ?? true });
    await log.prune(clock.now() - Math.max(retention, await longestWindow(dir, options.windowMs)));
  } catch (error) {
    throw stateDirError(dir, error);
  }
  const registry = new FileDedupeRegistry(log, options.windowMs, options.refreshMs ?? 1000, clock);
  await registry.refresh();
  return registry;
}

class FileDedupeRegistry implements DedupeRegistry {
  readonly #log: DayLog;
  readonly #windowMs: number;
  readonly #refreshMs: number;
  readonly #phones = new PhoneSlots();
  #at = new Float64Array(1024);
  #campaign = new Uint32Array(1024);
  readonly #campaignIds = new Map<string, number>();
  readonly #campaigns: string[] = [];
  readonly #clock: Clock;
  #refreshedAt = Number.NEGATIVE_INFINITY;

  constructor(log: DayLog, windowMs: number, refreshMs: number, clock: Clock) {
    this.#log = log;
    this.#windowMs = windowMs;
    this.#refreshMs = refreshMs;
    this.#clock = clock;
  }

  async lookup(
    phoneKey: number,
    now: Date | number = this.#clock.now(),
    windowMs = this.#windowMs,
  ): Promise<DedupeHit | undefined> {
    if (windowMs > this.#windowMs) {
      throw new RangeError(
        `lookup window ${windowMs} ms is longer than the ${this.#windowMs} ms the registry was opened for`,
      );
    }
    const ms = toMs(now);
    if (ms - this.#refreshedAt >= this.#refreshMs) await this.refresh(ms);
    return this.#find(phoneKey, ms, windowMs);
  }

  get size(): number {
    return this.#phones.size;
  }

  peek(phoneKey: number, now: number, windowMs = this.#windowMs): DedupeHit | undefined | null {
    if (windowMs > this.#windowMs || now - this.#refreshedAt >= this.#refreshMs) return null;
    return this.#find(phoneKey, now, windowMs);
  }

  #find(phoneKey: number, ms: number, windowMs: number): DedupeHit | undefined {
    const id = this.#phones.get(phoneKey);
    if (id < 0) return undefined;
    const at = this.#at[id]!;
    return ms - at < windowMs ? { campaign: this.#campaigns[this.#campaign[id]!]!, at } : undefined;
  }

  async record(phoneKey: number, at: Date | number, campaign: string): Promise<void> {
    const ms = toMs(at);
    this.#remember(phoneKey, ms, campaign);
    await this.#log.append(ms, JSON.stringify({ p: phoneKey, at: ms, c: campaign }));
  }

  async refresh(now: Date | number = this.#clock.now()): Promise<void> {
    const ms = toMs(now);
    this.#refreshedAt = ms;
    await this.#log.readNew(ms - this.#windowMs, ms, (line) => {
      let entry: { p?: unknown; at?: unknown; c?: unknown };
      try {
        entry = JSON.parse(line);
      } catch {
        return; // a line torn by a crash of some writer: the rest of the file is still good
      }
      if (
        Number.isSafeInteger(entry.p) &&
        (entry.p as number) > 0 &&
        typeof entry.at === "number" &&
        typeof entry.c === "string"
      ) {
        this.#remember(entry.p as number, entry.at, entry.c);
      }
    });
  }

  close(): Promise<void> {
    return this.#log.close();
  }

  /** Keeps the latest acceptance per phone; idempotent, so reading back our own lines is harmless. */
  #remember(phoneKey: number, at: number, campaign: string): void {
    const id = this.#phones.add(phoneKey);
    if (id >= this.#at.length) {
      this.#at = grow(this.#at, id + 1, (n) => new Float64Array(n));
      this.#campaign = grow(this.#campaign, id + 1, (n) => new Uint32Array(n));
    }
    if (this.#at[id]! >= at) return; // a new id holds 0, older than any real time
    this.#at[id] = at;
    let campaignId = this.#campaignIds.get(campaign);
    if (campaignId === undefined) {
      campaignId = this.#campaigns.push(campaign) - 1;
      this.#campaignIds.set(campaign, campaignId);
    }
    this.#campaign[id] = campaignId;
  }
}

function toMs(value: Date | number): number {
  return typeof value === "number" ? value : value.getTime();
}
