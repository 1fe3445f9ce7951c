import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { type CsvOptions, openCsv } from "../../../src/sources/csv/open-csv.js";

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../fixtures/csv/${name}`, import.meta.url));

async function readAll(name: string, options?: CsvOptions) {
  const source = await openCsv(fixture(name), options);
  const rows = [];
  for await (const row of source.rows()) rows.push({ line: row.rowNumber, cells: row.cells });
  return { source, rows };
}

async function inputError(name: string, options?: CsvOptions): Promise<InputError> {
  let error: unknown;
  try {
    const source = await openCsv(fixture(name), options);
    for await (const _ of source.rows()) {
      // drain: some problems are found only further into the file
    }
  } catch (e) {
    error = e;
  }
  if (!(error instanceof InputError))
    throw new Error(`expected an InputError from ${name}, got ${String(error)}`);
  expect(error.exitCode).toBe(2);
  return error;
}

describe("openCsv on the fixture corpus", () => {
  it('reads an Excel-RU export (cp1251, ;, CRLF, quoted ; and "") exactly', async () => {
    // The committed bytes are what Excel writes; build them independently to prove the fixture is right.
    const expectedBytes = iconv.encode(
      'Телефон;Имя;Город;Комментарий\r\n+7 (999) 222-33-44;Иван Петров;Москва;"перезвонить после 18:00; спросить про ""Тариф+"""\r\n' +
        '8 999 123 45 67;Ольга;Санкт-Петербург;"ООО ""Ромашка""; отдел продаж"\r\n9992223344;Пётр;Казань;\r\n',
      "windows-1251",
    );
    expect(readFileSync(fixture("excel-ru-cp1251-semicolon.csv")).equals(expectedBytes)).toBe(true);

    const { source, rows } = await readAll("excel-ru-cp1251-semicolon.csv");
    expect(source).toMatchObject({
      kind: "csv",
      delimiter: ";",
      encoding: "windows-1251",
      headerRowNumber: 1,
    });
    expect(source.headers).toEqual(["Телефон", "Имя", "Город", "Комментарий"]);
    expect(rows).toEqual([
      {
        line: 2,
        cells: [
          "+7 (999) 222-33-44",
          "Иван Петров",
          "Москва",
          'перезвонить после 18:00; спросить про "Тариф+"',
        ],
      },
      { line: 3, cells: ["8 999 123 45 67", "Ольга", "Санкт-Петербург", 'ООО "Ромашка"; отдел продаж'] },
      { line: 4, cells: ["9992223344", "Пётр", "Казань", ""] },
    ]);
  });

  it("reads UTF-8 with a BOM and commas, the BOM not part of the first header", async () => {
    const { source, rows } = await readAll("utf8-bom-comma.csv");
    expect(source).toMatchObject({ delimiter: ",", encoding: "utf-8" });
    expect(source.headers).toEqual(["Телефон", "Имя", "Город"]);
    expect(rows[1]).toEqual({ line: 3, cells: ["8 999 123 45 67", "Ёлкина, Анна", "Тверь"] });
  });

  it("reads UTF-8 without a BOM", async () => {
    const { source, rows } = await readAll("utf8-semicolon.csv");
    expect(source).toMatchObject({ delimiter: ";", encoding: "utf-8" });
    expect(rows.map((row) => row.cells[1])).toEqual(["Иван", "Анна"]);
  });

  it("reads Excel's Unicode text: UTF-16LE with a BOM, tabs", async () => {
    const { source, rows } = await readAll("utf16le-bom-tab.txt");
    expect(source).toMatchObject({ delimiter: "\t", encoding: "utf-16le" });
    expect(source.headers).toEqual(["Телефон", "Имя", "Город"]);
    expect(rows).toEqual([
      { line: 2, cells: ["+7 (999) 222-33-44", "Иван", "Москва"] },
      { line: 3, cells: ["8 999 123 45 67", "Анна", "Тверь"] },
    ]);
  });

  it("reads UTF-16BE with a BOM", async () => {
    const { source, rows } = await readAll("utf16be-bom-semicolon.csv");
    expect(source).toMatchObject({ delimiter: ";", encoding: "utf-16be" });
    expect(rows).toEqual([{ line: 2, cells: ["+7 (999) 222-33-44", "Иван"] }]);
  });

  it("reads KOI8-R when the encoding is given, and misreads it as cp1251 when it is not", async () => {
    const given = await readAll("koi8r-comma.csv", { encoding: "KOI8-R" });
    expect(given.source.encoding).toBe("koi8-r");
    expect(given.source.headers).toEqual(["Телефон", "Имя"]);
    const guessed = await readAll("koi8r-comma.csv");
    expect(guessed.source.encoding).toBe("windows-1251");
    expect(guessed.source.headers[0]).not.toBe("Телефон");
  });

  it("splits on | and keeps , and ; inside cells", async () => {
    const { source, rows } = await readAll("pipe-delimited.csv");
    expect(source.delimiter).toBe("|");
    expect(rows[0]?.cells).toEqual(["+7 (999) 222-33-44", "Иван", "звонить, но не рано; лучше днём"]);
    expect(rows[1]?.cells).toEqual(["8 999 123 45 67", "Анна", ""]);
  });

  it("numbers rows by the line where a record with multi-line cells starts", async () => {
    const { rows } = await readAll("multiline-quoted.csv");
    expect(rows).toEqual([
      { line: 2, cells: ["+7 (999) 222-33-44", "Иван", "первая строка\r\nвторая строка\r\nтретья"] },
      { line: 5, cells: ["8 999 123 45 67", "Анна", "один\nдва"] },
      { line: 7, cells: ["9992223344", "Олег", "просто"] },
    ]);
  });

  it("tolerates rows shorter and longer than the header", async () => {
    const { rows } = await readAll("ragged-rows.csv");
    expect(rows).toEqual([
      { line: 2, cells: ["+7 (999) 222-33-44", "Иван"] },
      { line: 3, cells: ["8 999 123 45 67", "Анна", "Тверь", "лишняя ячейка"] },
      { line: 4, cells: ["9992223344"] },
    ]);
  });

  it("skips blank rows and rows of empty cells but counts their lines", async () => {
    const { rows } = await readAll("empty-rows.csv");
    expect(rows.map((row) => [row.line, row.cells[1]])).toEqual([
      [2, "Иван"],
      [6, "Анна"],
      [9, "Олег"],
    ]);
  });

  it("keeps quotes inside unquoted cells as written", async () => {
    const { rows } = await readAll("unquoted-quotes.csv");
    expect(rows.map((row) => row.cells[1])).toEqual(['ООО "Ромашка"', 'ИП Иванов "Лес" и партнёры']);
  });

  it("splits lines on CRLF, LF and CR in one file", async () => {
    const { rows } = await readAll("mixed-newlines.csv");
    expect(rows).toEqual([
      { line: 2, cells: ["+7 (999) 222-33-44", "Иван"] },
      { line: 3, cells: ["8 999 123 45 67", "Анна"] },
      { line: 4, cells: ["9992223344", "Олег"] },
    ]);
  });

  it("accepts Excel's empty trailing header columns while they hold no data", async () => {
    const { source, rows } = await readAll("trailing-empty-header.csv");
    expect(source.headers).toEqual(["Телефон", "Имя", "", ""]);
    expect(rows).toHaveLength(2);
  });

  it("refuses two columns with the same name (trimmed, any case), naming them", async () => {
    const error = await inputError("duplicate-headers.csv");
    expect(error.message).toContain(
      "line 1: the header row has two columns named Телефон / телефон (case, spaces and ё/е do not count) (columns 2 and 5); rename one.",
    );
  });

  it("refuses a value in a column without a header name, naming its line and column", async () => {
    const error = await inputError("empty-header-with-data.csv");
    expect(error.message).toContain(
      "line 3: column 2 has a value but no name in the header row (line 1); name the column or delete it.",
    );
  });

  it("names the line where an unclosed quote opens", async () => {
    const error = await inputError("unclosed-quote.csv");
    expect(error.message).toContain('unclosed-quote.csv, line 14: a quote (") opened here is never closed');
    expect(error.code).toBe("E_INPUT_QUOTE");
  });

  it("refuses a binary file", async () => {
    const error = await inputError("binary.csv");
    expect(error.message).toMatch(/binary\.csv is not a text file \(it contains NUL bytes\)/);
  });

  it("recognises an Excel workbook renamed to .csv", async () => {
    const error = await inputError("xlsx-renamed.csv");
    expect(error.message).toMatch(/looks like an Excel \(\.xlsx\) file, not CSV text; rename it to \.xlsx/);
  });

  it("reads UTF-16 without a BOM only when its encoding is given", async () => {
    const path = fixture("utf16le-no-bom-semicolon.csv");
    const error = await inputError("utf16le-no-bom-semicolon.csv");
    expect(error.message).toBe(
      `${path} looks like UTF-16 text without a byte-order mark; give its encoding with --encoding utf-16le (or utf-16be).`,
    );
    expect((await inputError("utf16le-no-bom-semicolon.csv", { encoding: "utf-8" })).code).toBe(
      "E_INPUT_BINARY",
    );
    const { source, rows } = await readAll("utf16le-no-bom-semicolon.csv", { encoding: "utf-16le" });
    expect(source).toMatchObject({ encoding: "utf-16le", delimiter: ";" });
    expect(rows).toEqual([{ line: 2, cells: ["+7 (999) 222-33-44", "Иван"] }]);
  });

  it("refuses an empty file and a file of blank lines", async () => {
    expect((await inputError("empty.csv")).message).toMatch(/empty\.csv is empty: it has no header row/);
    expect((await inputError("blank-lines-only.csv")).message).toMatch(/blank-lines-only\.csv is empty/);
  });

  it("refuses a header row without data rows", async () => {
    const error = await inputError("header-only.csv");
    expect(error.message).toMatch(/header-only\.csv has a header row \(line 1\) but no data rows\./);
  });

  it("with allowHeaderOnly, opens a header-only file as a table with no rows (an exclude list of one line)", async () => {
    const source = await openCsv(fixture("header-only.csv"), { allowHeaderOnly: true });
    const rows = [];
    for await (const row of source.rows()) rows.push(row);
    await source.close();
    expect(source.headers.length).toBeGreaterThan(0);
    expect(rows).toEqual([]);
  });

  it("refuses a file that does not exist, in one sentence", async () => {
    const error = await inputError("no-such-file.csv");
    expect(error.message).toMatch(/^cannot read .*no-such-file\.csv: there is no such file\.$/);
  });

  it("uses a given delimiter instead of detecting one", async () => {
    const { source, rows } = await readAll("utf8-bom-comma.csv", { delimiter: ";" });
    expect(source.delimiter).toBe(";");
    expect(source.headers).toEqual(["Телефон,Имя,Город"]);
    expect(rows[0]?.cells).toEqual(["+7 (999) 222-33-44,Иван,Москва"]);
  });

  it("refuses an unknown encoding and a delimiter that is not one character", async () => {
    expect((await inputError("utf8-semicolon.csv", { encoding: "klingon" })).message).toMatch(
      /^unknown encoding "klingon"/,
    );
    expect((await inputError("utf8-semicolon.csv", { delimiter: ";;" })).message).toMatch(
      /^the delimiter must be one character/,
    );
  });

  it("lets rows() be called once and close() release the file after an early stop", async () => {
    const source = await openCsv(fixture("multiline-quoted.csv"));
    const iterator = source.rows()[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.rowNumber).toBe(2);
    expect(() => source.rows()).toThrow(/only once/);
    await source.close();
    await source.close();
  });
});
