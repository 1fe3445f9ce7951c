import type { SheetsApi } from "../../../src/google-sheets/api.js";
import type { RowOutcome } from "../../../src/outcome.js";
import type { SettledRow } from "../../../src/sinks/outcome-sink.js";
import { openSheets, type SheetsSource } from "../../../src/sources/sheets/open-sheets.js";
import type { SourceRow } from "../../../src/sources/types.js";
import type { FakeCell } from "../../fakes/sheets/model.js";
import type { SheetsFake } from "../../fakes/sheets/server.js";

/** A tab of `count` clients: phone 7999000NNNN (as a number) and a name. */
export function clientRows(count: number, from = 0): FakeCell[][] {
  const rows: FakeCell[][] = [];
  for (let i = from; i < from + count; i++) rows.push([79990000000 + i, `Клиент ${i}`]);
  return rows;
}

/** A sent outcome whose request id is the row's phone: a result on the wrong row shows at once. */
export function sentFor(row: SourceRow): RowOutcome {
  return {
    status: "sent",
    requestId: Number(row.cells[0]),
    sentAt: "2026-11-30T10:00:00+03:00",
    attempts: 1,
  };
}

export function settled(row: SourceRow, index: number, outcome: RowOutcome = sentFor(row)): SettledRow {
  return { index, row, outcome, phone: String(row.cells[0]) };
}

export async function readRows(
  fake: SheetsFake,
  api: SheetsApi,
  id = "s1",
): Promise<{ source: SheetsSource; rows: SourceRow[] }> {
  void fake;
  const source = await openSheets(`https://docs.google.com/spreadsheets/d/${id}/edit`, { api });
  const rows: SourceRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return { source, rows };
}

/** Column index of a header in the fake tab's first row. */
export function columnOf(fake: SheetsFake, name: string, id = "s1"): number {
  return fake.tab(id).rows[0]!.indexOf(name);
}

/** Every data row whose phone and ctdial_request_id disagree (a result on someone else's row). */
export function misplaced(fake: SheetsFake, id = "s1"): number[] {
  const idColumn = columnOf(fake, "ctdial_request_id", id);
  const bad: number[] = [];
  fake.tab(id).rows.forEach((row, i) => {
    if (i === 0 || row === undefined) return;
    const requestId = row[idColumn];
    if (requestId !== undefined && requestId !== null && requestId !== "" && requestId !== row[0])
      bad.push(i + 1);
  });
  return bad;
}

/** Most requests of a kind in any 60 s window of the fake's log. */
export function mostPerMinute(fake: SheetsFake, kind: "read" | "write"): number {
  const times = fake.requests.filter((r) => r.kind === kind).map((r) => r.at);
  let most = 0;
  for (let i = 0; i < times.length; i++) {
    let n = 0;
    for (let j = i; j < times.length && times[j]! < times[i]! + 60_000; j++) n++;
    most = Math.max(most, n);
  }
  return most;
}
