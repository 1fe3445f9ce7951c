import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSheetsApi } from "../../src/google-sheets/api.js";
import { dateCell, errorCell, formatted } from "../fakes/sheets/model.js";
import { type SheetsFake, startSheetsFake } from "../fakes/sheets/server.js";

let fake: SheetsFake;
let clock = 0;

let api: Awaited<ReturnType<typeof openSheetsApi>>["api"];
function client() {
  return api;
}

beforeEach(async () => {
  clock = 1_000_000;
  fake = await startSheetsFake({ now: () => clock, writesPerMinute: 3 });
  ({ api } = await openSheetsApi({
    GOOGLE_SHEETS_ACCESS_TOKEN: "test-token",
    GOOGLE_SHEETS_API_URL: fake.url,
  }));
  fake.add({
    spreadsheetId: "sheet1",
    tabs: [
      {
        title: "It's Клиенты",
        columnCount: 4,
        rowCount: 10,
        rows: [
          ["Телефон", "Имя", "Когда"],
          [formatted(79991234501, "NUMBER"), "Анна", dateCell("2027-12-01T10:30:00")],
          [],
          [formatted(79991234502, "SCIENTIFIC"), errorCell("#N/A"), true],
        ],
      },
    ],
  });
});
afterEach(() => fake.close());

describe("the Sheets API fake, through the real client", () => {
  it("reads a Cyrillic tab with a quote in its title, in both renderings", async () => {
    const api = client();
    const range = "'It''s Клиенты'!A1:D10";
    const shown = await api.spreadsheets.values.get({ spreadsheetId: "sheet1", range });
    expect(shown.data.values).toEqual([
      ["Телефон", "Имя", "Когда"],
      ["79\u00a0991\u00a0234\u00a0501", "Анна", "01.12.2027 10:30:00"],
      [],
      ["7,99912E+10", "#N/A", "TRUE"],
    ]);
    const raw = await api.spreadsheets.values.batchGet({
      spreadsheetId: "sheet1",
      ranges: [range],
      valueRenderOption: "UNFORMATTED_VALUE",
      dateTimeRenderOption: "SERIAL_NUMBER",
    });
    expect(raw.data.valueRanges?.[0]?.values?.[1]).toEqual([79991234501, "Анна", 46722.4375]);
  });

  it("answers grid data under a fields mask", async () => {
    const res = await client().spreadsheets.get({
      spreadsheetId: "sheet1",
      ranges: ["'It''s Клиенты'!A2:D3"],
      includeGridData: true,
      fields:
        "properties(timeZone),sheets(properties(sheetId,title),data(startRow,rowData(values(effectiveValue,effectiveFormat/numberFormat/type))))",
    });
    expect(res.data.properties).toEqual({ timeZone: "Europe/Moscow" });
    const data = res.data.sheets?.[0]?.data?.[0];
    expect(data?.startRow).toBe(1);
    expect(data?.rowData?.[0]?.values?.[2]).toEqual({
      effectiveValue: { numberValue: 46722.4375 },
      effectiveFormat: { numberFormat: { type: "DATE_TIME" } },
    });
    expect(res.data.sheets?.[0]?.properties).toEqual({ sheetId: 0, title: "It's Клиенты" });
  });

  it("refuses a write past the grid and a tab that does not exist, with Google's messages", async () => {
    const api = client();
    const past = api.spreadsheets.values.batchUpdate({
      spreadsheetId: "sheet1",
      requestBody: { valueInputOption: "RAW", data: [{ range: "'It''s Клиенты'!E1", values: [["x"]] }] },
    });
    await expect(past).rejects.toMatchObject({
      status: 400,
      message: /exceeds grid limits\. Max rows: 10, max columns: 4/,
    });
    const missing = api.spreadsheets.values.get({ spreadsheetId: "sheet1", range: "'Нет'!A1" });
    await expect(missing).rejects.toMatchObject({ status: 400, message: /Unable to parse range/ });
  });

  it("answers 429 RESOURCE_EXHAUSTED over the per-minute write quota, and passes again a minute later", async () => {
    const api = client();
    const write = () =>
      api.spreadsheets.batchUpdate({
        spreadsheetId: "sheet1",
        requestBody: { requests: [{ appendDimension: { sheetId: 0, dimension: "COLUMNS", length: 1 } }] },
      });
    for (let i = 0; i < 3; i++) await write();
    await expect(write()).rejects.toMatchObject({ status: 429 });
    expect(fake.count("write", 429)).toBe(1);
    clock += 61_000;
    await write();
    expect(fake.tab("sheet1").columnCount).toBe(8);
  });

  it("stores RAW text as typed: a formula-looking name stays text", async () => {
    await client().spreadsheets.values.batchUpdate({
      spreadsheetId: "sheet1",
      requestBody: {
        valueInputOption: "RAW",
        data: [{ range: "'It''s Клиенты'!B3", values: [['=HYPERLINK("x")']] }],
      },
    });
    expect(fake.tab("sheet1").rows[2]?.[1]).toBe('=HYPERLINK("x")');
  });
});
