import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, workdir } from "./cli.js";
import { phoneNumbers } from "./journal-harness.js";
import { namesIn, phonesCsv, QUICK } from "./watch-harness.js";

/**
 * A campaigns folder whose campaign file says `lang: ru` writes STATUS.txt and its error notes in
 * Russian; the log speaks the process's language (CTDIAL_LANG). The built CLI against its built-in
 * sandbox (`--sandbox`), once (`--once`).
 */
const RU_TIME =
  /\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}, \d\d:\d\d/;

function russianFolder(files: Record<string, string>): { dir: string; folder: string } {
  const dir = workdir();
  const folder = join(dir, "campaigns");
  mkdirSync(folder);
  writeFileSync(join(folder, "campaign.yaml"), "routeKey: rk_ru\nlang: ru\n");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return { dir, folder };
}

/** A table with no phone column: it cannot be run, and goes to failed/ with its note. */
const BROKEN = "Имя;Город\r\nИван;Москва\r\n";

describe("ctdial watch in Russian", () => {
  it("words the log, STATUS.txt and the error note in Russian (CTDIAL_LANG=ru, lang: ru), with the right plurals", async () => {
    const { dir, folder } = russianFolder({
      "good.csv": phonesCsv(phoneNumbers(21, "931")),
      "two.csv": phonesCsv(phoneNumbers(2, "932")),
      "five.csv": phonesCsv(phoneNumbers(5, "933")),
      "broken.csv": BROKEN,
    });
    const result = await runCli(["watch", "campaigns", "--once", "--sandbox", ...QUICK], {
      cwd: dir,
      env: { CTDIAL_LANG: "ru", HOME: dir },
      timeoutMs: 60_000,
    });
    const log = result.stdout + result.stderr;
    // The worst file decides: broken.csv could not be run (exit 2).
    expect(result.code, log).toBe(2);
    expect(log).toContain("слежу за папкой");
    expect(log).toContain("good.csv: 21 строка: отправлено 21; перенесён в done/");
    expect(log).toContain("two.csv: 2 строки: отправлено 2; перенесён в done/");
    expect(log).toContain("five.csv: 5 строк: отправлено 5; перенесён в done/");
    expect(log).toContain("broken.csv: перенесён в failed/: broken.csv не удалось обработать:");
    expect(log).not.toContain("picked up");

    const status = readFileSync(join(folder, "STATUS.txt"), "utf8");
    const lines = status.split("\r\n");
    expect(lines[0]).toMatch(/^ctdial watch: STOPPED в /);
    expect(lines[0]).toMatch(RU_TIME);
    expect(lines[0]).toContain(": --once обработал всё, что было в папке");
    expect(status).toContain(`Папка: ${folder}`);
    expect(status).toMatch(
      /Обновлено: .*\(ctdial watch не запущен; запустите его снова, чтобы папка работала\)/,
    );
    expect(status).toContain("Недавно обработаны:");
    expect(status).toContain("  good.csv: 21 строка: отправлено 21 (перенесён в done/)");
    expect(status).toContain("  two.csv: 2 строки: отправлено 2 (перенесён в done/)");
    expect(status).toContain("  broken.csv: не удалось обработать (см. failed/broken.error.txt)");
    expect(status).not.toMatch(/Recently|Folder:|Updated:/);

    expect(namesIn(join(folder, "failed"))).toContain("broken.error.txt");
    const note = readFileSync(join(folder, "failed", "broken.error.txt"), "utf8");
    expect(note).toContain("broken.csv не удалось обработать: ");
    expect(note).toContain(
      "Исправьте и положите файл обратно в папку кампаний: уже отправленные строки повторно не отправляются.",
    );
    expect(note).not.toContain("could not be run");
  }, 90_000);

  it("writes the folder's files in its campaign's lang: while the log speaks the process's English", async () => {
    const { dir, folder } = russianFolder({
      "one.csv": phonesCsv(phoneNumbers(1, "934")),
      "broken.csv": BROKEN,
      "mixed.csv": "Телефон\r\n+7 999 435 00 01\r\n8 800 555 35 35\r\n",
    });
    const result = await runCli(["watch", "campaigns", "--once", "--sandbox", ...QUICK], {
      cwd: dir,
      env: { CTDIAL_LANG: "en", HOME: dir },
      timeoutMs: 60_000,
    });
    const log = result.stdout + result.stderr;
    expect(result.code, log).toBe(2);
    expect(log).toContain("one.csv: 1 row: sent 1; moved to done/");
    expect(log).toContain("broken.csv: moved to failed/: broken.csv could not be run:");
    const status = readFileSync(join(folder, "STATUS.txt"), "utf8");
    expect(status).toMatch(/^ctdial watch: STOPPED в /);
    expect(status).toContain("  one.csv: 1 строка: отправлено 1 (перенесён в done/)");
    const note = readFileSync(join(folder, "failed", "broken.error.txt"), "utf8");
    expect(note).toContain("broken.csv не удалось обработать: ");
    // The report is the folder's too: its ctdial_error cells in the campaign's language.
    const report = readFileSync(join(folder, "done", "mixed.report.csv"), "utf8");
    expect(report).toContain("колонка Телефон: ");
    expect(report).not.toContain("column Телефон");
  }, 90_000);
});
