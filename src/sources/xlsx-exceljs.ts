/**
 * The one place that reaches into exceljs beyond its typed surface. exceljs 4.4's streaming
 * WorkbookReader does the zip streaming, workbook.xml / rels / styles parsing and the spooling of
 * worksheets that arrive before the shared strings; its own cell decoding loses data (see
 * xlsx-sheet-reader.ts), so we take each worksheet's raw XML chunks from it and decode them
 * ourselves with the same SAX wrapper exceljs uses. If a future exceljs renames these internals,
 * `assertReaderShape` fails loudly instead of reading a file wrongly.
 */
import { createRequire } from "node:module";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";

export interface SaxTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export type SaxEvent =
  | { readonly eventType: "opentag"; readonly value: SaxTag }
  | { readonly eventType: "closetag"; readonly value: SaxTag }
  | { readonly eventType: "text"; readonly value: string };

/** exceljs's saxes wrapper: one array of events per chunk of input. Entities are already decoded. */
export type ParseSax = (chunks: AsyncIterable<Buffer | string>) => AsyncIterable<SaxEvent[]>;

/** exceljs's stream-to-async-iterator adapter for zip entries. */
export type IterateStream = (stream: Readable) => AsyncIterable<Buffer>;

export interface WorkbookSheetEntry {
  readonly name: string;
  readonly id: number;
  readonly state?: string;
  readonly rId: string;
}

export interface WorkbookRelationship {
  readonly Id: string;
  readonly Type: string;
  readonly Target: string;
}

/** What the streaming WorksheetReader carries that we use: its raw XML chunks. */
export interface RawWorksheet {
  readonly iterator: AsyncIterable<Buffer | string>;
}

export type EntryEvent = { readonly type: string; readonly id?: string };

/** The parts of exceljs's WorkbookReader instance we rely on (all set by its own parse()). */
export interface RawWorkbookReader {
  parse(): AsyncGenerator<{ eventType: string; value: unknown }>;
  on(event: "entry", listener: (entry: EntryEvent) => void): unknown;
  model?: { sheets?: WorkbookSheetEntry[] };
  workbookRels?: WorkbookRelationship[];
  properties?: { model?: { date1904?: boolean } };
  styles: { getStyleModel(id: number): { numFmt?: string } | null | undefined };
  sharedStrings?: unknown[];
  _emitEntry(entry: EntryEvent): void;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}

const require = createRequire(import.meta.url);

export const parseSax = require("exceljs/lib/utils/parse-sax.js") as ParseSax;
export const iterateStream = require("exceljs/lib/utils/iterate-stream.js") as IterateStream;

/**
 * A WorkbookReader over `input`, configured for our use: worksheets emitted one by one, shared
 * strings and styles cached (styles carry the number formats that make a number a date), hyperlink
 * parts ignored (a hyperlink cell's value already is the text the user sees), entries emitted so
 * that we know which parts have been read.
 */
export function createWorkbookReader(input: Readable): RawWorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  }) as unknown as RawWorkbookReader;
  assertReaderShape(reader);
  return reader;
}

function assertReaderShape(reader: RawWorkbookReader): void {
  const missing = (["parse", "_emitEntry", "_parseSharedStrings"] as const).filter(
    (name) => typeof reader[name] !== "function",
  );
  if (missing.length > 0 || typeof reader.styles?.getStyleModel !== "function") {
    throw new Error(
      `exceljs's WorkbookReader no longer has ${missing.join(", ") || "styles.getStyleModel"}; xlsx-exceljs.ts needs updating`,
    );
  }
}
