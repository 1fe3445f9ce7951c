import type { JournaledStatus } from "./format.js";
import { type PackedIso, unpackIso } from "./iso-time.js";
import { grow, PhoneSlots } from "./phone-slots.js";
import { NO_ANSWER_MESSAGE, type PriorState } from "./prior.js";

/** Status codes in the Uint8 column. IN_FLIGHT = an intent with no outcome after it (yet). */
const IN_FLIGHT = 1;
export const STATUS_CODE: Readonly<Record<JournaledStatus, number>> = {
  sent: 2,
  failed: 3,
  invalid: 4,
  unknown: 5,
  pending: 6,
};
const NAMES = ["none", "in-flight", "sent", "failed", "invalid", "unknown", "pending"] as const;

/**
 * An outcome's details, filled in place by whoever decodes a record (a reused object: replay
 * decodes two million of them and allocates none). Call `reset()` before filling.
 */
export class OutcomeFields {
  /** Numeric request id, NaN when none or when it is `requestIdText`. */
  requestId = Number.NaN;
  requestIdText: string | undefined;
  /** sentAt as numbers; `sent.ms` NaN when none or when it is `sentText`. */
  readonly sent: PackedIso = { ms: Number.NaN, offset: 0, format: 0 };
  sentText: string | undefined;
  code: number | string | undefined;
  message: string | undefined;
  /** The row's content hash: kept only for failed and invalid rows, the only ones matched by content. */
  rowHash: string | undefined;

  reset(): this {
    this.requestId = Number.NaN;
    this.requestIdText = undefined;
    this.sent.ms = Number.NaN;
    this.sentText = undefined;
    this.code = undefined;
    this.message = undefined;
    this.rowHash = undefined;
    return this;
  }
}

/** What is rare (reasons of failed/unknown rows) or odd-shaped (string ids and times) lives in a Map. */
interface Extra {
  code?: number | string;
  message?: string;
  requestId?: string;
  sentAt?: string;
  rowHash?: string;
}

export type StatusCounts = Record<JournaledStatus, number>;

/**
 * The replayed state of every phone the journal has seen: the latest record wins. Parallel typed
 * arrays indexed by PhoneSlots' dense ids keep a million rows in ~60 MB. Content hashes are kept
 * only for failed and invalid rows (few): sent and unknown rows are matched by phone alone.
 */
export class RowTable {
  readonly #ids: PhoneSlots;
  #status: Uint8Array;
  #attempts: Uint16Array;
  #row: Uint32Array;
  #requestId: Float64Array;
  #sentMs: Float64Array;
  #sentOffset: Int16Array;
  #sentFormat: Uint8Array;
  /** 1 where #extra has an entry: saves a Map lookup per record for the rows (nearly all) without. */
  #hasExtra: Uint8Array;
  readonly #extra = new Map<number, Extra>();

  /** @param expected phones to size for up front (replay guesses from the file size). */
  constructor(expected = 1024) {
    const n = Math.max(16, Math.min(expected, 1 << 24));
    this.#ids = new PhoneSlots(n);
    this.#status = new Uint8Array(n);
    this.#attempts = new Uint16Array(n);
    this.#row = new Uint32Array(n);
    this.#requestId = new Float64Array(n);
    this.#sentMs = new Float64Array(n);
    this.#sentOffset = new Int16Array(n);
    this.#sentFormat = new Uint8Array(n);
    this.#hasExtra = new Uint8Array(n);
  }

  get size(): number {
    return this.#ids.size;
  }

  intent(phoneKey: number, rowNumber: number, attempt: number): void {
    const id = this.#touch(phoneKey, rowNumber, attempt);
    this.#status[id] = IN_FLIGHT;
    if (this.#hasExtra[id] === 1) this.#dropExtra(id);
  }

  outcome(
    phoneKey: number,
    rowNumber: number,
    status: number,
    attempts: number,
    fields: OutcomeFields,
  ): void {
    const id = this.#touch(phoneKey, rowNumber, attempts);
    this.#status[id] = status;
    this.#requestId[id] = fields.requestId;
    this.#sentMs[id] = fields.sent.ms;
    this.#sentOffset[id] = fields.sent.offset;
    this.#sentFormat[id] = fields.sent.format;
    if (
      fields.code === undefined &&
      fields.message === undefined &&
      fields.requestIdText === undefined &&
      fields.sentText === undefined &&
      fields.rowHash === undefined
    ) {
      if (this.#hasExtra[id] === 1) this.#dropExtra(id);
      return;
    }
    const extra: Extra = {};
    if (fields.code !== undefined) extra.code = fields.code;
    if (fields.message !== undefined) extra.message = fields.message;
    if (fields.requestIdText !== undefined) extra.requestId = fields.requestIdText;
    if (fields.sentText !== undefined) extra.sentAt = fields.sentText;
    if (fields.rowHash !== undefined) extra.rowHash = fields.rowHash;
    this.#extra.set(id, extra);
    this.#hasExtra[id] = 1;
  }

  #dropExtra(id: number): void {
    this.#extra.delete(id);
    this.#hasExtra[id] = 0;
  }

  /** The attempt number of the last record for this phone (to carry into an outcome that has none). */
  attemptsOf(phoneKey: number): number {
    const id = this.#ids.get(phoneKey);
    return id < 0 ? 0 : this.#attempts[id]!;
  }

  /** `rowHash` may be a function: hashing a row costs more than the lookup, and only failed rows need it. */
  prior(phoneKey: number, rowHash: string | (() => string)): PriorState | undefined {
    const id = this.#ids.get(phoneKey);
    if (id < 0) return undefined;
    const attempts = this.#attempts[id]!;
    const rowNumber = this.#row[id]!;
    const extra = this.#hasExtra[id] === 1 ? this.#extra.get(id) : undefined;
    const status = NAMES[this.#status[id]!]!;
    switch (status) {
      case "sent": {
        const ms = this.#sentMs[id]!;
        const sentAt = Number.isNaN(ms)
          ? (extra?.sentAt ?? "")
          : unpackIso(ms, this.#sentOffset[id]!, this.#sentFormat[id]!);
        const numeric = this.#requestId[id]!;
        const requestId = Number.isNaN(numeric) ? (extra?.requestId ?? "") : numeric;
        return { status, requestId, sentAt, attempts, rowNumber };
      }
      case "in-flight":
        return { status: "unknown", message: NO_ANSWER_MESSAGE, attempts, rowNumber, noAnswer: true };
      case "unknown":
        return {
          status,
          ...codeOf(extra),
          message: extra?.message ?? NO_ANSWER_MESSAGE,
          attempts,
          rowNumber,
          noAnswer: false,
        };
      case "failed":
      case "invalid":
        if (extra?.rowHash !== (typeof rowHash === "function" ? rowHash() : rowHash)) return undefined;
        return { status, ...codeOf(extra), message: extra?.message ?? status, attempts, rowNumber };
      case "pending":
        return { status, attempts, rowNumber };
      case "none":
        return undefined;
    }
  }

  /** Rows by status, the way `ctdial status` counts them (an intent without outcome is `unknown`). */
  counts(): StatusCounts {
    const byCode = new Array<number>(NAMES.length).fill(0);
    const status = this.#status;
    for (let id = 0; id < this.#ids.size; id++) byCode[status[id]!]!++;
    return {
      sent: byCode[STATUS_CODE.sent]!,
      failed: byCode[STATUS_CODE.failed]!,
      invalid: byCode[STATUS_CODE.invalid]!,
      unknown: byCode[STATUS_CODE.unknown]! + byCode[IN_FLIGHT]!,
      pending: byCode[STATUS_CODE.pending]!,
    };
  }

  #touch(phoneKey: number, rowNumber: number, attempts: number): number {
    const id = this.#ids.add(phoneKey);
    if (id >= this.#status.length) this.#growColumns(id + 1);
    this.#row[id] = rowNumber;
    this.#attempts[id] = Math.min(attempts, 0xffff);
    return id;
  }

  #growColumns(needed: number): void {
    this.#status = grow(this.#status, needed, (n) => new Uint8Array(n));
    this.#attempts = grow(this.#attempts, needed, (n) => new Uint16Array(n));
    this.#row = grow(this.#row, needed, (n) => new Uint32Array(n));
    this.#requestId = grow(this.#requestId, needed, (n) => new Float64Array(n));
    this.#sentMs = grow(this.#sentMs, needed, (n) => new Float64Array(n));
    this.#sentOffset = grow(this.#sentOffset, needed, (n) => new Int16Array(n));
    this.#sentFormat = grow(this.#sentFormat, needed, (n) => new Uint8Array(n));
    this.#hasExtra = grow(this.#hasExtra, needed, (n) => new Uint8Array(n));
  }
}

function codeOf(extra: Extra | undefined): { code?: number | string } {
  return extra?.code === undefined ? {} : { code: extra.code };
}
