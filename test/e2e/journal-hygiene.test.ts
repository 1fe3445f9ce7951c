import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../tidy.js";
import { type CliResult, readReport, runCli } from "./cli.js";
import {
  acceptedPhones,
  clientsCsv,
  display,
  filesContaining,
  filesUnder,
  phoneNumbers,
  phoneOfRow,
  sandboxRecord,
  sendingEnv,
  summaryOf,
  TOKEN,
} from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";

/**
 * Dialing hygiene from the campaign file: exclude lists, the daily limit (which survives restarts),
 * the cross-campaign dedupe window and the call window. One sandbox process serves every case; each
 * case uses its own phones and compares the sandbox's record before and after.
 */
describe("dialing hygiene (built CLI, sandbox process)", () => {
  let sandbox: Awaited<ReturnType<typeof startSandboxProcess>>;
  const outputs: CliResult[] = [];
  const stateDirs: string[] = [];
  const reports: string[] = [];
  // The last case reads what every earlier one wrote: their folders live as long as the file does.
  let root: string;

  beforeAll(async () => {
    root = tempDir("ctdial-e2e-hygiene-");
    sandbox = await startSandboxProcess(["--min-interval", "0", "--quiet"]);
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  /** A folder with `<name>.csv` and `<name>.campaign.yaml`, and a state dir of its own unless given. */
  function campaign(
    name: string,
    phones: readonly string[],
    yaml: string,
    dir = mkdtempSync(join(root, "case-")),
  ): string {
    writeFileSync(
      join(dir, `${name}.csv`),
      clientsCsv(phones.map((p, i) => [display(p), `Клиент ${i + 1}`])),
    );
    writeFileSync(join(dir, `${name}.campaign.yaml`), yaml);
    reports.push(join(dir, `${name}.report.csv`));
    return dir;
  }

  async function run(dir: string, name: string, extra: string[] = []): Promise<CliResult> {
    const stateDir = join(dir, "state");
    if (!stateDirs.includes(stateDir)) stateDirs.push(stateDir);
    const result = await runCli(
      ["run", `${name}.csv`, "--yes", "--json", "--state-dir", stateDir, ...extra],
      {
        cwd: dir,
        env: sendingEnv(sandbox.url, dir),
      },
    );
    outputs.push(result);
    return result;
  }

  /** Runs `body` and returns the phones the sandbox accepted meanwhile. */
  async function dialedDuring(body: () => Promise<void>): Promise<string[]> {
    const before = (await sandboxRecord(sandbox.url)).accepted.length;
    await body();
    return acceptedPhones(await sandboxRecord(sandbox.url)).slice(before);
  }

  it("skips rows whose phone is in an exclude file, naming the file", async () => {
    const phones = phoneNumbers(8, "977");
    const dir = campaign("clients", phones, "routeKey: rk_hygiene\nexclude: dnc.txt\n");
    // A do-not-call list typed by hand: another spelling of the same numbers still matches.
    writeFileSync(join(dir, "dnc.txt"), `8${phones[1]?.slice(1)}\n${display(phones[6] ?? "")}\n`);
    let result: CliResult | undefined;
    const dialed = await dialedDuring(async () => {
      result = await run(dir, "clients");
    });
    expect(result?.code, result?.stderr).toBe(0);
    expect(summaryOf(result as CliResult)).toMatchObject({ total: 8, sent: 6, skipped: 2 });
    const excluded = [phones[1], phones[6]];
    expect([...dialed].sort()).toEqual(phones.filter((p) => !excluded.includes(p)).sort());
    const rows = await readReport(join(dir, "clients.report.csv"));
    for (const row of rows.filter((r) => excluded.includes(phoneOfRow(r)))) {
      expect(row.ctdial_status).toBe("skipped");
      expect(row.ctdial_error).toBe("excluded by dnc.txt");
    }
  }, 30_000);

  it("dailyLimit stops after that many accepted requests, and the count survives a restart", async () => {
    const phones = phoneNumbers(10, "978");
    const dir = campaign("clients", phones, "routeKey: rk_hygiene\ndailyLimit: 3\n");
    let first: CliResult | undefined;
    const dialed = await dialedDuring(async () => {
      first = await run(dir, "clients");
    });
    expect(first?.code, first?.stderr).toBe(3);
    const summary = summaryOf(first as CliResult);
    expect(summary).toMatchObject({ total: 10, sent: 3, pending: 7 });
    expect(summary.stopped?.message).toMatch(/daily limit of 3/);
    expect(dialed).toHaveLength(3);

    // A new process the same day: the three accepted today still count, so nothing is sent.
    const requests = (await sandboxRecord(sandbox.url)).requests;
    const second = await run(dir, "clients");
    expect(second.code, second.stderr).toBe(3);
    expect(summaryOf(second)).toMatchObject({ sent: 3, pending: 7 });
    expect((await sandboxRecord(sandbox.url)).requests).toBe(requests);
    const rows = await readReport(join(dir, "clients.report.csv"));
    expect(rows.filter((r) => r.ctdial_status === "pending")).toHaveLength(7);
  }, 30_000);

  it("dedupeWindow skips a phone another campaign had accepted, naming it and when", async () => {
    const [shared1 = "", shared2 = "", ...own] = phoneNumbers(6, "979");
    const dir = campaign(
      "spring",
      [...own.slice(0, 2), shared1, shared2],
      "routeKey: rk_hygiene\ndedupeWindow: 24h\n",
    );
    const first = await run(dir, "spring");
    expect(first.code, first.stderr).toBe(0);

    // Another file in the same folder and the same state dir: another campaign.
    campaign("autumn", [shared2, ...own.slice(2), shared1], "routeKey: rk_hygiene\ndedupeWindow: 24h\n", dir);
    let second: CliResult | undefined;
    const dialed = await dialedDuring(async () => {
      second = await run(dir, "autumn");
    });
    expect(second?.code, second?.stderr).toBe(0);
    expect(summaryOf(second as CliResult)).toMatchObject({ total: 4, sent: 2, skipped: 2 });
    expect([...dialed].sort()).toEqual(own.slice(2).sort());
    const rows = await readReport(join(dir, "autumn.report.csv"));
    for (const row of rows.filter((r) => [shared1, shared2].includes(phoneOfRow(r)))) {
      expect(row.ctdial_status).toBe("skipped");
      expect(row.ctdial_error).toMatch(
        /^dialed by campaign spring\.csv at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00 \(within dedupeWindow 24h\)$/,
      );
    }
  }, 30_000);

  it("dedupeWindow also sees phones dialed by a campaign that has no dedupeWindow of its own", async () => {
    const [shared = "", ...own] = phoneNumbers(3, "981");
    const dir = campaign("leads", [shared, own[0] ?? ""], "routeKey: rk_hygiene\n");
    const first = await run(dir, "leads");
    expect(first.code, first.stderr).toBe(0);

    campaign("careful", [own[1] ?? "", shared], "routeKey: rk_hygiene\ndedupeWindow: 24h\n", dir);
    let second: CliResult | undefined;
    const dialed = await dialedDuring(async () => {
      second = await run(dir, "careful");
    });
    expect(second?.code, second?.stderr).toBe(0);
    expect(dialed).toEqual([own[1]]);
    const rows = await readReport(join(dir, "careful.report.csv"));
    expect(rows.find((r) => phoneOfRow(r) === shared)?.ctdial_error).toMatch(
      /^dialed by campaign leads\.csv at /,
    );
  }, 30_000);

  it("dailyLimit counts what every campaign of the token had accepted today, not only its own", async () => {
    const dir = campaign("morning", phoneNumbers(3, "982"), "routeKey: rk_hygiene\n");
    const first = await run(dir, "morning");
    expect(first.code, first.stderr).toBe(0);

    campaign("evening", phoneNumbers(3, "983"), "routeKey: rk_hygiene\ndailyLimit: 4\n", dir);
    let second: CliResult | undefined;
    const dialed = await dialedDuring(async () => {
      second = await run(dir, "evening");
    });
    expect(second?.code, second?.stderr).toBe(3);
    expect(dialed).toHaveLength(1);
  }, 30_000);

  it("outside the call window with --no-wait: exit 3, every row pending, nothing sent", async () => {
    const phones = phoneNumbers(5, "980");
    // Every weekday but today and tomorrow in Moscow: closed now, even if the test runs across midnight.
    const weekday = (offsetDays: number): string =>
      new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "Europe/Moscow" })
        .format(new Date(Date.now() + offsetDays * 86_400_000))
        .toLowerCase();
    const closed = [weekday(0), weekday(1)];
    const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].filter((d) => !closed.includes(d));
    const dir = campaign(
      "clients",
      phones,
      `routeKey: rk_hygiene\ntimezone: Europe/Moscow\ncallWindow: {from: "09:00", to: "20:00", days: [${days.join(", ")}]}\n`,
    );
    const requests = (await sandboxRecord(sandbox.url)).requests;
    const result = await run(dir, "clients", ["--no-wait"]);
    expect(result.code, result.stderr).toBe(3);
    const summary = summaryOf(result);
    expect(summary).toMatchObject({ total: 5, sent: 0, pending: 5 });
    expect(summary.stopped?.message).toMatch(/outside the call window/);
    expect((await sandboxRecord(sandbox.url)).requests).toBe(requests);
    const rows = await readReport(join(dir, "clients.report.csv"));
    expect(rows.map((r) => r.ctdial_status)).toEqual(Array(5).fill("pending"));
  }, 30_000);

  it("never writes the token: not in journals, counters, registries, reports, stdout or stderr", () => {
    const files = stateDirs.flatMap(filesUnder);
    // The grep covers every kind of state file: journals, the daily counter, the dedupe registry.
    for (const kind of ["/journals/", "/daily/", "/dialed/"]) {
      expect(files.some((file) => file.includes(kind))).toBe(true);
    }
    const written = reports.filter((report) => existsSync(report));
    expect(written.length).toBeGreaterThan(3);
    for (const stateDir of stateDirs) expect(filesContaining(TOKEN, stateDir, written)).toEqual([]);
    for (const output of outputs) expect(output.stdout + output.stderr).not.toContain(TOKEN);
  });
});
