import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CtdialError } from "../../src/errors.js";
import { said } from "../../src/i18n/catalog.js";
import { REPORT_COLUMNS } from "../../src/report-columns.js";
import { cellText, openCsvReport } from "../../src/sinks/report-csv.js";
import { row, useTempDir } from "./helpers.js";

const tempDir = useTempDir();
/** The empty result cells after ctdial_status: one per report column but the status. */
const NONE = REPORT_COLUMNS.slice(1).map(() => "");

function readCsv(bytes: Buffer, delimiter: string): string[][] {
  return parse(bytes, { bom: true, delimiter, relax_column_count: true }) as string[][];
}

describe("openCsvReport", () => {
  it("writes UTF-8 with BOM, CRLF and the source's delimiter, and every tricky cell reads back", async () => {
    const path = join(await tempDir(), "clients.report.csv");
    const report = await openCsvReport(path, ["Телефон", "Имя", "Комментарий"], { delimiter: ";" });
    await report.write(
      row(2, "+7 999 222-33-44", 'Иван "Ваня"; Петров', "строка 1\nстрока 2"),
      { status: "would-send" },
      "79992223344",
    );
    await report.write(row(3, "=SUM(A1)", "@x", "-1"), {
      status: "invalid",
      problems: [{ column: "Телефон", problem: said("rowsPhoneDigitCount", { count: 9 }) }],
    });
    await report.write(
      row(4, 79991234501, true, "a,b"),
      { status: "failed", code: 10013, message: "-phone is invalid", attempts: 2 },
      "79991234501",
    );
    await report.close();

    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.startsWith(`\uFEFFТелефон;Имя;Комментарий;${REPORT_COLUMNS.join(";")}\r\n`)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    // The only bare LF is the one inside the quoted multi-line cell.
    expect(text.replaceAll("\r\n", "").split("\n")).toHaveLength(2);
    expect(text).toContain('"Иван ""Ваня""; Петров"');

    expect(readCsv(bytes, ";")).toEqual([
      ["Телефон", "Имя", "Комментарий", ...REPORT_COLUMNS],
      [
        "'+7 999 222-33-44",
        'Иван "Ваня"; Петров',
        "строка 1\nстрока 2",
        "would-send",
        "",
        "",
        "",
        "",
        "",
        "79992223344",
      ],
      [
        "'=SUM(A1)",
        "'@x",
        "-1",
        "invalid",
        "",
        "column Телефон: expected 11 digits starting with 7 or 8, or 10 digits; got 9",
        "",
        "",
        "",
        "",
      ],
      ["79991234501", "TRUE", "a,b", "failed", "10013", "'-phone is invalid", "", "", "2", "79991234501"],
    ]);
  });

  it("writes every result column of a sent row", async () => {
    const path = join(await tempDir(), "r.csv");
    const report = await openCsvReport(path, ["phone"], { delimiter: "," });
    await report.write(
      row(2, "8 (999) 123-45-01"),
      { status: "sent", requestId: 987654, sentAt: "2026-03-01T10:00:00+03:00", attempts: 3 },
      "79991234501",
    );
    await report.close();
    const [header, sent] = readCsv(await readFile(path), ",");
    expect(sent).toEqual([
      "8 (999) 123-45-01",
      "sent",
      "",
      "",
      "987654",
      "2026-03-01T10:00:00+03:00",
      "3",
      "79991234501",
    ]);
    // The number the row was dialed at, under its own header, whatever the source's cell looked like.
    expect(sent?.[header!.indexOf("ctdial_phone")]).toBe("79991234501");
  });

  it("writes dates, booleans, error cells and numbers as a spreadsheet reads them back", async () => {
    const path = join(await tempDir(), "r.csv");
    const report = await openCsvReport(path, ["date", "flag", "err", "big", "fraction"], { delimiter: "\t" });
    await report.write(
      row(
        2,
        { type: "date", wallClock: "2026-03-01T09:30:00" },
        false,
        { type: "error", text: "#N/A" },
        1e21,
        0.5,
      ),
      { status: "would-send" },
    );
    await report.close();
    const text = (await readFile(path, "utf8")).split("\r\n")[1];
    expect(text).toBe(
      ["2026-03-01 09:30:00", "FALSE", "#N/A", "1000000000000000000000", "0.5", "would-send", ...NONE].join(
        "\t",
      ),
    );
  });

  it("replaces a previous report's result columns when run on that report", async () => {
    const dir = await tempDir();
    const path = join(dir, "again.report.csv");
    const headers = ["Телефон", ...REPORT_COLUMNS];
    const report = await openCsvReport(path, headers, { delimiter: "," });
    await report.write(
      row(2, "79991234501", "failed", "10013", "bad phone", null, null, "1", "79990000000"),
      { status: "would-send" },
      "79991234501",
    );
    await report.write(row(3, "79991234502", "sent", null, null, "555", "2026-03-01", "1", "79991234502"), {
      status: "invalid",
      problems: [{ column: "Телефон", problem: said("rowsPhoneDigitCount", { count: 9 }) }],
    });
    await report.close();
    // The old values, ctdial_phone included, are replaced; a row without a phone this time gets none.
    expect(readCsv(await readFile(path), ",")).toEqual([
      headers,
      ["79991234501", "would-send", "", "", "", "", "", "79991234501"],
      [
        "79991234502",
        "invalid",
        "",
        "column Телефон: expected 11 digits starting with 7 or 8, or 10 digits; got 9",
        "",
        "",
        "",
        "",
      ],
    ]);
  });

  it("words ctdial_error in the language asked for (Russian), Calltouch's own messages as they are", async () => {
    const path = join(await tempDir(), "ru.report.csv");
    const report = await openCsvReport(path, ["Телефон"], { delimiter: ";", lang: "ru" });
    await report.write(row(2, "8 800 123-45-67"), {
      status: "invalid",
      problems: [{ column: "Телефон", problem: said("rowsPhoneService", { number: "8-800" }) }],
    });
    await report.write(row(3, "79991234501"), {
      status: "skipped",
      reason: said("rowsDuplicate", { row: 2 }),
    });
    await report.write(row(4, "79991234502"), {
      status: "failed",
      code: 10013,
      message: "Номер телефона невалиден",
      attempts: 1,
    });
    await report.close();
    const errors = readCsv(await readFile(path), ";").map((cells) => cells[3]);
    expect(errors).toEqual([
      "ctdial_error",
      "колонка Телефон: на номера 8-800 звонить нельзя",
      "тот же номер, что в строке 2",
      "Номер телефона невалиден",
    ]);
  });

  it("keeps a ragged row's extra cells after the result columns", async () => {
    const path = join(await tempDir(), "r.csv");
    const report = await openCsvReport(path, ["Телефон", "Имя"], { delimiter: "," });
    await report.write(row(2, "79991234501"), { status: "would-send" });
    await report.write(row(3, "79991234502", "Иван", "лишнее"), { status: "would-send" }, "79991234502");
    await report.close();
    expect(readCsv(await readFile(path), ",").slice(1)).toEqual([
      ["79991234501", "", "would-send", ...NONE],
      ["79991234502", "Иван", "would-send", "", "", "", "", "", "79991234502", "лишнее"],
    ]);
  });

  it("neutralises formula-like headers too", async () => {
    const path = join(await tempDir(), "r.csv");
    const report = await openCsvReport(path, ["=HYPERLINK(1)"], { delimiter: "," });
    await report.close();
    expect(readCsv(await readFile(path), ",")[0]?.[0]).toBe("'=HYPERLINK(1)");
  });

  it("leaves the previous report in place until close, and a .tmp file meanwhile", async () => {
    const dir = await tempDir();
    const path = join(dir, "r.csv");
    await writeFile(path, "old report");
    const report = await openCsvReport(path, ["phone"], { delimiter: "," });
    await report.write(row(2, "79991234501"), { status: "would-send" });
    expect(await readFile(path, "utf8")).toBe("old report");
    expect(await readdir(dir)).toEqual(["r.csv", "r.csv.tmp"]);
    await report.close();
    expect(await readdir(dir)).toEqual(["r.csv"]);
    expect(await readFile(path, "utf8")).toContain("79991234501");
  });

  it("abort removes the temporary file and keeps the previous report", async () => {
    const dir = await tempDir();
    const path = join(dir, "r.csv");
    await writeFile(path, "old report");
    const report = await openCsvReport(path, ["phone"], { delimiter: "," });
    await report.write(row(2, "79991234501"), { status: "would-send" });
    await report.abort();
    expect(await readdir(dir)).toEqual(["r.csv"]);
    expect(await readFile(path, "utf8")).toBe("old report");
    expect(() => report.write(row(3, "1"), { status: "would-send" })).toThrow(/already closed/);
  });

  it("asks the caller to wait only when the file is behind, and writes a row longer than a chunk whole", async () => {
    const path = join(await tempDir(), "long.csv");
    const report = await openCsvReport(path, ["n", "text"], { delimiter: ";" });
    // A short row fits the current chunk: nothing to wait for, no promise made.
    expect(report.write(row(2, "1", "короткий"), { status: "would-send" })).toBeUndefined();
    const long = `Очень длинный комментарий; с "кавычками"\n${"ж".repeat(70_000)}`;
    let waits = 0;
    for (let i = 0; i < 40; i++) {
      const written = report.write(row(i + 3, String(i), i % 10 === 0 ? long : "текст"), {
        status: "would-send",
      });
      if (written !== undefined) {
        waits++;
        await written;
      }
    }
    await report.close();
    // Four rows of 140 KB overfill the stream's buffer: the writer was asked to wait at least once.
    expect(waits).toBeGreaterThan(0);
    const rows = readCsv(await readFile(path), ";");
    expect(rows).toHaveLength(42);
    expect(rows[1]?.slice(0, 3)).toEqual(["1", "короткий", "would-send"]);
    expect(rows[2]?.[1]).toBe(long);
    expect(rows[3]?.[1]).toBe("текст");
    expect(rows[12]?.[1]).toBe(long);
  });

  it("streams many rows through the stream in chunks", async () => {
    const path = join(await tempDir(), "big.csv");
    const report = await openCsvReport(path, ["n", "text"], { delimiter: ";" });
    for (let i = 0; i < 20_000; i++)
      await report.write(row(i + 2, String(i), "Текст; с разделителем"), { status: "would-send" });
    await report.close();
    const rows = readCsv(await readFile(path), ";");
    expect(rows).toHaveLength(20_001);
    expect(rows[20_000]).toEqual(["19999", "Текст; с разделителем", "would-send", ...NONE]);
  });

  it("fails with one sentence naming the file when its folder does not exist", async () => {
    const path = join(await tempDir(), "missing", "r.csv");
    const error = await openCsvReport(path, ["phone"], { delimiter: "," }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CtdialError);
    expect((error as CtdialError).message).toBe(
      `Cannot write the report ${path}: its folder does not exist.`,
    );
    expect((error as CtdialError).exitCode).toBe(2);
  });

  it("refuses a delimiter that cannot separate fields", async () => {
    const path = join(await tempDir(), "r.csv");
    await expect(openCsvReport(path, ["phone"], { delimiter: '"' })).rejects.toThrow(
      'The report delimiter must be one or more characters other than quotes and line breaks, got "\\"".',
    );
  });

  it("round-trips any table of text through csv-parse (property)", async () => {
    const dir = await tempDir();
    const cellArb = fc.oneof(
      fc.string(),
      fc.constantFrom('"', ";", ",", "\t", "\r\n", "\n", "\r", "Привет, мир", " пробел "),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(",", ";", "\t", "|"),
        fc.array(fc.array(cellArb, { minLength: 2, maxLength: 2 }), { maxLength: 8 }),
        async (delimiter, table) => {
          const path = join(dir, `p${run++}.csv`);
          const report = await openCsvReport(path, ["a", "b"], { delimiter });
          for (const [i, cells] of table.entries())
            await report.write(row(i + 2, ...cells), { status: "would-send" });
          await report.close();
          const back = readCsv(await readFile(path), delimiter).slice(1);
          expect(back.map((r) => r.slice(0, 2))).toEqual(table.map((cells) => cells.map((c) => neutral(c))));
        },
      ),
      { numRuns: 150 },
    );
  });
});

function neutral(text: string): string {
  return /^[=+\-@\t\r\0]/.test(text) && !/^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/.test(text)
    ? `'${text}`
    : text;
}

describe("cellText", () => {
  it("writes phones stored as numbers with every digit", () => {
    expect(cellText(79991234501)).toBe("79991234501");
    expect(cellText(-5)).toBe("-5");
  });
  it("uses a decimal comma where `;` is the list separator", () => {
    expect(cellText(1.5, true)).toBe("1,5");
    expect(cellText(1.5)).toBe("1.5");
  });
  it("writes empty cells as nothing", () => {
    expect(cellText(null)).toBe("");
  });
});
