import {
  corruptLineError,
  HEADER_START,
  type JournalHeader,
  type JournalRecord,
  notJournalError,
  parseHeader,
  parseRecord,
} from "./format.js";
import { packIso } from "./iso-time.js";
import { readLines } from "./lines.js";
import { OutcomeFields, type RowTable, STATUS_CODE } from "./row-table.js";
import { LineScanner } from "./scan.js";

export interface ReplayResult {
  /** Undefined when the file holds no complete header (empty, or torn while being created). */
  readonly header: JournalHeader | undefined;
  /** Bytes that hold good records; anything after is a torn tail the writer must cut off. */
  readonly goodLength: number;
  readonly size: number;
  /** The first line of the torn tail, when there was one. */
  readonly tornLine: number | undefined;
  readonly lastRunAt: string | undefined;
  readonly runs: number;
  /** Lines read the slow way (JSON.parse): run markers and records with escapes; the rest took the fast path. */
  readonly slowLines: number;
}

/**
 * Replays a journal into `table`. A crash can leave only the END of the file unfinished, so: bad
 * lines at the very end are a torn tail (reported, to be cut off), while a bad line with a good one
 * after it means the file was damaged some other way, and replay refuses to guess.
 */
export async function replayJournal(path: string, table: RowTable): Promise<ReplayResult> {
  const scanner = new LineScanner(table, new OutcomeFields());
  const applier = new RecordApplier(table);
  let header: JournalHeader | undefined;
  let goodLength = 0;
  let firstBad: number | undefined;
  let lastRunAt: string | undefined;
  let runs = 0;
  let slowLines = 0;

  const { size, completeEnd, lines, tailStart } = await readLines(
    path,
    (buf, start, end, lineNumber, endOffset) => {
      if (lineNumber === 1 && isBlank(buf, start, end)) {
        firstBad = 1; // a power loss while the header was written: torn, unless good lines follow
        return;
      }
      if (lineNumber === 1) {
        header = parseHeader(buf.toString("utf8", start, end), path);
        goodLength = endOffset;
        return;
      }
      if (!scanner.scan(buf, start, end)) {
        slowLines++;
        const record = parseRecord(buf.toString("utf8", start, end));
        if (record === undefined) {
          firstBad ??= lineNumber;
          return;
        }
        if (record.t === "run") {
          lastRunAt = record.at;
          runs++;
        } else applier.apply(record);
      }
      // Only reached for a good record; the scanner has applied it already, which is harmless when
      // we throw: the whole replay is then discarded.
      if (firstBad !== undefined) throw corruptLineError(path, firstBad);
      goodLength = endOffset;
    },
  );
  if (header === undefined && firstBad === undefined && !mayBeTornHeader(tailStart))
    throw notJournalError(path);
  const tornLine = firstBad ?? (completeEnd < size ? lines + 1 : undefined);
  return { header, goodLength, size, tornLine, lastRunAt, runs, slowLines };
}

/** Applies parsed records (the slow path of replay, and every record a running journal appends). */
export class RecordApplier {
  readonly #fields = new OutcomeFields();

  constructor(private readonly table: RowTable) {}

  apply(record: Exclude<JournalRecord, { t: "run" }>): void {
    if (record.t === "i") {
      this.table.intent(record.p, record.r, record.a);
      return;
    }
    const fields = this.#fields.reset();
    fields.code = record.c;
    fields.message = record.m;
    if (record.s === "failed" || record.s === "invalid") fields.rowHash = record.h;
    if (typeof record.id === "number") fields.requestId = record.id;
    else fields.requestIdText = record.id;
    if (record.at !== undefined) {
      const packed = packIso(record.at);
      if (packed === undefined) fields.sentText = record.at;
      else Object.assign(fields.sent, packed);
    }
    this.table.outcome(record.p, record.r, STATUS_CODE[record.s], record.a, fields);
  }
}

/**
 * An unfinished first line is a header torn while the journal was created only if it starts the way
 * every header does; anything else is a foreign file that must not be truncated.
 */
function mayBeTornHeader(start: string): boolean {
  const trimmed = start.replace(/\0+$/, "");
  return trimmed === "" || HEADER_START.startsWith(trimmed) || trimmed.startsWith(HEADER_START);
}

/** Whitespace and NUL bytes only: what a power loss can leave where a line was being written. */
function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = buf[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d && byte !== 0x00) return false;
  }
  return true;
}
