import { createReadStream } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CtdialError } from "../../src/errors.js";
import { said } from "../../src/i18n/catalog.js";
import { REPORT_COLUMNS } from "../../src/report-columns.js";
import { openXlsxReport, sheetTitle } from "../../src/sinks/report-xlsx.js";
import { zipEntries } from "../../src/sources/xlsx/zip.js";
import { row, useTempDir } from "./helpers.js";

const tempDir = useTempDir();

async function readBack(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error("the report has no sheet");
  return sheet;
}

/** The row's values up to the header's width (or `width`), empty cells as null. */
function values(sheet: ExcelJS.Worksheet, rowNumber: number, width = sheet.getRow(1).cellCount): unknown[] {
  const excelRow = sheet.getRow(rowNumber);
  return Array.from({ length: width }, (_, i) => excelRow.getCell(i + 1).value);
}

describe("openXlsxReport", () => {
  it("keeps cell types, writes formula-like text as it is and adds the result columns", async () => {
    const path = join(await tempDir(), "clients.report.xlsx");
    const report = await openXlsxReport(path, ["Телефон", "Имя", "Время звонка", "Флаг", "Ошибка"], {
      sheetName: "Лист1",
    });
    await report.write(
      row(
        2,
        79991234501,
        'Иван "Ваня"; Петров\nвторая строка',
        { type: "date", wallClock: "2026-03-01T09:30:15" },
        true,
        {
          type: "error",
          text: "#N/A",
        },
      ),
      { status: "sent", requestId: 555, sentAt: "2026-03-01T10:00:00+03:00", attempts: 1 },
      "79991234501",
    );
    await report.write(
      row(3, "+7 999 222-33-44", "=SUM(A1)", "@x", "-1", { type: "error", text: "#ERROR!" }),
      {
        status: "failed",
        code: 10013,
        message: "Номер телефона невалиден",
        attempts: 2,
      },
      "79992223344",
    );
    await report.write(row(4, -5, null, { type: "date", wallClock: "2026-03-02T00:00:00" }), {
      status: "invalid",
      problems: [{ column: "Телефон", problem: said("rowsPhoneDigitCount", { count: 9 }) }],
    });
    await report.close();

    const sheet = await readBack(path);
    expect(sheet.name).toBe("Лист1");
    expect(values(sheet, 1)).toEqual(["Телефон", "Имя", "Время звонка", "Флаг", "Ошибка", ...REPORT_COLUMNS]);
    expect(values(sheet, 2)).toEqual([
      79991234501,
      'Иван "Ваня"; Петров\nвторая строка',
      new Date("2026-03-01T09:30:15Z"),
      true,
      { error: "#N/A" },
      "sent",
      null,
      null,
      555,
      "2026-03-01T10:00:00+03:00",
      1,
      "79991234501",
    ]);
    expect(values(sheet, 3)).toEqual([
      "+7 999 222-33-44",
      "=SUM(A1)",
      "@x",
      "-1",
      "#ERROR!",
      "failed",
      10013,
      "Номер телефона невалиден",
      null,
      null,
      2,
      "79992223344",
    ]);
    expect(values(sheet, 4)).toEqual([
      -5,
      null,
      new Date("2026-03-02T00:00:00Z"),
      null,
      null,
      "invalid",
      null,
      "column Телефон: expected 11 digits starting with 7 or 8, or 10 digits; got 9",
      null,
      null,
      null,
      null,
    ]);
    expect(sheet.getCell("A2").type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell("B3").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("C2").type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.getCell("E2").type).toBe(ExcelJS.ValueType.Error);
    // The normalised phone is text: its digits are the point, not a quantity to sum.
    expect(sheet.getCell(2, sheet.getRow(1).cellCount).type).toBe(ExcelJS.ValueType.String);
  });

  it("formats phones with every digit, dates as dates, and makes the header bold, frozen and filtered", async () => {
    const path = join(await tempDir(), "r.xlsx");
    const report = await openXlsxReport(path, ["Телефон", "Время", "Дата", "Число", "Полночь"]);
    await report.write(
      row(
        2,
        79991234501,
        { type: "date", wallClock: "2026-03-01T09:30:00" },
        { type: "date", wallClock: "2026-03-02T00:00:00", showsTime: false },
        42,
        { type: "date", wallClock: "2026-03-02T00:00:00", showsTime: true },
      ),
      { status: "would-send" },
    );
    await report.close();

    const sheet = await readBack(path);
    expect(sheet.name).toBe("Report");
    expect(sheet.getCell("A2").numFmt).toBe("0");
    expect(sheet.getCell("B2").numFmt).toBe("dd.mm.yyyy hh:mm:ss");
    expect(sheet.getCell("C2").numFmt).toBe("dd.mm.yyyy");
    expect(sheet.getCell("D2").numFmt).toBeUndefined();
    expect(sheet.getCell("E2").numFmt).toBe("dd.mm.yyyy hh:mm:ss");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    // 5 source columns and the 7 report columns: A..L.
    expect(sheet.getCell("L1").value).toBe("ctdial_phone");
    expect(sheet.getCell("L1").font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:L2");
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(12);
  });

  it("replaces a previous report's result columns and keeps ragged extra cells", async () => {
    const path = join(await tempDir(), "again.report.xlsx");
    const report = await openXlsxReport(path, ["Телефон", ...REPORT_COLUMNS]);
    await report.write(
      row(2, 79991234501, "failed", 10013, "bad", null, null, 1, "79990000000", "лишнее"),
      { status: "would-send" },
      "79991234501",
    );
    await report.close();
    const sheet = await readBack(path);
    expect(values(sheet, 1)).toEqual(["Телефон", ...REPORT_COLUMNS]);
    expect(values(sheet, 2, 9)).toEqual([
      79991234501,
      "would-send",
      null,
      null,
      null,
      null,
      null,
      "79991234501",
      "лишнее",
    ]);
  });

  it("streams many rows and leaves only the finished file", async () => {
    const dir = await tempDir();
    const path = join(dir, "big.xlsx");
    await writeFile(path, "old report");
    const report = await openXlsxReport(path, ["n"]);
    for (let i = 0; i < 3000; i++) await report.write(row(i + 2, i), { status: "would-send" });
    expect(await readdir(dir)).toEqual(["big.xlsx", "big.xlsx.tmp"]);
    await report.close();
    expect(await readdir(dir)).toEqual(["big.xlsx"]);
    const sheet = await readBack(path);
    expect(sheet.rowCount).toBe(3001);
    expect(values(sheet, 3001)).toEqual([2999, "would-send", ...REPORT_COLUMNS.slice(1).map(() => null)]);
  });

  it("keeps a date cell no calendar holds as its text", async () => {
    const path = join(await tempDir(), "r.xlsx");
    const report = await openXlsxReport(path, ["Время"]);
    await report.write(row(2, { type: "date", wallClock: "2026-02-31T25:00:00" }), { status: "would-send" });
    await report.close();
    const sheet = await readBack(path);
    expect(sheet.getCell("A2").value).toBe("2026-02-31T25:00:00");
    expect(sheet.getCell("A2").numFmt).toBeUndefined();
  });

  it("abort keeps the previous report and removes the temporary file", async () => {
    const dir = await tempDir();
    const path = join(dir, "r.xlsx");
    await writeFile(path, "old report");
    const report = await openXlsxReport(path, ["n"]);
    await report.write(row(2, 1), { status: "would-send" });
    await report.abort();
    expect(await readdir(dir)).toEqual(["r.xlsx"]);
  });

  it("fails with one sentence naming the file when it cannot be created", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "blocker"), "");
    const path = join(dir, "blocker", "r.xlsx");
    const error = await openXlsxReport(path, ["n"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CtdialError);
    expect((error as CtdialError).message).toBe(
      `Cannot write the report ${path}: a part of its path is a file, not a folder.`,
    );
  });
});

describe("sheetTitle", () => {
  it.each([
    [undefined, "Report"],
    ["", "Report"],
    ["Лист1", "Лист1"],
    ["a/b:c*d?[e]\\f", "a_b_c_d__e__f"],
    ["'quoted'", "quoted"],
    ["x".repeat(40), "x".repeat(31)],
  ])("makes %j a valid Excel tab name", (name, expected) => {
    expect(sheetTitle(name)).toBe(expected);
  });
});

describe("formula-like text in an XLSX report", () => {
  it("is a typed text cell with no formula and no apostrophe, so it can never run", async () => {
    const dir = await tempDir();
    const path = join(dir, "r.xlsx");
    const report = await openXlsxReport(path, ["=Заголовок", "Телефон"]);
    await report.write(row(2, '=HYPERLINK("http://x")', "+7 999 222-33-44"), { status: "would-send" });
    await report.close();
    const xml = await sheetXml(path);
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).not.toContain("'");
    // A text value with no <f> element: what a cell holds, never something to calculate.
    expect(xml).toContain('<c r="B2" t="str"><v>+7 999 222-33-44</v></c>');
    const sheet = await readBack(path);
    expect(sheet.getCell("A1").value).toBe("=Заголовок");
    expect(sheet.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("B2").value).toBe("+7 999 222-33-44");
  });
});

/** The first worksheet's XML as written, read with the source's own zip reader. */
async function sheetXml(path: string): Promise<string> {
  for await (const entry of zipEntries(createReadStream(path))) {
    if (entry.path !== "xl/worksheets/sheet1.xml") {
      entry.autodrain();
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  throw new Error("the report has no xl/worksheets/sheet1.xml");
}
