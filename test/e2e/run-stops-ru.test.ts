import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReport, runCli, workdir } from "./cli.js";
import { clientsCsv, display, journalFiles, phoneNumbers, sendingEnv } from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";

/**
 * A Russian-speaking user (CTDIAL_LANG=ru) reads the stops and the journal's errors in Russian, from
 * the built CLI: the daily-limit stop with its advice, and a campaign another ctdial is running.
 */
describe("stops and journal errors in Russian (built CLI, sandbox process)", () => {
  let sandbox: Awaited<ReturnType<typeof startSandboxProcess>>;

  beforeAll(async () => {
    sandbox = await startSandboxProcess(["--min-interval", "0", "--quiet"]);
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  function campaign(phones: readonly string[], yaml: string): string {
    const dir = workdir();
    writeFileSync(
      join(dir, "clients.csv"),
      clientsCsv(phones.map((p, i) => [display(p), `Клиент ${i + 1}`])),
    );
    writeFileSync(join(dir, "clients.campaign.yaml"), yaml);
    return dir;
  }

  it("the daily limit: the stop and its advice in Russian, exit 3", async () => {
    const dir = campaign(phoneNumbers(4, "961"), "routeKey: rk_ru\ndailyLimit: 2\n");
    const result = await runCli(["run", "clients.csv", "--yes", "--state-dir", join(dir, "state")], {
      cwd: dir,
      env: { ...sendingEnv(sandbox.url, dir), CTDIAL_LANG: "ru" },
    });
    expect(result.code, result.stderr).toBe(3);
    const said = `${result.stdout}\n${result.stderr}`;
    expect(said).toContain("Остановлено: Достигнут дневной лимит: 2 принятые заявки (сегодня принято 2).");
    expect(said).toContain("Запустите ту же команду завтра или увеличьте dailyLimit в файле кампании.");
    expect(said).not.toContain("daily limit");
  }, 30_000);

  it("no callback minutes (10001): Calltouch's words kept, the advice and the pending rows in Russian", async () => {
    const poor = await startSandboxProcess(["--minutes", "2", "--min-interval", "0", "--quiet"]);
    try {
      const dir = campaign(phoneNumbers(5, "963"), "routeKey: rk_ru\n");
      const result = await runCli(["run", "clients.csv", "--yes", "--state-dir", join(dir, "state")], {
        cwd: dir,
        env: { ...sendingEnv(poor.url, dir), CTDIAL_LANG: "ru" },
      });
      expect(result.code, result.stderr).toBe(3);
      const said = `${result.stdout}\n${result.stderr}`;
      expect(said).toMatch(/Остановлено: Calltouch ответил 10001: Недостаточно минут/);
      expect(said).toContain(
        "Пополните минуты обратного звонка в Calltouch, затем запустите ту же команду снова.",
      );
      expect(said).not.toMatch(/Top up|run the same command/);
      const pending = (await readReport(join(dir, "clients.report.csv"))).filter(
        (row) => row.ctdial_status === "pending",
      );
      expect(pending).toHaveLength(3);
      for (const row of pending) {
        expect(row.ctdial_error_code).toBe("10001");
        // Calltouch's own message, verbatim: the reason of every pending row, never English.
        expect(row.ctdial_error).toMatch(/^Недостаточно минут/);
      }
    } finally {
      await poor.stop();
    }
  }, 30_000);

  it("a campaign another ctdial is running: the lock's sentence in Russian, exit 2, --json too", async () => {
    const dir = campaign(phoneNumbers(2, "962"), "routeKey: rk_ru\n");
    const stateDir = join(dir, "state");
    const args = ["run", "clients.csv", "--yes", "--state-dir", stateDir];
    const env = { ...sendingEnv(sandbox.url, dir), CTDIAL_LANG: "ru" };
    const first = await runCli(args, { cwd: dir, env });
    expect(first.code, first.stderr).toBe(0);
    const [journal = ""] = journalFiles(stateDir);
    const lock = `${journal.replace(/\.jsonl$/, "")}.lock`;
    // This test's own process is alive: to the CLI, another ctdial holds the campaign.
    writeFileSync(lock, `${process.pid}\n`);

    const locked = await runCli(args, { cwd: dir, env });
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain(
      `ctdial: Эту кампанию сейчас отправляет другой ctdial (процесс ${process.pid}). Дождитесь, пока он закончит, или удалите ${lock}, если ctdial не запущен.`,
    );
    const json = await runCli([...args, "--json"], { cwd: dir, env });
    const error = (
      JSON.parse(json.stdout.trim().split("\n").at(-1) ?? "{}") as {
        error: { code: string; message: string };
      }
    ).error;
    expect(error.code).toBe("E_JOURNAL_LOCKED");
    expect(error.message).toMatch(/^Эту кампанию сейчас отправляет другой ctdial/);
  }, 30_000);
});
