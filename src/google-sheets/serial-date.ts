import { formatWallClock } from "../time/wall-clock.js";

const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The wall clock a Sheets date serial shows, as the API answers dates (`effectiveValue`, or
 * SERIAL_NUMBER rendering). Google Sheets counts days from 1899-12-30 for every serial (it has no
 * Lotus 1900-02-29), the fraction being the time of day; rounded to the second.
 */
export function serialWallClock(serial: number): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  return formatWallClock(SHEETS_EPOCH_MS + Math.round(serial * 86_400) * 1000);
}
