import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CtdialError, errorSentence } from "../../src/errors.js";
import { reportFileError } from "../../src/sinks/report-file.js";
import { assertReportTarget } from "../../src/sinks/report-target.js";
import { readHeaderRow } from "../../src/sources/csv/header.js";
import { assertCellsHaveHeaders, assertUniqueHeaders } from "../../src/sources/grid-headers.js";
import { sourceKindOf } from "../../src/sources/open.js";
import { assertLooksLikeXlsx } from "../../src/sources/xlsx/sniff.js";
import { tempDir } from "../tidy.js";

/**
 * What reading a file and writing a report say in Russian, made where the errors are made: the same
 * place (file, line, column) as in English, Russian plurals, user data quoted as it is.
 */

function thrown(act: () => unknown): CtdialError {
  try {
    act();
  } catch (error) {
    return error as CtdialError;
  }
  throw new Error("nothing was thrown");
}

async function rejected(act: () => Promise<unknown>): Promise<CtdialError> {
  return act().then(
    () => {
      throw new Error("nothing was thrown");
    },
    (error: unknown) => error as CtdialError,
  );
}

describe("sources and report files in Russian", () => {
  it("names two CSV columns with one name, and keeps the English as it was", () => {
    const error = thrown(() => readHeaderRow(["Телефон", "Ёлка", "Елка"], "ёлки.csv", 1));
    expect(error.code).toBe("E_INPUT_HEADER");
    expect(errorSentence("ru", error)).toBe(
      "ёлки.csv, строка 1: в строке заголовков 2 столбца с названиями «Ёлка» и «Елка», которые считаются одинаковыми (регистр, пробелы и ё/е не различаются) (столбцы 2 и 3); переименуйте один из них.",
    );
    expect(errorSentence("en", error)).toBe(
      "ёлки.csv, line 1: the header row has two columns named Ёлка / Елка (case, spaces and ё/е do not count) (columns 2 and 3); rename one.",
    );
  });

  it.each([
    [2, "2 столбца"],
    [5, "5 столбцов"],
    [11, "11 столбцов"],
    [21, "21 столбец"],
  ])("counts %i columns of one name in Russian", (count, words) => {
    const headers = Array.from({ length: count }, () => "Телефон");
    const error = thrown(() => readHeaderRow(headers, "f.csv", 1));
    expect(errorSentence("ru", error)).toContain(`в строке заголовков ${words} с одним названием «Телефон»`);
  });

  it("places a header problem of an .xlsx sheet by its letters", () => {
    const where = { file: "f.xlsx", sheet: "Лист1" };
    const same = thrown(() => assertUniqueHeaders(["Телефон", "Имя", "Телефон", "Имя"], 1, where));
    expect(errorSentence("ru", same)).toBe(
      "f.xlsx, лист «Лист1»: в строке заголовков (строка 1) 2 столбца с одним названием «Телефон» (столбцы A и C) и 2 столбца с одним названием «Имя» (столбцы B и D); переименуйте их так, чтобы каждое название встречалось один раз.",
    );
    expect(errorSentence("en", same)).toBe(
      "f.xlsx, sheet Лист1: the header row (row 1) has two columns named Телефон (columns A and C) and two columns named Имя (columns B and D); rename them so that each name is used once.",
    );
    const unnamed = thrown(() =>
      assertCellsHaveHeaders(["Телефон", ""], 1, { rowNumber: 7, cells: ["+79161234567", "x"] }, where),
    );
    expect(errorSentence("ru", unnamed)).toBe(
      "f.xlsx, лист «Лист1»: у столбца B нет заголовка в строке 1, но в строке 7 есть значение; впишите заголовок в ячейку B1 или очистите столбец.",
    );
  });

  it("says which files ctdial reads", () => {
    expect(
      errorSentence(
        "ru",
        thrown(() => sourceKindOf("база.xls")),
      ),
    ).toBe(
      "база.xls — старый файл Excel (.xls); откройте его в Excel или LibreOffice и сохраните как .xlsx или .csv.",
    );
    const other = thrown(() => sourceKindOf("база.pdf"));
    expect(other.code).toBe("E_INPUT_FORMAT");
    expect(errorSentence("ru", other)).toContain("ctdial читает файлы .csv, .tsv, .txt и .xlsx");
  });

  it("tells a CSV file renamed to .xlsx", async () => {
    const dir = tempDir("ctdial-words-ru-");
    const file = join(dir, "база.xlsx");
    await writeFile(file, "Телефон;Имя\r\n");
    const error = await rejected(() => assertLooksLikeXlsx(file));
    expect(error.code).toBe("E_INPUT_NOT_XLSX");
    expect(errorSentence("ru", error)).toBe(
      `${file} — не книга .xlsx, а текстовый файл (может быть, это файл CSV, переименованный в .xlsx? дайте ему расширение .csv).`,
    );
  });

  it("says why a report cannot be written, and what it would have replaced", async () => {
    const busy = reportFileError("база.report.csv", Object.assign(new Error("busy"), { code: "EBUSY" }));
    expect(busy.code).toBe("E_REPORT_WRITE");
    expect(errorSentence("ru", busy)).toBe(
      "Не удаётся записать отчёт база.report.csv: файл открыт в другой программе.",
    );
    expect(errorSentence("en", busy)).toBe(
      "Cannot write the report база.report.csv: the file is open in another program.",
    );

    const dir = tempDir("ctdial-words-ru-");
    const source = join(dir, "база.csv");
    await writeFile(source, "Телефон\r\n79991112233\r\n");
    const target = await rejected(() =>
      assertReportTarget(source, { source, defaultPath: join(dir, "база.report.csv") }),
    );
    expect(target.code).toBe("E_REPORT_TARGET");
    expect(errorSentence("ru", target)).toBe(
      `Отчёт был бы записан поверх ${source}, а это файл, по которому идёт обзвон; укажите в --report другое имя файла или не указывайте --report, и отчёт будет записан в база.report.csv.`,
    );
  });
});
