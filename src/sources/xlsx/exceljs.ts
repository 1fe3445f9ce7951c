/**
 * The one place that reaches into exceljs beyond its typed surface. From exceljs 4.4's streaming
 * WorkbookReader we use its part parsers for the workbook relationships and for styles.xml (the
 * number formats), its SAX wrapper and the zip parser it depends on
 * (unzipper). We do not use its `parse()` loop nor its cell decoding, which lose data (see
 * zip.ts and sheet-reader.ts). If a future exceljs renames these internals,
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

/** The parts of exceljs's WorkbookReader instance we rely on: part parsers and what they set. */
export interface RawWorkbookReader {
  workbookRels?: WorkbookRelationship[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null | undefined };
  _parseRels(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
}

/** A zip entry from unzipper's Parse: a stream of the uncompressed part. */
export interface ZipEntry extends Readable {
  readonly path: string;
  autodrain(): unknown;
}

/** unzipper's streaming zip parser, as exceljs depends on it. */
export interface ZipParser extends NodeJS.WritableStream {
  on(event: "entry", listener: (entry: ZipEntry) => void): this;
  on(event: "error", listener: (error: unknown) => void): this;
  on(event: "close", listener: () => void): this;
}

const require = createRequire(import.meta.url);
const exceljsRequire = createRequire(require.resolve("exceljs"));

export const parseSax = require("exceljs/lib/utils/parse-sax.js") as ParseSax;
export const iterateStream = require("exceljs/lib/utils/iterate-stream.js") as IterateStream;
const unzipper = exceljsRequire("unzipper") as { Parse(options?: object): ZipParser };

export function createZipParser(): ZipParser {
  return unzipper.Parse();
}

/**
 * A WorkbookReader used for its part parsers only (its constructor reads nothing). Styles are
 * cached because the number format of a cell's style is what makes a number a date.
 */
export function createWorkbookReader(path: string): RawWorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "ignore",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as RawWorkbookReader;
  assertReaderShape(reader);
  return reader;
}

function assertReaderShape(reader: RawWorkbookReader): void {
  const missing = (["_parseRels", "_parseStyles"] as const).filter(
    (name) => typeof reader[name] !== "function",
  );
  if (missing.length > 0 || typeof reader.styles?.getStyleModel !== "function") {
    throw new Error(
      // i18n-exempt: only an exceljs upgrade that ctdial was not adapted to raises this
      `exceljs's WorkbookReader no longer has ${missing.join(", ") || "styles.getStyleModel"}; sources/xlsx/exceljs.ts needs updating`,
    );
  }
}
