/**
 * The fake's spreadsheet model: tabs of cells as Google Sheets keeps them (a value, its number
 * format, an error, a formula), and how the ru_RU locale displays them. Imports only node builtins,
 * so that the fake also runs as its own process (see spawn.ts).
 */

export type NumberFormatType = "DATE" | "DATE_TIME" | "TIME" | "NUMBER" | "SCIENTIFIC" | "TEXT";

/** A cell with more than a plain value: a format, an error or a formula. Plain JSON, for the control API. */
export interface RichCell {
  readonly value: string | number | boolean | null;
  readonly format?: NumberFormatType;
  /** `#N/A`, `#REF!`, ...: the cell shows an error. */
  readonly error?: string;
  /** The formula text; `value` is its result. */
  readonly formula?: string;
}

export type FakeCell = string | number | boolean | null | RichCell;

export interface FakeTab {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  /** Row-major cells from A1; missing rows and cells are empty. */
  rows: FakeCell[][];
}

export interface FakeSpreadsheet {
  spreadsheetId: string;
  title: string;
  locale: string;
  timeZone: string;
  /** `none`: not shared with the caller (403); `reader`: view-only (writes answer 403). */
  access: "editor" | "reader" | "none";
  /** `xlsx`: an Excel file opened in Sheets without converting (400 FAILED_PRECONDITION). */
  kind: "sheets" | "xlsx";
  tabs: FakeTab[];
}

const MS_PER_DAY = 86_400_000;
const SHEETS_EPOCH = Date.UTC(1899, 11, 30);

/** A date(-time) cell from a wall clock `yyyy-mm-ddThh:mm:ss` (or a date alone). */
export function dateCell(wallClock: string): RichCell {
  const hasTime = wallClock.includes("T");
  const ms = Date.parse(`${hasTime ? wallClock : `${wallClock}T00:00:00`}Z`);
  return { value: (ms - SHEETS_EPOCH) / MS_PER_DAY, format: hasTime ? "DATE_TIME" : "DATE" };
}

export function errorCell(text: string): RichCell {
  return { value: null, error: text };
}

export function formulaCell(formula: string, result: string | number | boolean): RichCell {
  return { value: result, formula };
}

/** A number shown with a format (`NUMBER` groups digits, `SCIENTIFIC` shows `7,99912E+10`). */
export function formatted(value: number, format: NumberFormatType): RichCell {
  return { value, format };
}

export function richOf(cell: FakeCell | undefined): RichCell {
  if (cell === undefined || cell === null) return { value: null };
  if (typeof cell === "object") return cell;
  return { value: cell };
}

export function isEmptyCell(cell: FakeCell | undefined): boolean {
  const rich = richOf(cell);
  return rich.error === undefined && (rich.value === null || rich.value === "");
}

const ERROR_TYPES: Record<string, string> = {
  "#N/A": "N_A",
  "#REF!": "REF",
  "#DIV/0!": "DIVIDE_BY_ZERO",
  "#VALUE!": "VALUE",
  "#NAME?": "NAME",
  "#NUM!": "NUM",
  "#NULL!": "NULL_VALUE",
};

export function errorType(text: string): string {
  return ERROR_TYPES[text] ?? "ERROR";
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function serialParts(serial: number): Date {
  return new Date(SHEETS_EPOCH + Math.round(serial * 86_400) * 1000);
}

/** How a ru_RU spreadsheet displays the cell (FORMATTED_VALUE). */
export function formattedValue(cell: FakeCell | undefined): string {
  const rich = richOf(cell);
  if (rich.error !== undefined) return rich.error;
  const { value } = rich;
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  switch (rich.format) {
    case "DATE": {
      const d = serialParts(value);
      return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
    }
    case "DATE_TIME": {
      const d = serialParts(value);
      return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    }
    case "TIME": {
      const d = serialParts(value);
      return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    }
    case "SCIENTIFIC":
      return value.toExponential(5).replace(".", ",").replace("e", "E");
    case "NUMBER": {
      // ru_RU groups thousands with a no-break space and uses a decimal comma.
      const [whole = "", fraction] = String(value).split(".");
      const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
      return fraction === undefined ? grouped : `${grouped},${fraction}`;
    }
    default:
      return String(value).replace(".", ",");
  }
}

/** UNFORMATTED_VALUE: numbers as numbers; dates as serials or as their formatted text. */
export function unformattedValue(
  cell: FakeCell | undefined,
  dateTimeRender: "SERIAL_NUMBER" | "FORMATTED_STRING",
): string | number | boolean {
  const rich = richOf(cell);
  if (rich.error !== undefined) return rich.error;
  if (rich.value === null) return "";
  const isDate = rich.format === "DATE" || rich.format === "DATE_TIME" || rich.format === "TIME";
  if (isDate && dateTimeRender === "FORMATTED_STRING") return formattedValue(cell);
  return rich.value;
}

/** The grid-data `CellData` of a cell, before a `fields` mask is applied. */
export function cellData(cell: FakeCell | undefined): Record<string, unknown> {
  const rich = richOf(cell);
  if (isEmptyCell(cell)) return {};
  const data: Record<string, unknown> = { formattedValue: formattedValue(cell) };
  if (rich.error !== undefined) {
    data.effectiveValue = { errorValue: { type: errorType(rich.error), message: `error ${rich.error}` } };
  } else if (typeof rich.value === "number") data.effectiveValue = { numberValue: rich.value };
  else if (typeof rich.value === "boolean") data.effectiveValue = { boolValue: rich.value };
  else data.effectiveValue = { stringValue: rich.value };
  data.userEnteredValue =
    rich.formula !== undefined ? { formulaValue: rich.formula } : (data.effectiveValue as object);
  if (rich.format !== undefined) {
    const numberFormat = { type: rich.format };
    data.effectiveFormat = { numberFormat };
    data.userEnteredFormat = { numberFormat };
  }
  return data;
}
