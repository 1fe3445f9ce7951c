import { ConfigError } from "../errors.js";

/**
 * The journal file, one JSON object per line, append-only:
 *   line 1  header  {"v":1,"kind":"ctdial-journal","source":...,"routeKey":...,"createdAt":ISO}
 *   intent  {"t":"i","r":row,"p":phoneKey,"h":rowHash,"a":attempt,"ts":epochMs}   durable before sending
 *   outcome {"t":"o","r":row,"p":phoneKey,"h":rowHash,"s":status,"a":attempts,
 *            "c"?:code,"m"?:message,"id"?:requestId,"at"?:sentAt ISO}
 *   run     {"t":"run","at":ISO,"pid":n,"cmd":"run"|"retry"|...}
 * Keys are short because a million-row campaign writes two million lines. Never a token: nothing
 * that reaches this module carries one (requests are journaled as hashes, not bodies or headers).
 */
export const JOURNAL_VERSION = 1;
export const JOURNAL_KIND = "ctdial-journal";

export interface JournalHeader {
  readonly v: number;
  readonly kind: typeof JOURNAL_KIND;
  readonly source: string;
  readonly routeKey: string;
  readonly createdAt: string;
}

/** Outcome statuses the journal records; `skipped` and `would-send` are recomputed every run. */
export type JournaledStatus = "sent" | "failed" | "invalid" | "unknown" | "pending";
export const JOURNALED_STATUSES: readonly JournaledStatus[] = [
  "sent",
  "failed",
  "invalid",
  "unknown",
  "pending",
];

export interface IntentRecord {
  readonly t: "i";
  readonly r: number;
  readonly p: number;
  readonly h: string;
  readonly a: number;
  readonly ts: number;
}

export interface OutcomeRecord {
  readonly t: "o";
  readonly r: number;
  readonly p: number;
  readonly h: string;
  readonly s: JournaledStatus;
  readonly a: number;
  readonly c?: number | string;
  readonly m?: string;
  readonly id?: number | string;
  readonly at?: string;
}

export interface RunRecord {
  readonly t: "run";
  readonly at: string;
  readonly pid: number;
  readonly cmd: string;
}

export type JournalRecord = IntentRecord | OutcomeRecord | RunRecord;

/** Parses one record line; undefined when the line is not a well-formed record (torn or corrupt). */
export function parseRecord(line: string): JournalRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  switch (record.t) {
    case "i":
      return isRowRef(record) && isCount(record.a) && typeof record.ts === "number"
        ? (value as IntentRecord)
        : undefined;
    case "o":
      return isRowRef(record) &&
        isCount(record.a) &&
        (JOURNALED_STATUSES as readonly unknown[]).includes(record.s) &&
        isOptional(record.c, "code") &&
        isOptional(record.m, "string") &&
        isOptional(record.id, "code") &&
        isOptional(record.at, "string")
        ? (value as OutcomeRecord)
        : undefined;
    case "run":
      return typeof record.at === "string" && typeof record.pid === "number" && typeof record.cmd === "string"
        ? (value as RunRecord)
        : undefined;
    default:
      return undefined;
  }
}

function isRowRef(record: Record<string, unknown>): boolean {
  return (
    isCount(record.r) &&
    Number.isSafeInteger(record.p) &&
    (record.p as number) > 0 &&
    typeof record.h === "string"
  );
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isOptional(value: unknown, kind: "string" | "code"): boolean {
  if (value === undefined) return true;
  return kind === "string"
    ? typeof value === "string"
    : typeof value === "string" || typeof value === "number";
}

/** Checks a complete line 1: the header, or an error saying why this file cannot be continued. */
export function parseHeader(line: string, path: string): JournalHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    value = undefined;
  }
  const header = value as Partial<JournalHeader> | null | undefined;
  if (
    typeof header !== "object" ||
    header === null ||
    header.kind !== JOURNAL_KIND ||
    typeof header.v !== "number"
  ) {
    throw notJournalError(path);
  }
  if (header.v !== JOURNAL_VERSION) {
    throw new ConfigError({
      code: "E_JOURNAL_VERSION",
      params: { path, version: header.v, supported: JOURNAL_VERSION },
    });
  }
  if (
    typeof header.source !== "string" ||
    typeof header.routeKey !== "string" ||
    typeof header.createdAt !== "string"
  ) {
    throw notJournalError(path);
  }
  return header as JournalHeader;
}

/** How every header starts (JSON.stringify keeps key order): what a header torn by a crash begins with. */
export const HEADER_START = `{"v":`;

export function notJournalError(path: string): ConfigError {
  return new ConfigError({ code: "E_JOURNAL_NOT_JOURNAL", params: { path } });
}

export function corruptLineError(path: string, line: number): ConfigError {
  return new ConfigError({ code: "E_JOURNAL_CORRUPT", params: { path, line } });
}
