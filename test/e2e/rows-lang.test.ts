import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../tidy.js";
import { readReport, runCli } from "./cli.js";

/** A messy base: every row but one needs a word in ctdial_error. */
const MESSY = [
  "Телефон;ФИО;Время звонка",
  "8 800 123-45-67;ООО Ромашка;",
  "+375 29 123-45-67;Ковальчук Андрей;",
  ";Без телефона;",
  "+7 999 123-45-01;Медведева Алина;31.02.2031 10:00",
  "+7 999 123-45-02;Петров Пётр;",
  "89991234502;Петров Пётр (копия);",
  "7 999 12;Короткий номер;",
  "+7 999 123-45-03;Сидорова Анна;завтра утром",
].join("\r\n");

const ENGLISH: Record<string, string> = {
  "ООО Ромашка": "column Телефон: 8-800 numbers cannot be dialed",
  "Ковальчук Андрей":
    "column Телефон: only Russian numbers can be dialed (this looks like a number from Belarus)",
  "Без телефона": "column Телефон: phone is empty",
  "Медведева Алина": 'column Время звонка: "31.02.2031 10:00" is not a real date and time',
  "Петров Пётр": "",
  "Петров Пётр (копия)": "duplicate of row 6",
  "Короткий номер": "column Телефон: expected 11 digits starting with 7 or 8, or 10 digits; got 6",
  "Сидорова Анна":
    'column Время звонка: expected a date and time such as 01.02.2026 10:00 or 2026-02-01 10:00, got "завтра утром"',
};

const RUSSIAN: Record<string, string> = {
  "ООО Ромашка": "колонка Телефон: на номера 8-800 звонить нельзя",
  "Ковальчук Андрей":
    "колонка Телефон: звонить можно только на российские номера, а этот, похоже, из другой страны: Беларусь",
  "Без телефона": "колонка Телефон: телефон не заполнен",
  "Медведева Алина": "колонка Время звонка: «31.02.2031 10:00»: такой даты и времени не бывает",
  "Петров Пётр": "",
  "Петров Пётр (копия)": "тот же номер, что в строке 6",
  "Короткий номер": "колонка Телефон: нужно 11 цифр, начиная с 7 или 8, или 10 цифр; здесь 6 цифр",
  "Сидорова Анна":
    "колонка Время звонка: нужны дата и время, например 01.02.2026 10:00 или 2026-02-01 10:00, а написано «завтра утром»",
};

async function validateIn(lang: "en" | "ru"): Promise<{ errors: Record<string, string>; stdout: string }> {
  const dir = tempDir("ctdial-e2e-rows-");
  writeFileSync(join(dir, "база.csv"), MESSY);
  const result = await runCli(["validate", "база.csv", "--route-key", "rk_1"], {
    cwd: dir,
    env: { CTDIAL_LANG: lang },
  });
  expect(result.code, result.stderr).toBe(1);
  const rows = await readReport(join(dir, "база.report.csv"), ";");
  return {
    errors: Object.fromEntries(rows.map((row) => [row.ФИО ?? "", row.ctdial_error ?? ""])),
    stdout: result.stdout,
  };
}

describe("ctdial_error in the user's language (built CLI)", () => {
  it("words every row's problem in Russian with CTDIAL_LANG=ru, in the report and the summary", async () => {
    const { errors, stdout } = await validateIn("ru");
    expect(errors).toEqual(RUSSIAN);
    expect(stdout).toContain("колонка Телефон: на номера 8-800 звонить нельзя");
  });

  it("words them exactly as before in English with CTDIAL_LANG=en", async () => {
    const { errors, stdout } = await validateIn("en");
    expect(errors).toEqual(ENGLISH);
    expect(stdout).toContain("column Телефон: 8-800 numbers cannot be dialed");
  });
});
