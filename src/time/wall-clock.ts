/**
 * A wall-clock time with no zone, `yyyy-mm-ddThh:mm:ss`, as spreadsheets hold dates: the one
 * formatter for XLSX and Google Sheets cells, so that both sources give the same text for the same
 * date. Pure.
 */

/** `utcMs` read as a wall clock (its UTC fields); `undefined` outside the years 1 to 9999. */
export function formatWallClock(utcMs: number): string | undefined {
  const d = new Date(utcMs);
  const year = d.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) return undefined;
  return (
    `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
    `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
