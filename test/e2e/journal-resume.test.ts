import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readReport, runCli, workdir } from "./cli.js";
import {
  acceptedPhones,
  clientsCampaign,
  clientsCsv,
  filesContaining,
  PERMISSIVE,
  phoneNumbers,
  phoneOfRow,
  repeated,
  sandboxRecord,
  sendingEnv,
  summaryOf,
  TOKEN,
} from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";

/** `ctdial status --json`: the last stdout line. */
interface StatusJson {
  journal: { path: string; exists: boolean; runs: number; lastRunAt?: string };
  rows: Record<string, number>;
  total: number;
  left: number;
  retryable: number;
}

function statusJson(stdout: string): StatusJson {
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as StatusJson;
}

describe("resume after a stop, and ctdial status (built CLI, sandbox processes)", () => {
  it("a run stopped by 10001 leaves pending rows; status counts them; the next run sends exactly those", async () => {
    const phones = phoneNumbers(20, "903");
    const { dir, stateDir } = clientsCampaign(phones);
    const common = ["clients.csv", "--route-key", "rk_resume", "--state-dir", stateDir];
    const outputs: string[] = [];

    const never = await runCli(["status", ...common], { cwd: dir, env: { HOME: dir } });
    outputs.push(never.stdout, never.stderr);
    expect(never.code, never.stderr).toBe(0);
    expect(never.stdout).toContain("20 rows: pending 20");
    expect(never.stdout).toContain("Never run: nothing has been sent for this campaign.");
    expect(never.stdout).toContain("Left to send: 20");

    // Five minutes on the balance: five rows are accepted, then Calltouch refuses the campaign.
    const poor = await startSandboxProcess(["--minutes", "5", ...PERMISSIVE]);
    let firstAccepted: string[];
    let pendingPhones: string[];
    try {
      const stopped = await runCli(["run", ...common, "--yes", "--json"], {
        cwd: dir,
        env: sendingEnv(poor.url, dir),
      });
      outputs.push(stopped.stdout, stopped.stderr);
      expect(stopped.code, stopped.stderr).toBe(3);
      const summary = summaryOf(stopped);
      expect(summary).toMatchObject({ total: 20, sent: 5, pending: 15, failed: 0, unknown: 0 });
      expect(summary.stopped?.code).toBe(10001);
      firstAccepted = acceptedPhones(await sandboxRecord(poor.url));
      expect(firstAccepted).toHaveLength(5);
      const rows = await readReport(join(dir, "clients.report.csv"));
      pendingPhones = rows.filter((row) => row.ctdial_status === "pending").map(phoneOfRow);
      expect(pendingPhones).toHaveLength(15);
      expect(
        rows
          .filter((row) => row.ctdial_status === "sent")
          .map(phoneOfRow)
          .sort(),
      ).toEqual([...firstAccepted].sort());
    } finally {
      await poor.stop();
    }

    const status = await runCli(["status", ...common], { cwd: dir, env: { HOME: dir } });
    outputs.push(status.stdout, status.stderr);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain("20 rows: sent 5, pending 15");
    expect(status.stdout).toMatch(/Last run: \d{4}-\d\d-\d\dT\S+ \(1 run\)/);
    expect(status.stdout).toContain("Left to send: 15 (ctdial run continues with them)");
    const journalLine = /Journal: (\S+)/.exec(status.stdout)?.[1] ?? "";
    expect(journalLine.startsWith(join(stateDir, "journals"))).toBe(true);
    expect(journalLine).toMatch(/\.jsonl$/);
    expect(existsSync(journalLine)).toBe(true);

    const asJson = await runCli(["status", ...common, "--json"], { cwd: dir, env: { HOME: dir } });
    expect(asJson.code, asJson.stderr).toBe(0);
    expect(statusJson(asJson.stdout)).toMatchObject({
      journal: { path: journalLine, exists: true, runs: 1 },
      rows: { sent: 5, pending: 15 },
      total: 20,
      left: 15,
      retryable: 0,
    });

    // A new Calltouch balance (another sandbox process): the next run continues with the pending rows only.
    const topped = await startSandboxProcess(PERMISSIVE);
    try {
      const resumed = await runCli(["run", ...common, "--yes", "--json"], {
        cwd: dir,
        env: sendingEnv(topped.url, dir),
      });
      outputs.push(resumed.stdout, resumed.stderr);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(summaryOf(resumed)).toMatchObject({ total: 20, sent: 20, pending: 0 });
      const second = acceptedPhones(await sandboxRecord(topped.url));
      expect([...second].sort()).toEqual([...pendingPhones].sort());
      expect(repeated([...firstAccepted, ...second])).toEqual([]);
      expect([...firstAccepted, ...second].sort()).toEqual([...phones].sort());
    } finally {
      await topped.stop();
    }

    const done = await runCli(["status", ...common, "--json"], { cwd: dir, env: { HOME: dir } });
    // With --json the lines for people go to stderr, so that stdout ends with one JSON object.
    expect(done.stderr).toContain("20 rows: sent 20");
    expect(done.stderr).toContain("Nothing left to send.");
    expect(statusJson(done.stdout)).toMatchObject({ journal: { runs: 2 }, left: 0, rows: { sent: 20 } });

    expect(filesContaining(TOKEN, stateDir, [join(dir, "clients.report.csv")])).toEqual([]);
    for (const output of outputs) expect(output).not.toContain(TOKEN);
  }, 60_000);

  it("status --sandbox shows the journal of --sandbox runs, apart from the real one", async () => {
    const dir = workdir();
    writeFileSync(
      join(dir, "clients.csv"),
      clientsCsv(phoneNumbers(3, "905").map((p, i) => [p, `Клиент ${i + 1}`])),
    );
    const common = ["clients.csv", "--route-key", "rk_demo", "--state-dir", join(dir, "state")];
    const run = await runCli(["run", ...common, "--sandbox", "--yes"], { cwd: dir, env: { HOME: dir } });
    expect(run.code, run.stderr).toBe(0);

    const sandboxStatus = await runCli(["status", ...common, "--sandbox"], { cwd: dir, env: { HOME: dir } });
    expect(sandboxStatus.code, sandboxStatus.stderr).toBe(0);
    expect(sandboxStatus.stdout).toContain("3 rows: sent 3");
    expect(sandboxStatus.stdout).toContain(join(dir, "state", "sandbox", "journals"));

    // The real journal knows nothing: sandbox runs must never make rows look sent to a real run.
    const realStatus = await runCli(["status", ...common], { cwd: dir, env: { HOME: dir } });
    expect(realStatus.stdout).toContain("3 rows: pending 3");
    expect(realStatus.stdout).toContain("Never run");
  }, 30_000);
});
