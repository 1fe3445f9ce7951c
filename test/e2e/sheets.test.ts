import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeCell } from "../fakes/sheets/model.js";
import { type FakeProcess, startSheetsFakeProcess } from "../fakes/sheets/spawn.js";
import { SA_EMAIL, serviceAccountKey } from "../google-sheets/helpers.js";
import { waitFor } from "../wait-for.js";
import { runCli, workdir } from "./cli.js";
import {
  acceptedPhones,
  PERMISSIVE,
  phoneNumbers,
  repeated,
  sandboxRecord,
  sendingEnv,
  startCli,
  summaryOf,
} from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";

let fake: FakeProcess;
beforeAll(async () => {
  // One fake for the whole file: Google's per-minute quota would make later tests wait for earlier
  // ones (the watch test looks every second). The quota's 429 path is tested in test/sheets/.
  fake = await startSheetsFakeProcess({ FAKE_READS_PER_MINUTE: "100000", FAKE_WRITES_PER_MINUTE: "100000" });
});
afterAll(() => fake.stop());

let counter = 0;
/** A spreadsheet in the fake process with these phones under Телефон / Имя, and its link. */
async function sheet(
  phones: readonly string[],
  extra: { access?: "editor" | "reader" | "none"; kind?: "sheets" | "xlsx" } = {},
) {
  const id = `e2e-sheet-${++counter}-${Date.now()}`;
  const rows: FakeCell[][] = [
    ["Телефон", "Имя"],
    ...phones.map((phone, i) => [Number(phone), `Клиент ${i + 1}`]),
  ];
  await fake.add({
    spreadsheetId: id,
    title: "Лиды",
    tabs: [{ title: "Заявки", sheetId: 555, rows, columnCount: 2 }],
    ...extra,
  });
  return { id, link: `https://docs.google.com/spreadsheets/d/${id}/edit#gid=555` };
}

function env(dir: string, more: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: dir,
    XDG_STATE_HOME: join(dir, "xdg"),
    GOOGLE_SHEETS_API_URL: fake.url,
    GOOGLE_SHEETS_ACCESS_TOKEN: "ya29.e2e-secret",
    ...more,
  };
}

async function statuses(id: string): Promise<{ phone: FakeCell; status: FakeCell }[]> {
  const tab = await fake.tab(id, "Заявки");
  const header = tab.rows[0] ?? [];
  const at = header.indexOf("ctdial_status");
  return tab.rows
    .slice(1)
    .map((row) => ({ phone: row[0] ?? null, status: at < 0 ? null : (row[at] ?? null) }));
}

describe("ctdial on a Google Sheet (built CLI, Sheets fake and sandbox as processes)", () => {
  it("run writes every result beside its row, even with a row inserted above mid-run", async () => {
    const phones = phoneNumbers(12, "917");
    const { id, link } = await sheet(phones);
    // Right after ctdial's first write (the result headers), a person inserts a row above row 2.
    await fake.schedule({
      afterWrites: 1,
      edit: {
        op: "insert",
        spreadsheetId: id,
        title: "Заявки",
        before: 2,
        rows: [[79170000999, "Вставлен вручную"]],
      },
    });
    const dir = workdir();
    const result = await runCli(["run", link, "--sandbox", "--yes", "--json", "--route-key", "rk"], {
      cwd: dir,
      env: env(dir),
    });
    expect(result.code, result.stderr).toBe(0);
    // One pass over the sheet: the row inserted above after it was read is the next run's to dial,
    // and no result landed on it (each went to its own row, moved one down).
    expect(summaryOf(result)).toMatchObject({ total: 12, sent: 12 });
    const rows = await statuses(id);
    expect(rows[0]).toEqual({ phone: 79170000999, status: null });
    expect(rows.slice(1).map((r) => r.status)).toEqual(new Array(12).fill("sent"));
    const tab = await fake.tab(id, "Заявки");
    expect(tab.columnCount).toBeGreaterThanOrEqual(8);
    expect(result.stderr + result.stdout).not.toContain("ya29.e2e-secret");
  });

  it("SIGKILL mid-run, then run again: nobody is dialed twice and every row has its result", async () => {
    const phones = phoneNumbers(25, "918");
    const { id, link } = await sheet(phones);
    const sandbox = await startSandboxProcess(PERMISSIVE);
    const dir = workdir();
    const stateDir = join(dir, "state");
    const args = ["run", link, "--route-key", "rk_kill", "--yes", "--json", "--state-dir", stateDir];
    const runEnv = { ...sendingEnv(sandbox.url, dir), ...env(dir) };
    try {
      const first = startCli(args, { cwd: dir, env: runEnv });
      await waitFor(
        async () => (await sandboxRecord(sandbox.url)).accepted.length >= 6,
        "six accepted requests",
      );
      first.child.kill("SIGKILL");
      await first.done;
      const second = await runCli(args, { cwd: dir, env: runEnv });
      expect([0, 1], second.stderr).toContain(second.code);
      const record = await sandboxRecord(sandbox.url);
      expect(repeated(acceptedPhones(record))).toEqual([]);
      const rows = await statuses(id);
      expect(rows.every((r) => r.status === "sent" || r.status === "unknown")).toBe(true);
      // Every row shown sent was accepted; an accepted phone whose answer the kill cut off is shown
      // unknown (it may have been called), never sent again and never pending.
      const accepted = new Set(acceptedPhones(record));
      const shown = (status: string) => rows.filter((r) => r.status === status).map((r) => String(r.phone));
      for (const phone of shown("sent")) expect(accepted.has(phone), phone).toBe(true);
      for (const phone of accepted) expect([...shown("sent"), ...shown("unknown")]).toContain(phone);
    } finally {
      await sandbox.stop();
    }
  });

  it("validate writes would-send into the sheet; --report writes a local file and leaves the sheet alone", async () => {
    const { id, link } = await sheet([...phoneNumbers(3, "919"), "12345"]);
    const dir = workdir();
    const local = await runCli(["validate", link, "--route-key", "rk", "--report", "out.csv", "--json"], {
      cwd: dir,
      env: env(dir),
    });
    expect(local.code, local.stderr).toBe(1);
    expect((await fake.tab(id, "Заявки")).rows[0]).toEqual(["Телефон", "Имя"]);
    const inSheet = await runCli(["validate", link, "--route-key", "rk", "--json"], {
      cwd: dir,
      env: env(dir),
    });
    expect(inSheet.code, inSheet.stderr).toBe(1);
    expect((await statuses(id)).map((r) => r.status)).toEqual([
      "would-send",
      "would-send",
      "would-send",
      "invalid",
    ]);
  });

  it.each([
    [
      "no credentials",
      {},
      { GOOGLE_SHEETS_ACCESS_TOKEN: "" },
      /No Google credentials were found.*GOOGLE_APPLICATION_CREDENTIALS/,
    ],
    [
      "not shared",
      { access: "none" },
      "key",
      new RegExp(
        `The service account ${SA_EMAIL.replaceAll(".", "\\.")} has no access to spreadsheet .*share the sheet with ${SA_EMAIL.replaceAll(".", "\\.")} as an editor`,
      ),
    ],
    [
      "view-only",
      { access: "reader" },
      "key",
      /can only view spreadsheet .*as an editor, or pass --report FILE/,
    ],
    ["an unconverted .xlsx", { kind: "xlsx" }, {}, /File -> Save as Google Sheets/],
  ] as const)("%s: one sentence, exit 2, nothing sent", async (_name, access, extraEnv, message) => {
    const { link } = await sheet(phoneNumbers(2, "915"), access as { access?: "none" | "reader" });
    const dir = workdir();
    const more: Record<string, string> =
      extraEnv === "key"
        ? { GOOGLE_SHEETS_ACCESS_TOKEN: "", GOOGLE_APPLICATION_CREDENTIALS: serviceAccountKey(dir) }
        : { ...extraEnv };
    const runEnv = env(dir, more);
    for (const key of Object.keys(runEnv)) if (runEnv[key] === "") delete runEnv[key];
    const result = await runCli(["run", link, "--sandbox", "--yes", "--route-key", "rk"], {
      cwd: dir,
      env: { ...runEnv, GOOGLE_SHEETS_ACCESS_TOKEN: runEnv.GOOGLE_SHEETS_ACCESS_TOKEN },
    });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("view-only access stops the run before the first request (checked against a sandbox process)", async () => {
    const { link } = await sheet(phoneNumbers(2, "916"), { access: "reader" });
    const sandbox = await startSandboxProcess(PERMISSIVE);
    const dir = workdir();
    try {
      const result = await runCli(["run", link, "--yes", "--route-key", "rk"], {
        cwd: dir,
        env: { ...sendingEnv(sandbox.url, dir), ...env(dir) },
      });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/can only view spreadsheet/);
      expect((await sandboxRecord(sandbox.url)).requests).toBe(0);
    } finally {
      await sandbox.stop();
    }
  });

  it("a missing spreadsheet and a missing tab", async () => {
    const dir = workdir();
    const missing = await runCli(
      ["run", "https://docs.google.com/spreadsheets/d/no-such-sheet-here/edit", "--sandbox", "--yes"],
      {
        cwd: dir,
        env: env(dir),
      },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Spreadsheet no-such-sheet-here was not found/);
    const { link } = await sheet(phoneNumbers(1, "914"));
    const noTab = await runCli(["run", link, "--sheet", "Лист1", "--sandbox", "--yes"], {
      cwd: dir,
      env: env(dir),
    });
    expect(noTab.code).toBe(2);
    expect(noTab.stderr).toContain('Spreadsheet "Лиды" has no tab named "Лист1"; its tabs are: "Заявки".');
  });

  it("renaming the tab and the file keeps the campaign: the rerun dials nobody again", async () => {
    const { id, link } = await sheet(phoneNumbers(3, "912"));
    const sandbox = await startSandboxProcess(PERMISSIVE);
    const dir = workdir();
    const runEnv = { ...sendingEnv(sandbox.url, dir), ...env(dir) };
    const args = ["run", link, "--yes", "--json", "--route-key", "rk", "--state-dir", join(dir, "state")];
    try {
      expect(summaryOf(await runCli(args, { cwd: dir, env: runEnv }))).toMatchObject({ sent: 3 });
      await fake.edit({
        op: "rename",
        spreadsheetId: id,
        title: "Заявки",
        to: "Старые заявки",
        file: "Архив",
      });
      const again = await runCli(args, { cwd: dir, env: runEnv });
      expect(again.code, again.stderr).toBe(0);
      // Still sent, from the journal: the same spreadsheet id and tab id name the same campaign.
      expect(summaryOf(again)).toMatchObject({ total: 3, sent: 3 });
      expect((await sandboxRecord(sandbox.url)).accepted).toHaveLength(3);
    } finally {
      await sandbox.stop();
    }
  });

  it("watch dials rows appended to the sheet, survives a restart without dialing anyone twice, and exits 0 on SIGTERM", async () => {
    const { id, link } = await sheet(phoneNumbers(3, "911"));
    const sandbox = await startSandboxProcess(PERMISSIVE);
    const dir = workdir();
    const runEnv = { ...sendingEnv(sandbox.url, dir), ...env(dir) };
    const args = [
      "watch",
      link,
      "--interval",
      "1",
      "--yes",
      "--route-key",
      "rk",
      "--state-dir",
      join(dir, "state"),
    ];
    const sentCount = async () => (await statuses(id)).filter((r) => r.status === "sent").length;
    try {
      const first = startCli(args, { cwd: dir, env: runEnv });
      await waitFor(async () => (await sentCount()) === 3, "the first three rows sent", 30_000);
      await fake.edit({
        op: "append",
        spreadsheetId: id,
        title: "Заявки",
        rows: [
          [79110000101, "С формы 1"],
          [79110000102, "С формы 2"],
        ],
      });
      await waitFor(async () => (await sentCount()) === 5, "the appended rows sent", 30_000);
      first.child.kill("SIGTERM");
      const ended = await first.done;
      expect(ended.code, ended.stderr).toBe(0);

      const second = startCli(args, { cwd: dir, env: runEnv });
      await fake.edit({
        op: "append",
        spreadsheetId: id,
        title: "Заявки",
        rows: [[79110000103, "С формы 3"]],
      });
      await waitFor(async () => (await sentCount()) === 6, "the row appended while stopped", 30_000);
      second.child.kill("SIGTERM");
      expect((await second.done).code).toBe(0);
      const phones = acceptedPhones(await sandboxRecord(sandbox.url));
      expect(phones).toHaveLength(6);
      expect(repeated(phones)).toEqual([]);
    } finally {
      await sandbox.stop();
    }
  });

  it("init proposes a campaign file naming the sheet; status reads the sheet and the journal", async () => {
    const { id, link } = await sheet(phoneNumbers(2, "910"));
    const dir = workdir();
    const init = await runCli(["init", link], { cwd: dir, env: env(dir) });
    expect(init.code, init.stderr).toBe(0);
    const yaml = readFileSync(join(dir, `${id}.campaign.yaml`), "utf8");
    expect(yaml).toContain(link);
    expect(yaml).toMatch(/sheet: Заявки/);
    const status = await runCli(["status", link, "--route-key", "rk"], { cwd: dir, env: env(dir) });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout + status.stderr).toMatch(/2 rows: pending 2/);
  });

  it("a campaign file can name the sheet as its source", async () => {
    const { id, link } = await sheet(phoneNumbers(2, "913"));
    const dir = workdir();
    writeFileSync(join(dir, "leads.campaign.yaml"), `routeKey: rk\nsource: "${link}"\n`);
    const result = await runCli(["run", "leads.campaign.yaml", "--sandbox", "--yes", "--json"], {
      cwd: dir,
      env: env(dir),
    });
    expect(result.code, result.stderr).toBe(0);
    expect((await statuses(id)).map((r) => r.status)).toEqual(["sent", "sent"]);
  });

  it("in Russian (CTDIAL_LANG=ru), a sheet not shared with the service account names its e-mail and says what to press", async () => {
    const { id, link } = await sheet(phoneNumbers(1, "911"), { access: "none" });
    const dir = workdir();
    const key = serviceAccountKey(dir);
    const result = await runCli(["run", link, "--sandbox", "--yes", "--route-key", "rk"], {
      cwd: dir,
      env: {
        ...env(dir),
        GOOGLE_SHEETS_ACCESS_TOKEN: undefined,
        GOOGLE_APPLICATION_CREDENTIALS: key,
        CTDIAL_LANG: "ru",
      },
    });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(
      `У сервисного аккаунта ${SA_EMAIL} нет доступа к таблице ${id}. Откройте таблицу в Google Sheets, нажмите «Настройки доступа» (в старом интерфейсе «Открыть доступ»), вставьте адрес ${SA_EMAIL}, выберите роль «Редактор» и нажмите «Отправить», затем запустите команду ещё раз.`,
    );
    expect(result.stderr).not.toContain("has no access");
  });

  it("in Russian, without any credentials: the steps in the Google Cloud console, by its Russian menus", async () => {
    const { link } = await sheet(phoneNumbers(1, "911"));
    const dir = workdir();
    const result = await runCli(["run", link, "--sandbox", "--yes", "--route-key", "rk"], {
      cwd: dir,
      env: { ...env(dir), GOOGLE_SHEETS_ACCESS_TOKEN: undefined, CTDIAL_LANG: "ru" },
    });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain("Не найдены учётные данные Google для чтения таблицы.");
    expect(result.stderr).toContain("«IAM и администрирование» → «Сервисные аккаунты»");
  });
});
