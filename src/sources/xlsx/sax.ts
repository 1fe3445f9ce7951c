/**
 * The SAX parser every XLSX part goes through: exceljs's event shape (one array of events per chunk,
 * see ParseSax), with two things its own wrapper lacks.
 *
 * - A bound on text. saxes gathers a text node (and an attribute value, a comment, a tag name) in
 *   one string until the next tag. A 3 MB workbook whose one cell inflates to 3 GB therefore grew a
 *   string until V8 gave up ("Invalid string length") after ~600 MB. Excel holds at most 32,767
 *   characters in a cell; here the gathered text is measured after every piece of at most 64 KiB, and
 *   parsing stops with a CellTooLongError as soon as it passes that limit, before the string is built.
 * - UTF-8 decoded across chunk boundaries. exceljs decodes each chunk on its own (TextDecoder
 *   without `stream`), so a Cyrillic letter split between two inflated chunks became two U+FFFD.
 */
import { createRequire } from "node:module";
import { StringDecoder } from "node:string_decoder";
import type { SaxEvent, SaxTag } from "./exceljs.js";

/** Excel's own limit on the text of one cell. */
export const MAX_CELL_CHARS = 32_767;

/** Where an over-long text is, as far as the reader that met it can tell. */
export interface TextPlace {
  /** The cell, `C7`. */
  readonly ref?: string | undefined;
  /** The tab the cell is on. */
  readonly sheet?: string | undefined;
  /** The index of the `<si>` in xl/sharedStrings.xml, when the text is a shared string. */
  readonly sharedString?: number | undefined;
}

/** Text longer than Excel allows in a cell, with what is known of where it is. */
export class CellTooLongError extends Error {
  readonly place: TextPlace;

  constructor(place: TextPlace = {}) {
    // i18n-exempt: never shown; open-xlsx.ts says it as E_INPUT_CELL_TOO_LONG
    super(`a cell holds more than ${MAX_CELL_CHARS} characters`);
    this.name = "CellTooLongError";
    this.place = place;
  }

  /** The same error, placed more precisely (what is already known stays). */
  at(place: TextPlace): CellTooLongError {
    return new CellTooLongError({
      ref: this.place.ref ?? place.ref,
      sheet: this.place.sheet ?? place.sheet,
      sharedString: this.place.sharedString ?? place.sharedString,
    });
  }
}

/** Characters a cell shows for `text` as written in the XML: each `_xHHHH_` escape is one character. */
export function visibleLength(text: string): number {
  if (!text.includes("_x")) return text.length;
  let escapes = 0;
  for (const _ of text.matchAll(/_x[0-9A-Fa-f]{4}_/g)) escapes++;
  return text.length - escapes * 6;
}

/** True when gathered text is longer than any cell may be. */
export function overCellLimit(text: string): boolean {
  return text.length > MAX_CELL_CHARS && visibleLength(text) > MAX_CELL_CHARS;
}

/** What the parser gathers between tags (saxes 5 keeps it in these fields; absent ones read as ""). */
interface SaxesInternals {
  readonly text?: unknown;
  readonly name?: unknown;
}

interface SaxesParser extends SaxesInternals {
  on(event: "opentag" | "closetag", handler: (tag: SaxTag) => void): void;
  on(event: "text", handler: (text: string) => void): void;
  on(event: "error", handler: (error: Error) => void): void;
  write(chunk: string): void;
}

const exceljsRequire = createRequire(createRequire(import.meta.url).resolve("exceljs"));
const { SaxesParser: Parser } = exceljsRequire("saxes") as { SaxesParser: new () => SaxesParser };

/** Pieces written to the parser at once: text grows by at most this much between two checks. */
const PIECE_BYTES = 64 * 1024;

function gathered(parser: SaxesInternals): boolean {
  const { text, name } = parser;
  return (
    (typeof text === "string" && overCellLimit(text)) || (typeof name === "string" && overCellLimit(name))
  );
}

/**
 * Parses the XML of `chunks`: an array of events per chunk. Throws CellTooLongError, after yielding
 * the events before it (so the caller knows which cell it was in), when text passes Excel's limit.
 */
export async function* parseSaxBounded(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new Parser();
  const decoder = new StringDecoder("utf8");
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on("error", (e) => {
    error ??= e;
  });
  parser.on("opentag", (value) => events.push({ eventType: "opentag", value }));
  parser.on("text", (value) => events.push({ eventType: "text", value }));
  parser.on("closetag", (value) => events.push({ eventType: "closetag", value }));

  const write = (text: string): boolean => {
    parser.write(text);
    if (error !== undefined) throw error;
    return gathered(parser);
  };
  for await (const chunk of chunks) {
    let tooLong = false;
    if (typeof chunk === "string") {
      for (let at = 0; at < chunk.length && !tooLong; at += PIECE_BYTES) {
        tooLong = write(chunk.slice(at, at + PIECE_BYTES));
      }
    } else {
      for (let at = 0; at < chunk.length && !tooLong; at += PIECE_BYTES) {
        tooLong = write(decoder.write(chunk.subarray(at, at + PIECE_BYTES)));
      }
    }
    if (events.length > 0) yield events;
    events = [];
    if (tooLong) throw new CellTooLongError();
  }
  const rest = decoder.end();
  if (rest !== "" && write(rest)) throw new CellTooLongError();
  if (events.length > 0) yield events;
}
