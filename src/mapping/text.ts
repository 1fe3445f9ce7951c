import type { Cell } from "../sources/types.js";
import { isDateCell, isErrorCell } from "../sources/types.js";

/**
 * A cell as the text a person sees in their spreadsheet, for string fields of the request (fields,
 * utm*, tags, ...). Undefined for an empty cell, so that the key can be left out of the request.
 *
 * Decisions: integers keep every digit (79991234501, never 7.99912E+10); fractions are shown with
 * Excel's 15 significant digits (0.1 + 0.2 is "0.3"); booleans are TRUE/FALSE; a date cell is
 * `dd.mm.yyyy hh:mm:ss` as Russian spreadsheets show it, or `dd.mm.yyyy` when it has no time of day.
 * Surrounding spaces are trimmed (nobody sees them); line breaks inside are kept.
 */
export function cellToText(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === "string") {
    const trimmed = cell.trim();
    return trimmed === "" ? undefined : trimmed;
  }
  if (typeof cell === "number") return numberToText(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (isDateCell(cell)) return wallClockToText(cell.wallClock);
  if (isErrorCell(cell)) return cell.text;
  return undefined;
}

function numberToText(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return String(Number(value.toPrecision(15)));
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/;

function wallClockToText(wallClock: string): string {
  const m = WALL_CLOCK.exec(wallClock);
  if (m === null) return wallClock;
  const [, year, month, day, hour, minute, second] = m;
  const date = `${day}.${month}.${year}`;
  return hour === "00" && minute === "00" && second === "00" ? date : `${date} ${hour}:${minute}:${second}`;
}

/** A value cut to a readable length for a message, which quotes it: it names the value, it need not hold all of it. */
export function shortValue(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** A value quoted for an English message, cut to a readable length (see shortValue). */
export function quoteValue(value: string, max = 40): string {
  return `"${shortValue(value, max)}"`;
}
