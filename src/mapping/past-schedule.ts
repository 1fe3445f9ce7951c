import { DateTime } from "luxon";
import type { Cell } from "../sources/types.js";
import { cachedZone } from "../time/cached-zone.js";
import { cellToText, quoteValue } from "./text.js";

/**
 * "the schedule time "01.02.2026 10:00" in column Время звонка had passed when the run started
 * (30.11.2026 15:50 Europe/Moscow)": the cell as the user wrote it and the run's start in the zone the
 * cell is read in, so the two can be compared at a glance. Pure: `now` is the caller's.
 */
export function pastScheduleText(cell: Cell, column: string, now: number, timezone: string): string {
  const started = DateTime.fromMillis(now, { zone: cachedZone(timezone) }).toFormat("dd.MM.yyyy HH:mm");
  const shown = quoteValue(cellToText(cell) ?? "");
  return `the schedule time ${shown} in column ${column} had passed when the run started (${started} ${timezone})`;
}
