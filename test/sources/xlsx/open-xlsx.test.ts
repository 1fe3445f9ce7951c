/**
 * The XLSX source against files made by LibreOffice, by exceljs and by hand (see
 * fixtures/xlsx/generate.mjs). Each cell case is written out with the exact Cell it must give.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import type { Cell, SourceRow } from "../../../src/sources/types.js";
import { lastRowOf } from "../../../src/sources/xlsx/cells.js";
import { openXlsx } from "../../../src/sources/xlsx/open-xlsx.js";

const fixture = (name: string): string => `fixtures/xlsx/${name}`;
/** A date cell; `showsTime` for cells at midnight (does the cell's format show a time of day?). */
const date = (wallClock: string, showsTime?: boolean): Cell =>
  showsTime === undefined ? { type: "date", wallClock } : { type: "date", wallClock, showsTime };
const error = (text: string): Cell => ({ type: "error", text });

async function readAll(name: string, sheet?: string) {
  const source = await openXlsx(fixture(name), { sheet });
  const rows: SourceRow[] = [];
  try {
    for await (const row of source.rows()) rows.push(row);
  } finally {
    await source.close();
  }
  return { source, rows: rows.map((row) => [row.rowNumber, row.cells] as const) };
}

async function failure(name: string, sheet?: string): Promise<InputError> {
  try {
    await readAll(name, sheet);
  } catch (caught) {
    expect(caught).toBeInstanceOf(InputError);
    return caught as InputError;
  }
  throw new Error(`${name} was read without an error`);
}

describe("a workbook saved by LibreOffice Calc (libreoffice-cells.fods)", () => {
  it("reads the first tab with headers trimmed and every cell as Calc shows it", async () => {
    const { source, rows } = await readAll("libreoffice-cells.xlsx");
    expect(source.kind).toBe("xlsx");
    expect(source.sheetName).toBe("Клиенты");
    expect(source.headerRowNumber).toBe(1);
    expect(source.headers).toEqual([
      "Телефон",
      "Имя",
      "Звонок",
      "Сумма",
      "Активен",
      "Проверка",
      "Приветствие",
      "Сайт",
    ]);
    expect(rows).toEqual([
      [
        2,
        [
          79991234501, // an 11-digit phone typed as a number: exact digits
          "Анна",
          date("2027-12-03T11:00:00"), // stored as 46724.4583333333 (10:59:59.9997)
          1234.5, // =A2*0+1234.5 shown as 1234.50: the cached result
          true, // =TRUE()
          error("#N/A"), // =NA()
          "Здравствуйте, Анна", // a formula with a text result
          "example.ru/anna", // a hyperlink: its text
        ],
      ],
      // row 3 is empty and passed over; row numbers stay the sheet's
      [
        4,
        [
          "+7 (916) 123-45-67", // a phone typed as text
          "007", // text that looks like a number keeps its zeros
          date("2027-12-04T11:00:00"), // =C2+1 formatted as a date: the result is a date too
          error("#DIV/0!"), // =1/0
          0, // FALSE typed into Calc: LibreOffice saves it as the number 0 with a General format
          date("1899-12-30T09:30:00"), // a time-only cell (hh:mm)
          -0.25,
          "Борис на сайте", // =HYPERLINK(url; text)
        ],
      ],
      [5, [79990000003]],
    ]);
  });

  it("reads another tab by name, trimmed and case-insensitively", async () => {
    const { source, rows } = await readAll("libreoffice-cells.xlsx", "  архив ");
    expect(source.sheetName).toBe("Архив");
    expect(rows).toEqual([[2, [79990000001, "Старый клиент"]]]);
  });

  it("names the sheets there are when the one asked for is missing", async () => {
    const caught = await failure("libreoffice-cells.xlsx", "Лист2");
    expect(caught.message).toBe(
      "fixtures/xlsx/libreoffice-cells.xlsx has no sheet named Лист2; it has: Клиенты, Архив.",
    );
  });

  it('reads a 1904-system workbook (date1904="true") on the dates Calc shows', async () => {
    const { rows } = await readAll("libreoffice-1904.xlsx");
    expect(rows).toEqual([[2, [79991234501, date("2027-12-03T11:00:00")]]]);
  });

  it("reads a CSV imported into Calc with Russian dates detected", async () => {
    const { source, rows } = await readAll("libreoffice-from-csv.xlsx");
    expect(source.headers).toEqual(["Телефон", "ФИО", "Перезвонить", "Теги", "Филиал"]);
    expect(rows).toEqual([
      [2, [79991234501, "Анна Иванова", date("2025-12-01T11:00:00"), "vip, новый", 3]],
      [3, [89161234567, "Борис Петров", date("2025-12-02T09:30:15"), null, 12]],
      [4, ["+7 (916) 765-43-21", 'Смирнова "Вера"', null, "повтор"]],
    ]);
  });
});

describe("rich text and hyperlinks", () => {
  it("gives every run of inline rich text, not only the last, and leaves out phonetic guides", async () => {
    const { source, rows } = await readAll("inline-rich-text.xlsx");
    expect(source.headers).toEqual(["Телефон", "Имя клиента", "Комментарий"]);
    expect(rows).toEqual([
      [2, ["79991234501", "Иван Петрович Сидоров", "Звонить после 18:00"]],
      // the text &lt;Анна&gt; is written as such (entities decoded once); _x000D_ escapes decoded
      [3, ["79991234502", "&lt;Анна&gt;", "строка\r\nвторая, _x0041_"]],
    ]);
  });

  it("gives shared rich text whole, without the indentation between tags or the phonetic guide", async () => {
    const { source, rows } = await readAll("shared-strings-rich-text.xlsx");
    expect(source.headers).toEqual(["Телефон", "Имя", "Комментарий"]);
    expect(rows).toEqual([
      [2, [79991234501, "Иван Петрович", "Звонить утром"]],
      [3, [79991234502, "Анна", "перевод\nстроки"]],
    ]);
  });

  it("reads rich text and hyperlink cells written by exceljs's workbook writer", async () => {
    const { rows } = await readAll("exceljs-rich-text-hyperlinks.xlsx");
    expect(rows).toEqual([
      [2, [79991234501, "Анна Иванова", "example.ru/anna", "anna@example.ru"]],
      [3, [79991234502, "Борис", "сайт Бориса"]],
    ]);
  });

  it("reads the inline rich text exceljs's own streaming writer produces", async () => {
    const { rows } = await readAll("exceljs-stream-inline.xlsx");
    expect(rows).toEqual([[2, [79991234501, "Анна Иванова", "example.ru/anna"]]]);
  });
});

describe("formulas, dates and the parts of a workbook", () => {
  it("gives the cached result of a formula by its type", async () => {
    const { rows } = await readAll("formula-results.xlsx");
    expect(rows).toEqual([
      [
        2,
        [
          79991234501,
          error("#REF!"), // t="e" result
          true, // t="b" result
          "&lt;b>", // t="str" result, decoded once
          date("2026-12-01T11:00:00"), // date-formatted numeric result
          1234.5, // currency format: the number
          error("formula with no saved result"), // <f> without <v>
          date("2025-12-01T11:00:00"), // t="d" ISO date cell
        ],
      ],
      [
        3,
        [
          79991234502,
          error("#N/A"),
          false,
          null,
          date("2026-12-01T00:00:00", false), // dd.mm.yyyy: a date without a time
          date("1900-01-01T00:00:00", true), // 0.999999 in a time format: a real 00:00:00
        ],
      ],
    ]);
  });

  it("reads the 1904 date system", async () => {
    const { rows } = await readAll("date1904.xlsx");
    expect(rows).toEqual([
      [2, [79991234501, date("2026-12-01T11:00:00")]],
      [3, [79991234502, date("1904-01-01T00:00:00", false)]],
    ]);
  });

  it("finds the first visible tab when tab order, part numbers and zip order all differ", async () => {
    const { source, rows } = await readAll("tab-order.xlsx");
    expect(source.sheetName).toBe("Клиенты");
    expect(rows).toEqual([[2, [79991234501, "из второго листа"]]]);
    const hidden = await readAll("tab-order.xlsx", "служебный");
    expect(hidden.rows).toEqual([[2, [79990000000, "скрытый"]]]);
    const caught = await failure("tab-order.xlsx", "Лист1");
    expect(caught.message).toBe(
      "fixtures/xlsx/tab-order.xlsx has no sheet named Лист1; it has: Служебный (hidden), Клиенты, Архив.",
    );
  });

  it("knows a date cell even when styles.xml comes after the worksheet", async () => {
    const { rows } = await readAll("styles-after-sheet.xlsx");
    expect(rows).toEqual([[2, [79991234501, date("2027-12-03T11:00:00")]]]);
  });

  it("reads rows and cells without references and tags with a namespace prefix", async () => {
    const { source, rows } = await readAll("no-references-prefixed.xlsx");
    expect(source.headers).toEqual(["Телефон", "Имя"]);
    expect(rows).toEqual([
      [4, [79991234501, "Анна"]],
      [5, [null, "без телефона"]],
    ]);
  });
});

describe("the header row", () => {
  it("is the first non-empty row; numbers and dates in it become text; blank rows are skipped", async () => {
    const { source, rows } = await readAll("header-below-title.xlsx");
    expect(source.headerRowNumber).toBe(3);
    expect(source.headers).toEqual(["", "Телефон", "2025", "2025-12-01"]);
    expect(rows).toEqual([
      [4, [null, 79991234501, "да"]],
      [7, [null, 79991234502]],
    ]);
  });

  it("refuses two columns with one name", async () => {
    const caught = await failure("duplicate-headers.xlsx");
    expect(caught.message).toBe(
      "fixtures/xlsx/duplicate-headers.xlsx, sheet Лист1: the header row (row 1) has two columns named Телефон / телефон (case, spaces and ё/е do not count) (columns B and D); rename one.",
    );
  });

  it("refuses a value in a column without a header, at the row where it is", async () => {
    const source = await openXlsx(fixture("headerless-column.xlsx"));
    expect(source.headers).toEqual(["Телефон", "", "Имя"]);
    const seen: number[] = [];
    const reading = (async () => {
      for await (const row of source.rows()) seen.push(row.rowNumber);
    })();
    await expect(reading).rejects.toThrow(
      "fixtures/xlsx/headerless-column.xlsx, sheet Лист1: column B has no header in row 1 but has a value in row 3; type a header into B1 or clear the column.",
    );
    expect(seen).toEqual([2]);
    await source.close();
  });

  it("refuses an empty sheet", async () => {
    const caught = await failure("empty-sheet.xlsx");
    expect(caught.message).toBe(
      "fixtures/xlsx/empty-sheet.xlsx: sheet Пустой is empty; put a header row and the clients' rows into it.",
    );
  });
});

describe("files that are not .xlsx workbooks", () => {
  it.each([
    [
      "csv-renamed.xlsx",
      "fixtures/xlsx/csv-renamed.xlsx is not an .xlsx workbook but a text file (is it a CSV file renamed to .xlsx? give it a .csv name).",
    ],
    [
      "old-xls-renamed.xlsx",
      "fixtures/xlsx/old-xls-renamed.xlsx is not an .xlsx workbook: it is an old Excel .xls file or a password-protected workbook; save it as .xlsx without a password.",
    ],
    [
      "ods-renamed.xlsx",
      "fixtures/xlsx/ods-renamed.xlsx is an OpenDocument spreadsheet (.ods), not .xlsx; save it as .xlsx.",
    ],
    [
      "zip-not-workbook.xlsx",
      "fixtures/xlsx/zip-not-workbook.xlsx is a zip archive but not an .xlsx workbook; open it in Excel or LibreOffice and save it as .xlsx.",
    ],
    [
      "truncated.xlsx",
      "fixtures/xlsx/truncated.xlsx is incomplete (the file ends too early; was a download or copy interrupted?); get the file again or save it again from Excel.",
    ],
    ["missing.xlsx", "fixtures/xlsx/missing.xlsx does not exist; check the path."],
  ])("%s", async (name, message) => {
    const caught = await failure(name);
    expect(caught.message).toBe(message);
    expect(caught.exitCode).toBe(2);
  });
});

describe("the Source contract", () => {
  it("stops early on close() and lets rows() run only once", async () => {
    const source = await openXlsx(fixture("libreoffice-cells.xlsx"));
    const rows = source.rows();
    for await (const row of rows) {
      expect(row.rowNumber).toBe(2);
      break;
    }
    expect(() => source.rows()).toThrow("only once");
    await source.close();
  });

  it("can be closed without reading any row", async () => {
    const source = await openXlsx(fixture("shared-strings-rich-text.xlsx"));
    await expect(source.close()).resolves.toBeUndefined();
  });
});

describe("estimatedRows, from the sheet's recorded used range", () => {
  it("is the rows below the header that the file's <dimension> covers", async () => {
    const cases: [string, number][] = [
      ["fixtures/xlsx/libreoffice-from-csv.xlsx", 3],
      // A title above the header: rows 4..7 are below it, whatever of them is empty.
      ["fixtures/xlsx/header-below-title.xlsx", 4],
    ];
    for (const [file, estimate] of cases) {
      const source = await openXlsx(file);
      try {
        expect(source.estimatedRows).toBe(estimate);
      } finally {
        await source.close();
      }
    }
  });

  it("is absent when the writer recorded no range (exceljs's streaming writer), and rows still come", async () => {
    const source = await openXlsx("fixtures/xlsx/formula-results.xlsx");
    expect(source.estimatedRows).toBeUndefined();
    let rows = 0;
    for await (const _row of source.rows()) rows++;
    expect(rows).toBe(2);
    await source.close();
  });

  it("reads the last row of any range reference", () => {
    expect(lastRowOf("A1:J200001")).toBe(200001);
    expect(lastRowOf("B3")).toBe(3);
    expect(lastRowOf("A1:XFD1048576")).toBe(1048576);
    expect(lastRowOf("")).toBeUndefined();
    expect(lastRowOf(undefined)).toBeUndefined();
    expect(lastRowOf("A:C")).toBeUndefined();
  });
});
