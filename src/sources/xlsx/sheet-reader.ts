/**
 * Decodes one worksheet's XML (`xl/worksheets/sheetN.xml`) into rows of cells, streaming.
 *
 * We decode cells ourselves rather than take exceljs's streaming Row objects because its
 * WorksheetReader loses what a person sees in these cases (exceljs 4.4, lib/stream/xlsx/
 * worksheet-reader.js), none of which can be repaired after the fact:
 *  - an inline string with several rich-text runs keeps only the last run;
 *  - a formula whose cached result is an error (`t="e"`, e.g. =NA()) becomes NaN, losing `#N/A`;
 *  - a formula whose cached result is a boolean (`t="b"`) becomes the number 1 or 0;
 *  - a formula whose result is formatted as a date stays a serial number (only plain cells are
 *    checked against the date format);
 *  - inline and formula strings are entity-decoded twice (the text `&lt;` reads as `<`);
 *  - `_xHHHH_` escapes are left in, `t="d"` (ISO date) cells are read as numbers, and cells or
 *    rows without an `r` attribute, or tags with a namespace prefix, break it.
 * A cell's value is its cached `<v>` (or `<is>`) read by its type `t`, whether or not it has a
 * formula: that is what the spreadsheet program last showed.
 */

import { columnLetter } from "../column-letter.js";
import type { Cell } from "../types.js";
import { columnIndexOf, decodeOoxmlEscapes, isoToWallClock, lastRowOf, serialToWallClock } from "./cells.js";
import type { ParseSax, SaxTag } from "./exceljs.js";
import { CellTooLongError, MAX_CELL_CHARS, visibleLength } from "./sax.js";
import { localName, StringItemText } from "./strings.js";

export interface SheetContext {
  readonly sharedStrings: readonly (string | null)[];
  readonly date1904: boolean;
  /** Whether the cell style (the `s` attribute, an index into cellXfs) has a date/time number format. */
  isDateStyle(styleIndex: number): boolean;
  /** Whether that date format shows a time of day (`dd.mm.yyyy hh:mm`) or only a date (`dd.mm.yyyy`). */
  showsTime(styleIndex: number): boolean;
}

/** One `<row>`: cells by 0-based column index, `null` where the sheet has nothing. */
export interface SheetRow {
  readonly rowNumber: number;
  readonly cells: Cell[];
}

/**
 * The sheet's used range as its writer recorded it (`<dimension ref="A1:J200001"/>`, before the
 * rows): its last row, a size hint only, since a writer may leave it out or get it wrong.
 */
export interface SheetExtent {
  readonly lastRow: number;
}

/** A cell whose formula was never calculated (files written by libraries, not by Excel or Calc). */
// i18n-exempt: the cell's shown value, as a spreadsheet's own #VALUE! is; the rows area words the problem around it
export const UNCALCULATED_FORMULA: Cell = { type: "error", text: "formula with no saved result" };

interface CellState {
  ref: string;
  column: number;
  type: string;
  style: number;
  hasFormula: boolean;
  hasValue: boolean;
  value: string[];
  valueLength: number;
  hasInline: boolean;
}

function decodeNumber(text: string, state: CellState, context: SheetContext): Cell {
  const trimmed = text.trim();
  const number = trimmed === "" ? Number.NaN : Number(trimmed);
  if (Number.isNaN(number)) return text === "" ? null : text;
  if (context.isDateStyle(state.style)) {
    const wallClock = serialToWallClock(number, context.date1904);
    if (wallClock !== undefined) return dateCell(wallClock, context.showsTime(state.style));
  }
  return number;
}

const MIDNIGHT = "T00:00:00";

/** A date cell; at midnight it says whether the cell showed a time (a real 00:00) or just a date. */
function dateCell(wallClock: string, showsTime: boolean): Cell {
  return wallClock.endsWith(MIDNIGHT) ? { type: "date", wallClock, showsTime } : { type: "date", wallClock };
}

function decodeCell(state: CellState, inline: StringItemText, context: SheetContext): Cell {
  if (state.type === "inlineStr" && state.hasInline) return inline.result();
  if (!state.hasValue) return state.hasFormula ? UNCALCULATED_FORMULA : null;
  const text = state.value.length === 1 ? state.value[0]! : state.value.join("");
  switch (state.type) {
    case "s": {
      const index = Number(text.trim());
      const shared = context.sharedStrings[index];
      if (!Number.isInteger(index) || shared === undefined) {
        throw new Error(
          // i18n-exempt: a technical detail of a damaged file, quoted in E_INPUT_DAMAGED as a library's own words are
          `cell ${state.ref} refers to shared string ${text.trim()}, which the file does not have`,
        );
      }
      return shared;
    }
    case "str":
    case "inlineStr":
      return text === "" ? null : decodeOoxmlEscapes(text);
    case "b":
      return text.trim() === "1" || text.trim().toLowerCase() === "true";
    case "e":
      return { type: "error", text: text.trim() };
    case "d": {
      const wallClock = isoToWallClock(text);
      if (wallClock === undefined) return text;
      // The format says whether a time is shown; a cell without a date format, whether its text has one.
      const showsTime = context.isDateStyle(state.style)
        ? context.showsTime(state.style)
        : /\d[T ]\d/.test(text.trim());
      return dateCell(wallClock, showsTime);
    }
    default:
      return decodeNumber(text, state, context);
  }
}

/**
 * A `<v>` may come in several text events (split by a comment); together they are one cell, counted
 * event by event so that many small pieces cost no re-counting.
 */
function addValueText(cell: CellState, text: string): void {
  cell.value.push(text);
  cell.valueLength += visibleLength(text);
  if (cell.valueLength > MAX_CELL_CHARS) throw new CellTooLongError();
}

/** Excel's last column is XFD: a cell past it is no spreadsheet's, and a row of them has no end. */
const MAX_COLUMNS = 16_384;

function startCell(tag: SaxTag, previousColumn: number): CellState {
  const ref = tag.attributes.r ?? "";
  const fromRef = ref === "" ? -1 : columnIndexOf(ref);
  const style = Number.parseInt(tag.attributes.s ?? "0", 10);
  const column = fromRef >= 0 ? fromRef : previousColumn + 1;
  if (column >= MAX_COLUMNS) {
    // i18n-exempt: a technical detail of a damaged file, quoted in E_INPUT_DAMAGED as a library's own words are
    throw new Error(`cell ${ref || columnLetter(column)} is past column XFD, the last one Excel has`);
  }
  return {
    ref,
    column,
    type: tag.attributes.t ?? "n",
    style: Number.isNaN(style) ? 0 : style,
    hasFormula: false,
    hasValue: false,
    value: [],
    valueLength: 0,
    hasInline: false,
  };
}

/**
 * Rows of the sheet in file order (empty ones included); stops at the end of `<sheetData>`. A text
 * longer than a cell may hold stops it with a CellTooLongError naming the cell.
 */
export async function* readSheetRows(
  parseSax: ParseSax,
  chunks: AsyncIterable<Buffer | string>,
  context: SheetContext,
): AsyncGenerator<SheetRow | SheetExtent> {
  const where: { row?: number; column?: number; ref?: string } = {};
  try {
    yield* decodeRows(parseSax, chunks, context, where);
  } catch (error) {
    if (!(error instanceof CellTooLongError)) throw error;
    const ref =
      where.ref ||
      (where.row !== undefined && where.column !== undefined
        ? `${columnLetter(where.column)}${where.row}`
        : undefined);
    throw error.at({ ref });
  }
}

/** readSheetRows' loop; `where` is kept up to date with the cell being read, for error messages. */
async function* decodeRows(
  parseSax: ParseSax,
  chunks: AsyncIterable<Buffer | string>,
  context: SheetContext,
  where: { row?: number; column?: number; ref?: string },
): AsyncGenerator<SheetRow | SheetExtent> {
  const inline = new StringItemText();
  let inSheetData = false;
  let row: SheetRow | undefined;
  let previousRow = 0;
  let previousColumn = -1;
  let cell: CellState | undefined;
  let inValue = false;
  let inInline = false;

  for await (const events of parseSax(chunks)) {
    for (const event of events) {
      if (event.eventType === "text") {
        if (inValue && cell) addValueText(cell, event.value);
        else if (inInline) inline.text(event.value);
        continue;
      }
      const local = localName(event.value.name);
      if (event.eventType === "opentag") {
        if (inInline) {
          inline.open(local);
        } else if (local === "sheetData") {
          inSheetData = true;
        } else if (local === "dimension" && !inSheetData) {
          const lastRow = lastRowOf(event.value.attributes.ref);
          if (lastRow !== undefined) yield { lastRow };
        } else if (local === "row" && inSheetData) {
          const r = Number.parseInt(event.value.attributes.r ?? "", 10);
          row = { rowNumber: Number.isNaN(r) ? previousRow + 1 : r, cells: [] };
          previousColumn = -1;
          where.row = row.rowNumber;
        } else if (local === "c" && row) {
          cell = startCell(event.value, previousColumn);
          where.column = cell.column;
          where.ref = cell.ref;
        } else if (cell) {
          if (local === "v") {
            inValue = true;
            cell.hasValue = true;
          } else if (local === "f") {
            cell.hasFormula = true;
          } else if (local === "is") {
            inInline = true;
            cell.hasInline = true;
            inline.reset();
          }
        }
        continue;
      }
      // closetag
      if (local === "is" && inInline) {
        inInline = false;
      } else if (inInline) {
        inline.close(local);
      } else if (local === "v") {
        inValue = false;
      } else if (local === "c" && cell && row) {
        const value = decodeCell(cell, inline, context);
        if (value !== null) row.cells[cell.column] = value;
        previousColumn = cell.column;
        cell = undefined;
      } else if (local === "row" && row) {
        const done = row;
        previousRow = done.rowNumber;
        row = undefined;
        yield { rowNumber: done.rowNumber, cells: Array.from(done.cells, (c) => c ?? null) };
      } else if (local === "sheetData") {
        return;
      }
    }
  }
}
