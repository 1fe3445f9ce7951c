import { readdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
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

/**
 * A phone this process has a request in flight for: taken in the step that checks the phone, right
 * before the row's intent is written, and held until the row's outcome (through every retry).
 */
export interface PhoneClaim {
  /** The request was accepted, or may have been: recorded for every campaign, then the claim ends. */
  accepted(at: number): Promise<void>;
  /** Nothing was created (refused, stopped before sending): the phone is free again. */
  release(): void;
}

/** The last word on a phone: held back by another request, or claimed for this one. */
export type ClaimResult = { readonly claim: PhoneClaim } | { readonly held: DedupeHit };

/** Phones accepted by any campaign on this machine, for `dedupeWindow`. */
export interface DedupeRegistry {
  /** The latest acceptance of `phoneKey` within `windowMs` before `now`, by any campaign. */
  lookup(phoneKey: number, now?: Date | number, windowMs?: number): Promise<DedupeHit | undefined>;
  /**
   * `lookup` without an await when what was read from disk is fresh enough; `null` when it is not
   * (then call `lookup`). A million-row validate should not pay a million awaits for a memory read.
   */
  peek(phoneKey: number, now: number, windowMs?: number): DedupeHit | undefined | null;
  /**
   * The last word before a request leaves, in one synchronous step: the latest request for `phoneKey`
   * that any campaign of this process has in flight, or that any campaign on this machine had accepted
   * within `windowMs` before `now`; when there is none, `phoneKey` is claimed for `campaign`, so a
   * request of another campaign checked a moment later sees this one. Without `windowMs`
   * (`dedupeWindow: 0`) nothing holds the row back, but the claim is still taken for the others. `own`
   * is the claim a retried row already holds: it does not hold its own row back. Call `refresh` first
   * (other processes' records); nothing here awaits, so nothing can slip between check and claim.
   */
  claim(
    phoneKey: number,
    campaign: string,
    now: number,
    windowMs: number | undefined,
    own?: PhoneClaim,
  ): ClaimResult;
  /** Records that `campaign` had `phoneKey` accepted at `at`; resolves once it is on disk. */
  record(phoneKey: number, at: Date | number, campaign: string): Promise<void>;
  /** How many phones it knows (from any time within what is kept): 0 means no lookup can hit. */
  readonly size: number;
  /** Reads what other processes recorded since the last read. */
  refresh(now?: Date | number): Promise<void>;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;

/**
 * What the registries of one state directory share within this process. The folder service runs
 * several campaigns at once, each with its own registry: a phone one of them has in flight, or has
 * just had accepted, must be known to the others at once, not after their next read of the files.
 * Across processes the sender lock lets one process send at a time, so the files suffice there.
 */
interface Machine {
  readonly registries: Set<FileDedupeRegistry>;
  /** Requests in flight by phone (more than one only when a campaign with `dedupeWindow: 0` sends). */
  readonly claims: Map<number, Claim[]>;
}

const machines = new Map<string, Machine>();

function machineOf(dir: string): Machine {
  const key = resolve(dir);
  let machine = machines.get(key);
  if (machine === undefined) {
    machine = { registries: new Set(), claims: new Map() };
    machines.set(key, machine);
  }
  return machine;
}

class Claim implements PhoneClaim {
  #open = true;

  constructor(
    readonly phoneKey: number,
    readonly campaign: string,
    readonly at: number,
    readonly registry: FileDedupeRegistry,
  ) {}

  accepted(at: number): Promise<void> {
    // Recorded in every registry of this process before the claim ends: no moment in which a
    // check would find neither.
    const written = this.registry.record(this.phoneKey, at, this.campaign);
    this.release();
    return written;
  }

  release(): void {
    if (!this.#open) return;
    this.#open = false;
    this.registry.unclaim(this);
  }
}
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
  const registry = new FileDedupeRegistry(
    log,
    options.windowMs,
    options.refreshMs ?? 1000,
    clock,
    machineOf(dir),
  );
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
  readonly #machine: Machine;
  #refreshedAt = Number.NEGATIVE_INFINITY;

  constructor(log: DayLog, windowMs: number, refreshMs: number, clock: Clock, machine: Machine) {
    this.#log = log;
    this.#windowMs = windowMs;
    this.#refreshMs = refreshMs;
    this.#clock = clock;
    this.#machine = machine;
    machine.registries.add(this);
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

  claim(
    phoneKey: number,
    campaign: string,
    now: number,
    windowMs: number | undefined,
    own?: PhoneClaim,
  ): ClaimResult {
    const claims = this.#machine.claims.get(phoneKey);
    if (windowMs !== undefined && windowMs > 0) {
      if (windowMs > this.#windowMs) {
        throw new RangeError(
          `claim window ${windowMs} ms is longer than the ${this.#windowMs} ms the registry was opened for`,
        );
      }
      const other = claims?.find((claim) => claim !== own);
      if (other !== undefined) return { held: { campaign: other.campaign, at: other.at } };
      const hit = this.#find(phoneKey, now, windowMs);
      if (hit !== undefined) return { held: hit };
    }
    if (own instanceof Claim && claims?.includes(own)) return { claim: own };
    const claim = new Claim(phoneKey, campaign, now, this);
    if (claims === undefined) this.#machine.claims.set(phoneKey, [claim]);
    else claims.push(claim);
    return { claim };
  }

  /** Ends `claim` (Claim.release). */
  unclaim(claim: Claim): void {
    const claims = this.#machine.claims.get(claim.phoneKey);
    if (claims === undefined) return;
    const left = claims.filter((c) => c !== claim);
    if (left.length === 0) this.#machine.claims.delete(claim.phoneKey);
    else this.#machine.claims.set(claim.phoneKey, left);
  }

  async record(phoneKey: number, at: Date | number, campaign: string): Promise<void> {
    const ms = toMs(at);
    // Every registry of this process knows it before this returns to the event loop.
    for (const registry of this.#machine.registries) registry.#remember(phoneKey, ms, campaign);
    await this.#log.append(ms, JSON.stringify({ p: phoneKey, at: ms, c: campaign }));
  }

  async refresh(now: Date | number = this.#clock.now()): Promise<void> {
    const ms = toMs(now);
    // After the first read, only the days that can still grow: lines are appended to the day of their
    // time, which is about now, so a 60-day window does not open 60 files before every request.
    const from = Math.max(ms - this.#windowMs, Math.min(ms, this.#refreshedAt) - DAY_MS);
    this.#refreshedAt = ms;
    await this.#log.readNew(from, ms, (line) => {
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
    this.#machine.registries.delete(this);
    for (const [phoneKey, claims] of this.#machine.claims) {
      const left = claims.filter((claim) => claim.registry !== this);
      if (left.length === 0) this.#machine.claims.delete(phoneKey);
      else this.#machine.claims.set(phoneKey, left);
    }
    if (this.#machine.registries.size === 0) {
      for (const [key, machine] of machines) if (machine === this.#machine) machines.delete(key);
    }
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
