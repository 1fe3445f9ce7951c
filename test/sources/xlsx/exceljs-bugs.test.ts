/**
 * Why the XLSX source decodes worksheets itself: what exceljs 4.4's own streaming reader gives
 * for the same fixtures. Each test pins the wrong value exceljs returns next to the right one we
 * return. If one of these starts failing after an exceljs upgrade, exceljs fixed that bug and the
 * matching workaround (named in the test) may be simplified.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openXlsx } from "../../../src/sources/xlsx/open-xlsx.js";

interface StockSheet {
  name: string;
  rows: unknown[][];
}

/** Reads a fixture the way exceljs's documentation shows, with shared strings and styles cached. */
async function readWithExceljs(name: string): Promise<StockSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(`fixtures/xlsx/${name}`, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const sheets: StockSheet[] = [];
  for await (const worksheet of reader as unknown as AsyncIterable<
    AsyncIterable<{ values: unknown[] }> & { name: string }
  >) {
    const rows: unknown[][] = [];
    for await (const row of worksheet) rows.push(row.values.slice(1));
    sheets.push({ name: worksheet.name, rows });
  }
  return sheets;
}

async function readWithCtdial(name: string): Promise<unknown[][]> {
  const source = await openXlsx(`fixtures/xlsx/${name}`);
  const rows: unknown[][] = [[...source.headers]];
  for await (const row of source.rows()) rows.push([...row.cells]);
  await source.close();
  return rows;
}

describe("exceljs streaming reader bugs, and what we read instead", () => {
  it("inline rich text keeps only its last run (sources/xlsx/strings.ts collects every run)", async () => {
    const [stock] = await readWithExceljs("inline-rich-text.xlsx");
    expect(stock?.rows[1]?.[1]).toBe(" Сидоров");
    expect((await readWithCtdial("inline-rich-text.xlsx"))[1]?.[1]).toBe("Иван Петрович Сидоров");

    // exceljs's own streaming writer produces such cells.
    const [streamed] = await readWithExceljs("exceljs-stream-inline.xlsx");
    expect(streamed?.rows[1]?.[1]).toBe("Иванова");
    expect((await readWithCtdial("exceljs-stream-inline.xlsx"))[1]?.[1]).toBe("Анна Иванова");
  });

  it("inline strings are entity-decoded twice and _x escapes are left in", async () => {
    const [stock] = await readWithExceljs("inline-rich-text.xlsx");
    expect(stock?.rows[2]?.slice(1)).toEqual(["<Анна>", "строка_x000D__x000A_вторая, _x005F_x0041_"]);
    expect((await readWithCtdial("inline-rich-text.xlsx"))[2]?.slice(1)).toEqual([
      "&lt;Анна&gt;",
      "строка\r\nвторая, _x0041_",
    ]);
  });

  it("shared strings take in indentation and let a phonetic guide replace the text", async () => {
    const [stock] = await readWithExceljs("shared-strings-rich-text.xlsx");
    expect(stock?.rows[0]?.[1]).toBe("Имя\n  ");
    expect(stock?.rows[1]?.[2]).toBe("ФОНЕТИКА");
    const ours = await readWithCtdial("shared-strings-rich-text.xlsx");
    expect(ours[0]?.[1]).toBe("Имя");
    expect(ours[1]?.[2]).toBe("Звонить утром");
  });

  it('formula results lose their type: errors, booleans, dates; t="d" cells become numbers', async () => {
    const [stock] = await readWithExceljs("formula-results.xlsx");
    const row = stock?.rows[1] ?? [];
    expect(row[1]).toEqual({ formula: "#REF!+1" }); // the #REF! result is gone
    expect((row[2] as { result?: unknown }).result).toBe(1); // TRUE
    expect((row[3] as { result?: unknown }).result).toBe("<b>"); // the text was &lt;b>
    expect((row[4] as { result?: unknown }).result).toBe(46357.4583333333); // a date-formatted result
    expect(row[7]).toBe(2025); // 2025-12-01T11:00:00.000 read with parseFloat
    const ours = (await readWithCtdial("formula-results.xlsx"))[1];
    expect(ours?.slice(1, 5)).toEqual([
      { type: "error", text: "#REF!" },
      true,
      "&lt;b>",
      { type: "date", wallClock: "2026-12-01T11:00:00" },
    ]);
    expect(ours?.[7]).toEqual({ type: "date", wallClock: "2025-12-01T11:00:00" });
  });

  it("a worksheet that streams by before styles.xml has its dates read as numbers", async () => {
    const [stock] = await readWithExceljs("styles-after-sheet.xlsx");
    expect(stock?.rows[1]?.[1]).toBe(46724.4583333333);
    expect((await readWithCtdial("styles-after-sheet.xlsx"))[1]?.[1]).toEqual({
      type: "date",
      wallClock: "2027-12-03T11:00:00",
    });
  });

  it("absolute relationship targets leave sheets unnamed; sheets come in zip order", async () => {
    const stock = await readWithExceljs("tab-order.xlsx");
    expect(stock.map((sheet) => sheet.name)).toEqual(["Sheet1", "Sheet2", "Sheet3"]);
    const source = await openXlsx("fixtures/xlsx/tab-order.xlsx");
    expect(source.sheetName).toBe("Клиенты");
    await source.close();
  });

  it('LibreOffice\'s date1904="true" is taken as false: dates four years early', async () => {
    const [stock] = await readWithExceljs("libreoffice-1904.xlsx");
    expect(stock?.rows[1]?.[1]).toEqual(new Date("2023-12-02T11:00:00.000Z"));
    expect((await readWithCtdial("libreoffice-1904.xlsx"))[1]?.[1]).toEqual({
      type: "date",
      wallClock: "2027-12-03T11:00:00",
    });
  });

  it("reads every part of a small archive every time (exceljs's parse() loses the tail at random)", async () => {
    // In date1904.xlsx styles.xml is the entry right after the worksheet; exceljs's parse() drops
    // it most of the time because unzipper emits 'end' while that entry is still buffered.
    for (let attempt = 0; attempt < 25; attempt++) {
      const rows = await readWithCtdial("date1904.xlsx");
      expect(rows[1]?.[1]).toEqual({ type: "date", wallClock: "2026-12-01T11:00:00" });
    }
  });
});
