import type { Cell } from "../sources/types.js";
import { cellToText, shortValue } from "./text.js";

/** What a message about a schedule time that had passed names (rowsPastScheduleSkipped, ...CalledNow). */
export interface PastSchedule {
  /** The cell as the user wrote it, cut to a readable length. */
  readonly cell: string;
  readonly column: string;
  /** The run's start, epoch ms. */
  readonly startedAt: number;
  /** The zone the cell is read in: the start is shown in it, so the two compare at a glance. */
  readonly zone: string;
}

/**
 * "the schedule time "01.02.2026 10:00" in column Время звонка had passed when the run started
 * (30.11.2026 15:50 Europe/Moscow)", as data. Pure: `now` is the caller's.
 */
export function pastSchedule(cell: Cell, column: string, now: number, timezone: string): PastSchedule {
  return { cell: shortValue(cellToText(cell) ?? ""), column, startedAt: now, zone: timezone };
}
