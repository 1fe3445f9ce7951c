import { autoMap } from "../campaign/auto-map.js";
import { normalizePhone } from "../mapping/phone.js";

/**
 * Which columns of an exclude file hold the phones, and whether its first row is a header or
 * already a phone. Pure. Exclude lists come from anywhere (a CRM export with a Телефон column, a
 * plain list of phones with no header at all), so, in order:
 * 1. every column whose header is recognised as a phone (all of them: a client listed with a mobile
 *    and a landline asked for neither to be dialed);
 * 2. else every column whose first-row cell is itself a phone: the file has no header row;
 * 3. else the only column of a one-column file, whose first row is a header name such as "Номера",
 *    or, when it is mostly digits, a phone written wrongly that must be reported like any other;
 * 4. else undefined: the caller says which columns the file has.
 */
export interface PhoneColumns {
  readonly columns: readonly number[];
  /** The first row is data (a phone, or a line that should have been one), not a header. */
  readonly firstRowIsData: boolean;
}

/** Digits that make a first row a (mistyped) phone rather than a header name such as "Телефон 2". */
const DATA_DIGITS = 5;

export function phoneColumns(firstRow: readonly string[]): PhoneColumns | undefined {
  const recognised = new Set(
    autoMap(firstRow)
      .recognised.filter(({ field }) => field === "phone")
      .map(({ header }) => header),
  );
  const byHeader = indexesWhere(firstRow, (cell) => recognised.has(cell.trim()));
  if (byHeader.length > 0) return { columns: byHeader, firstRowIsData: false };

  const byValue = indexesWhere(firstRow, (cell) => normalizePhone(cell).ok);
  if (byValue.length > 0) return { columns: byValue, firstRowIsData: true };

  const filled = indexesWhere(firstRow, (cell) => cell.trim() !== "");
  if (filled.length === 1) {
    const only = filled[0]!;
    return { columns: [only], firstRowIsData: countDigits(firstRow[only]!) >= DATA_DIGITS };
  }
  return undefined;
}

function indexesWhere(cells: readonly string[], test: (cell: string) => boolean): number[] {
  return cells.flatMap((cell, index) => (test(cell) ? [index] : []));
}

function countDigits(text: string): number {
  return text.replace(/\D/g, "").length;
}
