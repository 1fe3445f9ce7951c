import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSheets } from "../../../src/sources/sheets/open-sheets.js";
import type { SourceRow } from "../../../src/sources/types.js";
import { dateCell, errorCell, type FakeCell, formatted, formulaCell } from "../../fakes/sheets/model.js";
import { type SheetsFake, startSheetsFake } from "../../fakes/sheets/server.js";
import { tokenApi } from "../../google-sheets/helpers.js";

let fake: SheetsFake;
beforeEach(async () => {
  fake = await startSheetsFake({ readsPerMinute: 10_000 });
});
afterEach(() => fake.close());

const LINK = (gid = 0) => `https://docs.google.com/spreadsheets/d/s1/edit#gid=${gid}`;

async function readAll(location: string, options: Parameters<typeof openSheets>[1] = {}) {
  const source = await openSheets(location, { api: await tokenApi(fake), ...options });
  const rows: SourceRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  await source.close();
  return { source, rows };
}

describe("the Google Sheets source", () => {
  it("gives cells as typed in the sheet, never as ru_RU display text", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [
        {
          title: "Лист1",
          rows: [
            ["Телефон", "Имя", "Время звонка", "VIP", "Город"],
            [
              formatted(79991234501, "NUMBER"),
              "Анна",
              dateCell("2027-12-01T10:30:00"),
              true,
              formulaCell("=B2", "Москва"),
            ],
            [
              formatted(79991234502, "SCIENTIFIC"),
              errorCell("#N/A"),
              dateCell("2027-12-02"),
              false,
              errorCell("#REF!"),
            ],
            ["7,99912E+10", '=HYPERLINK("x")', "01.12.2027 10:30:00", null, 12.5],
          ],
        },
      ],
    });
    const { source, rows } = await readAll(LINK());
    expect(source.headers).toEqual(["Телефон", "Имя", "Время звонка", "VIP", "Город"]);
    expect(source.kind).toBe("sheets");
    expect(source.tab.timeZone).toBe("Europe/Moscow");
    expect(rows).toEqual([
      {
        rowNumber: 2,
        cells: [79991234501, "Анна", { type: "date", wallClock: "2027-12-01T10:30:00" }, true, "Москва"],
      },
      {
        rowNumber: 3,
        cells: [
          79991234502,
          { type: "error", text: "#N/A" },
          { type: "date", wallClock: "2027-12-02T00:00:00" },
          false,
          { type: "error", text: "#REF!" },
        ],
      },
      // Typed as text, they stay text: the phone rule sees the lost digits and refuses the row.
      { rowNumber: 4, cells: ["7,99912E+10", '=HYPERLINK("x")', "01.12.2027 10:30:00", null, 12.5] },
    ]);
  });

  it("keeps the sheet's row numbers and passes over blank rows in the middle, never stopping at them", async () => {
    const rows: FakeCell[][] = [
      [],
      ["Телефон", "Имя"],
      ["79990000001", "a"],
      [],
      [],
      ["  ", null],
      ["79990000002", "b"],
    ];
    for (let i = 0; i < 30; i++) rows.push([]);
    rows.push(["79990000003", "c"]);
    fake.add({ spreadsheetId: "s1", tabs: [{ title: "Лист1", rows }] });
    const { source, rows: read } = await readAll(LINK());
    expect(source.headerRowNumber).toBe(2);
    expect(read.map((r) => r.rowNumber)).toEqual([3, 7, 38]);
  });

  it("reads a large tab in row blocks and hands out the first rows before the rest is read", async () => {
    const rows: FakeCell[][] = [["Телефон", "Имя"]];
    for (let i = 0; i < 12_000; i++) rows.push([79990000000 + i, `Клиент ${i}`]);
    fake.add({ spreadsheetId: "s1", tabs: [{ title: "Клиенты ''26", rows }] });
    const source = await openSheets(LINK(), { api: await tokenApi(fake), blockRows: 5_000 });
    const iterator = source.rows()[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toEqual({ rowNumber: 2, cells: [79990000000, "Клиент 0"] });
    // The tab's properties, the first block, and at most the one block read ahead.
    expect(fake.count("read")).toBeLessThanOrEqual(3);
    let count = 1;
    let last: SourceRow | undefined;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      count += 1;
      last = next.value;
    }
    expect(count).toBe(12_000);
    expect(last).toEqual({ rowNumber: 12_001, cells: [79990011999, "Клиент 11999"] });
    // 1 + first block (1,000 rows) + ceil(11,001 / 5,000) blocks.
    expect(fake.count("read")).toBe(5);
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
  });

  it("reads the tab named by --sheet, a Cyrillic title with a quote in it", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [
        { title: "Лист1", rows: [["x"]] },
        { title: "Клиенты 'VIP'", sheetId: 42, rows: [["Телефон"], ["79990000001"]] },
      ],
    });
    const byTitle = await readAll(LINK(), { sheet: "Клиенты 'VIP'" });
    expect(byTitle.rows).toEqual([{ rowNumber: 2, cells: ["79990000001"] }]);
    const byGid = await readAll(LINK(42));
    expect(byGid.source.tab.sheetId).toBe(42);
  });

  it("an empty tab, duplicate headers and a value under no header are said in the sheet's terms", async () => {
    fake.add({ spreadsheetId: "s1", title: "База", tabs: [{ title: "Лист1", rows: [[], []] }] });
    await expect(readAll(LINK())).rejects.toThrow('Spreadsheet "База", tab "Лист1" is empty;');
    fake.add({
      spreadsheetId: "s1",
      title: "База",
      tabs: [{ title: "Лист1", rows: [["Телефон", "телефон"]] }],
    });
    await expect(readAll(LINK())).rejects.toThrow(/has two columns named/);
    fake.add({
      spreadsheetId: "s1",
      title: "База",
      tabs: [{ title: "Лист1", rows: [["Телефон"], ["7999", "stray"]] }],
    });
    await expect(readAll(LINK())).rejects.toThrow(/column B has no header in row 1 but has a value in row 2/);
  });
});
