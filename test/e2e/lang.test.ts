import { describe, expect, it } from "vitest";
import { englishWordsIn } from "../cli/english-words.js";
import { exampleWorkdir, runCli, workdir } from "./cli.js";

/**
 * The language ctdial speaks, as a person meets it: --lang, else CTDIAL_LANG, else the locale
 * (LC_ALL, LC_MESSAGES, LANG). The suite sets CTDIAL_LANG=en for every test: tests of the locale
 * remove it from the child's environment.
 */
const NO_LANG = { CTDIAL_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };

function lastJson(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as Record<string, unknown>;
}

describe("the language of a ctdial process", () => {
  it.each([
    ["LANG=ru_RU.UTF-8", [], { ...NO_LANG, LANG: "ru_RU.UTF-8" }, "ru"],
    ["LANG=C", [], { ...NO_LANG, LANG: "C" }, "en"],
    ["LC_ALL=C over LANG=ru_RU.UTF-8", [], { ...NO_LANG, LC_ALL: "C", LANG: "ru_RU.UTF-8" }, "en"],
    [
      "CTDIAL_LANG=en over LANG=ru_RU.UTF-8",
      [],
      { ...NO_LANG, CTDIAL_LANG: "en", LANG: "ru_RU.UTF-8" },
      "en",
    ],
    ["CTDIAL_LANG=ru over LANG=C", [], { ...NO_LANG, CTDIAL_LANG: "ru", LANG: "C" }, "ru"],
    [
      "--lang en over CTDIAL_LANG=ru and LANG",
      ["--lang", "en"],
      { CTDIAL_LANG: "ru", LANG: "ru_RU.UTF-8" },
      "en",
    ],
    ["--lang=ru over CTDIAL_LANG=en and LANG=C", ["--lang=ru"], { CTDIAL_LANG: "en", LANG: "C" }, "ru"],
  ] as const)("%s", async (_name, extra, env, lang) => {
    const result = await runCli(["--help", ...extra], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(lang === "ru" ? /^Использование: ctdial/ : /^Usage: ctdial/);
  });

  it("--lang is taken after the command too, and a wrong one is a usage error (exit 2, one sentence)", async () => {
    const after = await runCli(["status", "--help", "--lang", "ru"]);
    expect(after.stdout).toMatch(/^Использование: ctdial status/);
    const wrong = await runCli(["status", "x.csv", "--lang", "de"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      "error: option '--lang <lang>' argument 'de' is invalid. expected en or ru.\n(run ctdial --help for usage)\n",
    );
    const russian = await runCli(["status", "x.csv", "--lang", "de"], { env: { CTDIAL_LANG: "ru" } });
    expect(russian.code).toBe(2);
    expect(russian.stderr.split("\n")[0]).toBe(
      "ошибка: неверное значение «de» у параметра --lang <lang>: нужно en или ru.",
    );
  });
});

describe("--help in Russian", () => {
  it.each([
    [[]],
    [["run"]],
    [["retry"]],
    [["validate"]],
    [["status"]],
    [["init"]],
    [["watch"]],
    [["sandbox"]],
  ])("ctdial %j --help has no English word but names of options, commands and keys", async (command) => {
    const result = await runCli([...command, "--help"], { env: { CTDIAL_LANG: "ru" } });
    expect(result.code).toBe(0);
    const help = result.stdout;
    expect(englishWordsIn(help), result.stdout).toEqual([]);
    expect(help).toContain("-h, --help");
    expect(help).toContain("показать справку по команде");
  });
});

describe("--json in Russian: the same codes, the messages in Russian", () => {
  it("a usage error", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["run", "example.csv", "--json", "--bogus"], {
      cwd: dir,
      env: { CTDIAL_LANG: "ru" },
    });
    expect(result.code).toBe(2);
    expect(lastJson(result.stdout)).toEqual({
      error: { code: "E_USAGE", message: "неизвестный параметр --bogus" },
    });
    expect(result.stderr).toBe("ошибка: неизвестный параметр --bogus\n(справка: ctdial --help)\n");
  });

  it("a campaign error: the code stays, the message is stderr's Russian sentence", async () => {
    const dir = workdir();
    const { writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    writeFileSync(join(dir, "clients.csv"), "Телефон;Имя\r\n+7 916 200-11-10;Анна\r\n");
    const result = await runCli(["validate", "clients.csv", "--json"], {
      cwd: dir,
      env: { CTDIAL_LANG: "ru" },
    });
    expect(result.code).toBe(2);
    const { error } = lastJson(result.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe("E_NO_ROUTE_KEY");
    expect(error.message).toMatch(/^Не указан routeKey/);
    expect(result.stderr).toContain(`ctdial: ${error.message}`);
  });
});

describe("the summary in Russian", () => {
  it("validate: count first, its noun after, the same parts as English", async () => {
    const dir = exampleWorkdir();
    const english = await runCli(["validate", "example.csv"], { cwd: dir });
    expect(english.stdout.split("\n")[0]).toBe("37 rows: would-send 30, skipped 1, invalid 6");
    const russian = await runCli(["validate", "example.csv"], { cwd: dir, env: { CTDIAL_LANG: "ru" } });
    expect(russian.code).toBe(english.code);
    const lines = russian.stdout.split("\n");
    expect(lines[0]).toBe("37 строк: к отправке 30, пропущено 1, с ошибками 6");
    expect(lines).toContain("Требуют внимания 6 строк:");
  });
});

describe("status and init in Russian", () => {
  it("status of a campaign never run", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["status", "example.csv"], { cwd: dir, env: { CTDIAL_LANG: "ru" } });
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("37 строк: в очереди 30, с ошибками 6, пропущено 1");
    expect(lines[1]).toBe("Кампания ещё не запускалась: ничего не отправлено.");
    expect(lines.some((line) => line.startsWith("Журнал: "))).toBe(true);
  });

  it("init says where it wrote, and refuses to overwrite in Russian", async () => {
    const dir = workdir();
    const { writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    writeFileSync(join(dir, "clients.csv"), "Телефон;Имя\r\n+7 916 200-11-10;Анна\r\n");
    const env = { CTDIAL_LANG: "ru" };
    const first = await runCli(["init", "clients.csv"], { cwd: dir, env });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `Записан файл ${join(dir, "clients.campaign.yaml")}. Укажите в нём routeKey, затем выполните: ctdial validate clients.csv`,
    );
    const again = await runCli(["init", "clients.csv"], { cwd: dir, env });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      "ctdial: clients.campaign.yaml уже существует: исправьте его или выполните ctdial init --force, чтобы заменить.\n",
    );
  });
});
