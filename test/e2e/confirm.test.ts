import { describe, expect, it } from "vitest";
import { exampleWorkdir } from "./cli.js";
import { runInPty } from "./pty.js";
import { startSandboxProcess } from "./sandbox-process.js";

/**
 * The question before real requests leave (a terminal, no --yes): it says how many rows are about to
 * go, and declining it sends nothing and exits 2 ("nothing was sent"), like every other exit 2.
 */
const TOKEN = "ct-confirm-token-8b2f4a";
// 30 of the example's 37 rows are sendable; on a loaded machine the count may still be running.
const QUESTION =
  /Send (30 rows of example\.csv \(37 in the file\)|the unsent rows of example\.csv \((about \d+ in the file; )?still counting\)) to 127\.0\.0\.1:\d+ \(routeKey routekey_demo\)\? \[y\/N\]/;

const QUESTION_RU =
  /Отправить (30 строк из example\.csv \(всего в файле 37\)|неотправленные строки из example\.csv \((в файле около \d+; )?подсчёт ещё идёт\)) на 127\.0\.0\.1:\d+ \(routeKey routekey_demo\)\? \[д\/Н\]/;

describe.each([
  ["n", "n\r"],
  ["Ctrl+C", "\x03"],
  ["Ctrl+D", "\x04"],
])("answering %s to the question", (_name, answer) => {
  it("sends nothing, says so and exits 2", async () => {
    const sandbox = await startSandboxProcess();
    try {
      const dir = exampleWorkdir();
      const result = await runInPty(["run", "example.csv"], {
        cwd: dir,
        cols: 120,
        env: { CALLTOUCH_TOKEN: TOKEN, CALLTOUCH_API_URL: sandbox.url },
        actions: [{ when: /\[y\/N\]/, send: answer }],
      });
      expect(result.timedOut).toBe(false);
      expect(result.output).toMatch(QUESTION);
      expect(result.code).toBe(2);
      expect(result.output).toContain("ctdial: nothing was sent: the run was not confirmed");
      expect(result.output).not.toContain(TOKEN);
    } finally {
      const log = await sandbox.stop();
      expect(log).not.toContain(" -> ");
    }
  });
});

describe("answering y", () => {
  it("sends", async () => {
    const sandbox = await startSandboxProcess(["--quiet"]);
    try {
      const dir = exampleWorkdir();
      const result = await runInPty(["run", "example.csv"], {
        cwd: dir,
        cols: 120,
        env: { CALLTOUCH_TOKEN: TOKEN, CALLTOUCH_API_URL: sandbox.url },
        actions: [{ when: /\[y\/N\]/, send: "y\r" }],
      });
      expect(result.output).toMatch(QUESTION);
      expect(result.code).toBe(1);
      expect(result.output).toContain("37 rows: sent 30, skipped 1, invalid 6");
    } finally {
      await sandbox.stop();
    }
  });
});

/** A Russian keyboard layout types д for y: д and да say yes whatever the question's language. */
describe.each([
  ["д to the English question", "en", /\[y\/N\]/, "д\r"],
  ["да to the Russian question", "ru", /\[д\/Н\]/, "да\r"],
])("answering %s", (_name, lang, prompt, answer) => {
  it("sends", async () => {
    const sandbox = await startSandboxProcess(["--quiet"]);
    try {
      const dir = exampleWorkdir();
      const result = await runInPty(["run", "example.csv"], {
        cwd: dir,
        cols: 120,
        env: { CALLTOUCH_TOKEN: TOKEN, CALLTOUCH_API_URL: sandbox.url, CTDIAL_LANG: lang },
        actions: [{ when: prompt, send: answer }],
      });
      expect(result.timedOut).toBe(false);
      expect(result.code).toBe(1);
      if (lang === "en") {
        expect(result.output).toMatch(QUESTION);
        expect(result.output).toContain("37 rows: sent 30, skipped 1, invalid 6");
      } else {
        expect(result.output).toMatch(QUESTION_RU);
        expect(result.output).toContain("37 строк: отправлено 30, пропущено 1, с ошибками 6");
      }
    } finally {
      await sandbox.stop();
    }
  });
});

describe("declining the Russian question", () => {
  it("sends nothing and says so in Russian, exit 2", async () => {
    const sandbox = await startSandboxProcess();
    try {
      const dir = exampleWorkdir();
      const result = await runInPty(["run", "example.csv"], {
        cwd: dir,
        cols: 120,
        env: { CALLTOUCH_TOKEN: TOKEN, CALLTOUCH_API_URL: sandbox.url, CTDIAL_LANG: "ru" },
        actions: [{ when: /\[д\/Н\]/, send: "н\r" }],
      });
      expect(result.output).toMatch(QUESTION_RU);
      expect(result.code).toBe(2);
      expect(result.output).toContain("ctdial: Ничего не отправлено: запуск не подтверждён");
    } finally {
      const log = await sandbox.stop();
      expect(log).not.toContain(" -> ");
    }
  });
});
