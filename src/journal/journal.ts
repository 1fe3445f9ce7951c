import { open, stat, truncate } from "node:fs/promises";
import { dirname } from "node:path";
import { type Clock, systemClock } from "../clock.js";
import { ConfigError, StopError } from "../errors.js";
import { formatProblems } from "../mapping/types.js";
import type { RowOutcome } from "../outcome.js";
import { DurableAppender } from "./appender.js";
import { JOURNAL_KIND, JOURNAL_VERSION, type JournalHeader, type OutcomeRecord } from "./format.js";
import { type CampaignIdentity, journalPath } from "./identity.js";
import { acquireLock } from "./lock.js";
import type { PriorState } from "./prior.js";
import { RecordApplier, replayJournal } from "./replay.js";
import { RowTable, type StatusCounts } from "./row-table.js";
import { ensurePrivateDir, stateDirError } from "./state-dir.js";

export interface OpenJournalOptions {
  readonly stateDir: string;
  readonly identity: CampaignIdentity;
  /** Read what is there without locking, repairing or creating anything (`ctdial status`). @default false */
  readonly readOnly?: boolean;
  /** fdatasync every group of appends. Turn off only to measure what durability costs. @default true */
  readonly durable?: boolean;
  /** Where the records' times come from. @default systemClock */
  readonly clock?: Clock;
}

/** How a row is known to the journal: its phone (identity when sent), its content hash (when failed). */
export interface JournalRow {
  readonly rowNumber: number;
  readonly phoneKey: number;
  readonly rowHash: string;
}

export interface JournalStats {
  readonly path: string;
  /** False when no run of this campaign ever wrote a journal. */
  readonly exists: boolean;
  readonly source: string;
  readonly routeKey: string;
  readonly createdAt: string | undefined;
  /** ISO time of the last `run`/`retry` marker. */
  readonly lastRunAt: string | undefined;
  readonly runs: number;
  /** Distinct phones the journal has records for. */
  readonly rowsKnown: number;
  /** By each phone's latest record; an intent without outcome counts as `unknown`. */
  readonly counts: StatusCounts;
  /** Set when replay found a torn last line (a crash while writing) and ignored it from this line on. */
  readonly tornLine: number | undefined;
}

export interface Journal {
  readonly path: string;
  readonly identity: CampaignIdentity;
  /** What earlier runs (and this one so far) recorded for a row; undefined = never tried. */
  /** `rowHash` may be given as a function, called only when the phone's record needs it. */
  priorOf(phoneKey: number, rowHash: string | (() => string)): PriorState | undefined;
  /** Resolves once the intent is on disk: await it before the request leaves. */
  recordIntent(row: JournalRow, attempt: number): Promise<void>;
  /** Records a row's final (or stopping) outcome. `skipped` and `would-send` are not journaled. */
  recordOutcome(row: JournalRow, outcome: RowOutcome): Promise<void>;
  /** Marks the start of a run. `cmd` is the command name only (`run`, `retry`), never argv. */
  recordRun(cmd: string): Promise<void>;
  stats(): JournalStats;
  close(): Promise<void>;
}

/** Opens (creating, repairing a torn tail) and replays the journal of one campaign. */
export async function openJournal(options: OpenJournalOptions): Promise<Journal> {
  const path = journalPath(options.stateDir, options.identity);
  const clock = options.clock ?? systemClock;
  const size = await stat(path).then(
    (info) => info.size,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return -1;
      throw stateDirError(dirname(path), error);
    },
  );
  const exists = size >= 0;
  // A row takes two lines of ~105 bytes; sizing for that up front saves growing a big table.
  const table = new RowTable(Math.ceil(size / 180));
  if (options.readOnly === true) {
    const replay = exists ? await replayJournal(path, table) : undefined;
    if (replay?.header !== undefined) checkOwner(path, replay.header, options.identity);
    return new FileJournal(
      path,
      options.identity,
      table,
      replay?.header,
      replay,
      undefined,
      undefined,
      clock,
    );
  }
  try {
    await ensurePrivateDir(dirname(path));
  } catch (error) {
    throw stateDirError(dirname(path), error);
  }
  const release = await acquireLock(`${path.slice(0, -".jsonl".length)}.lock`);
  try {
    const replay = exists ? await replayJournal(path, table) : undefined;
    let header = replay?.header;
    if (header !== undefined) checkOwner(path, header, options.identity);
    // Cut a torn tail before appending, or the next record would be glued to half a line.
    if (replay !== undefined && replay.goodLength < replay.size) await truncate(path, replay.goodLength);
    const appender = await DurableAppender.open(path, { durable: options.durable ?? true });
    if (header === undefined) {
      header = {
        v: JOURNAL_VERSION,
        kind: JOURNAL_KIND,
        source: options.identity.source,
        routeKey: options.identity.routeKey,
        createdAt: new Date(clock.now()).toISOString(),
      };
      await appender.append(JSON.stringify(header));
      await syncDirectory(dirname(path));
    }
    return new FileJournal(path, options.identity, table, header, replay, appender, release, clock);
  } catch (error) {
    await release();
    throw error;
  }
}

class FileJournal implements Journal {
  readonly #table: RowTable;
  readonly #applier: RecordApplier;
  readonly #header: JournalHeader | undefined;
  readonly #appender: DurableAppender | undefined;
  readonly #release: (() => Promise<void>) | undefined;
  readonly #tornLine: number | undefined;
  #lastRunAt: string | undefined;
  #runs: number;
  #closed = false;
  readonly #clock: Clock;

  constructor(
    readonly path: string,
    readonly identity: CampaignIdentity,
    table: RowTable,
    header: JournalHeader | undefined,
    replay: { lastRunAt: string | undefined; runs: number; tornLine: number | undefined } | undefined,
    appender: DurableAppender | undefined,
    release: (() => Promise<void>) | undefined,
    clock: Clock,
  ) {
    this.#clock = clock;
    this.#table = table;
    this.#applier = new RecordApplier(table);
    this.#header = header;
    this.#appender = appender;
    this.#release = release;
    this.#tornLine = replay?.tornLine;
    this.#lastRunAt = replay?.lastRunAt;
    this.#runs = replay?.runs ?? 0;
  }

  priorOf(phoneKey: number, rowHash: string | (() => string)): PriorState | undefined {
    return this.#table.prior(phoneKey, rowHash);
  }

  recordIntent(row: JournalRow, attempt: number): Promise<void> {
    const record = {
      t: "i",
      r: row.rowNumber,
      p: row.phoneKey,
      h: row.rowHash,
      a: attempt,
      ts: this.#clock.now(),
    } as const;
    this.#applier.apply(record);
    return this.#append(record);
  }

  recordOutcome(row: JournalRow, outcome: RowOutcome): Promise<void> {
    if (outcome.status === "skipped" || outcome.status === "would-send") return Promise.resolve();
    const attempts =
      "attempts" in outcome && outcome.attempts !== undefined
        ? outcome.attempts
        : this.#table.attemptsOf(row.phoneKey);
    // Key order matters: it is the order the replay fast path (scan.ts) expects.
    const record: OutcomeRecord = {
      t: "o",
      r: row.rowNumber,
      p: row.phoneKey,
      h: row.rowHash,
      s: outcome.status,
      a: attempts,
      ...outcomeDetails(outcome),
    };
    this.#applier.apply(record);
    return this.#append(record);
  }

  recordRun(cmd: string): Promise<void> {
    const at = new Date(this.#clock.now()).toISOString();
    this.#lastRunAt = at;
    this.#runs++;
    return this.#append({ t: "run", at, pid: process.pid, cmd });
  }

  stats(): JournalStats {
    return {
      path: this.path,
      exists: this.#header !== undefined,
      source: this.identity.source,
      routeKey: this.identity.routeKey,
      createdAt: this.#header?.createdAt,
      lastRunAt: this.#lastRunAt,
      runs: this.#runs,
      rowsKnown: this.#table.size,
      counts: this.#table.counts(),
      tornLine: this.#tornLine,
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#appender?.close();
    await this.#release?.();
  }

  async #append(record: object): Promise<void> {
    if (this.#appender === undefined || this.#closed) {
      throw new Error(`the journal ${this.path} is ${this.#closed ? "closed" : "open read-only"}`);
    }
    try {
      // JSON.stringify drops undefined members, so optional keys cost nothing when absent.
      await this.#appender.append(JSON.stringify(record));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new StopError(
        { code: "E_JOURNAL_WRITE", params: { path: this.path, errno: code } },
        { cause: error },
      );
    }
  }
}

/** The c/m/id/at members of an outcome record, in writing order, only those that are set. */
function outcomeDetails(outcome: Exclude<RowOutcome, { status: "skipped" | "would-send" }>): {
  c?: number | string;
  m?: string;
  id?: number | string;
  at?: string;
} {
  switch (outcome.status) {
    case "sent":
      return { id: outcome.requestId, at: outcome.sentAt };
    case "invalid": {
      // RowOutcome's invalid has no code, but a Calltouch refusal (10013) may carry one at run time.
      const code = (outcome as { code?: unknown }).code;
      const m = formatProblems(outcome.problems);
      return typeof code === "number" || typeof code === "string" ? { c: code, m } : { m };
    }
    case "pending":
      return outcome.reason === undefined ? {} : { m: outcome.reason };
    default:
      return outcome.code === undefined ? { m: outcome.message } : { c: outcome.code, m: outcome.message };
  }
}

function checkOwner(path: string, header: JournalHeader, identity: CampaignIdentity): void {
  if (header.source === identity.source && header.routeKey === identity.routeKey) return;
  throw new ConfigError({
    code: "E_JOURNAL_OWNER",
    params: { path, source: header.source, routeKey: header.routeKey },
  });
}

/** A new file's directory entry is durable only once the directory itself is synced. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
