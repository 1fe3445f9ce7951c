import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { runCli, workdir } from "./cli.js";

/**
 * A broken client base as an operator meets it, in both languages: the same place (file and line),
 * the same advice, in Russian with CTDIAL_LANG=ru and byte for byte the old English with
 * CTDIAL_LANG=en; through the worker thread and without it.
 */

function lastJson(stdout: string): { error: { code: string; message: string } } {
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as { error: { code: string; message: string } };
}

describe("a broken CSV file, said in the user's language", () => {
  for (const thread of ["1", "0"]) {
    it(`names the line of an unclosed quote in Russian and in English (CTDIAL_CSV_THREAD=${thread})`, async () => {
      const dir = workdir("fixtures/csv/unclosed-quote.csv");
      const args = ["validate", "unclosed-quote.csv", "--route-key", "rk_1"];
      const ru = await runCli(args, { cwd: dir, env: { CTDIAL_LANG: "ru", CTDIAL_CSV_THREAD: thread } });
      expect(ru.code).toBe(2);
      expect(ru.stderr).toContain(
        'unclosed-quote.csv, строка 14: открытая здесь кавычка (") нигде не закрыта; закройте её или удалите.',
      );
      expect(ru.stderr).not.toContain("never closed");

      const en = await runCli(args, { cwd: dir, env: { CTDIAL_LANG: "en", CTDIAL_CSV_THREAD: thread } });
      expect(en.code).toBe(2);
      expect(en.stderr).toContain(
        'unclosed-quote.csv, line 14: a quote (") opened here is never closed; close it or remove it.',
      );
      expect(en.stderr).not.toMatch(/строка/);
    });
  }

  it("names the line where a UTF-8 file turns into Windows-1251, with its stable code in --json", async () => {
    const dir = workdir();
    // More UTF-8 than the reader samples to detect the encoding (64 KB), then one Windows-1251 line.
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `+7 916 ${String(1_000_000 + i).slice(1, 4)}-${String(i % 100).padStart(2, "0")}-00;Анна\r\n`,
    );
    const head = Buffer.from(`Телефон;Имя\r\n${rows.join("")}`, "utf8");
    const tail = iconv.encode("+7 916 200-11-12;Вера\r\n", "windows-1251");
    writeFileSync(join(dir, "смесь.csv"), Buffer.concat([head, tail]));
    const args = ["validate", "смесь.csv", "--route-key", "rk_1", "--json"];

    const ru = await runCli(args, { cwd: dir, env: { CTDIAL_LANG: "ru" } });
    expect(ru.code).toBe(2);
    const ruError = lastJson(ru.stdout).error;
    expect(ruError.code).toBe("E_INPUT_ENCODING");
    expect(ruError.message).toBe(
      `${join(dir, "смесь.csv")}, строка 3002: эта строка не в кодировке UTF-8, хотя строки выше — в ней; в файле смешаны кодировки. Сохраните файл заново в UTF-8 (или укажите его кодировку через --encoding).`,
    );
    expect(ru.stderr).toContain(ruError.message);

    const en = await runCli(args, { cwd: dir, env: { CTDIAL_LANG: "en" } });
    const enError = lastJson(en.stdout).error;
    expect(enError.code).toBe("E_INPUT_ENCODING");
    expect(enError.message).toBe(
      `${join(dir, "смесь.csv")}, line 3002: this line is not valid UTF-8 although the lines before it are; the file mixes encodings, so save it again as UTF-8 (or give its encoding with --encoding).`,
    );
  });
});
