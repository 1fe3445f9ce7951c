/**
 * A date typed without a time into the schedule-time column of a workbook is refused as the same
 * date in a CSV is; midnight typed into a date-and-time cell is kept. The source tells them apart by
 * the cell's number format (README "Row rules").
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScheduleTime } from "../../../src/mapping/schedule.js";
import type { Cell } from "../../../src/sources/types.js";
import { openXlsx } from "../../../src/sources/xlsx/open-xlsx.js";
import { english } from "../../english.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctdial-xlsx-midnight-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scheduleCells(): Promise<Cell[]> {
  const path = join(dir, "times.xlsx");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Лист1");
  sheet.addRow(["Телефон", "Время звонка"]);
  const formats = ["dd.mm.yyyy", "dd.mm.yyyy hh:mm", "dd.mm.yyyy"];
  const times = [Date.UTC(2026, 1, 1), Date.UTC(2026, 1, 1), Date.UTC(2026, 1, 1, 10, 30)];
  times.forEach((time, i) => {
    const row = sheet.addRow([79991112233 + i, new Date(time)]);
    row.getCell(2).numFmt = formats[i]!;
  });
  await workbook.xlsx.writeFile(path);
  const source = await openXlsx(path);
  const cells: Cell[] = [];
  for await (const row of source.rows()) cells.push(row.cells[1] ?? null);
  await source.close();
  return cells;
}

describe("XLSX date cells in the schedule-time column", () => {
  it("refuses a date shown without a time, keeps a midnight shown with one, and any time of day", async () => {
    const [dateOnly, midnight, withTime] = await scheduleCells();
    const options = { timezone: "Europe/Moscow", calltouchTimezone: "Europe/Moscow" };
    expect(english(parseScheduleTime(dateOnly!, options))).toEqual({
      ok: false,
      message: '"01.02.2026" has no time of day; write it as 01.02.2026 10:00',
    });
    expect(parseScheduleTime("01.02.2026", options)).toEqual(parseScheduleTime(dateOnly!, options));
    expect(parseScheduleTime(midnight!, options)).toEqual({ ok: true, value: "2026-02-01 00:00:00" });
    // A format without a time does not hide a time the value has: 10:30 was typed.
    expect(parseScheduleTime(withTime!, options)).toEqual({ ok: true, value: "2026-02-01 10:30:00" });
  });
});
