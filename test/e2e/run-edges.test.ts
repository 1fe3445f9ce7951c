import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { endWhenDone } from "../tidy.js";
import { waitFor } from "../wait-for.js";
import { CLI, readReport, runCli, workdir } from "./cli.js";
import { startSandboxProcess } from "./sandbox-process.js";

const TOKEN = "ct-secret-token-77aa01";

function clients(count: number): string {
  const lines = ["Телефон;Имя"];
  for (let i = 0; i < count; i++) lines.push(`+7 916 ${String(10_000_000 + i).slice(1)};Клиент ${i}`);
  return `${lines.join("\r\n")}\r\n`;
}

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "");

/** An earlier ctdial report (only a report may be overwritten by one). */
const PREVIOUS = "\uFEFFТелефон;Имя;ctdial_status\r\n+7 916 0000000;Клиент 0;pending\r\n";

describe("run and validate: edges found by trying them", () => {
  it("no routeKey anywhere is one configuration error before any row is read: exit 2, no report", async () => {
    const dir = workdir();
    writeFileSync(join(dir, "clients.csv"), clients(3));
    for (const args of [
      ["validate", "clients.csv"],
      ["run", "clients.csv", "--sandbox", "--yes"],
    ]) {
      const result = await runCli(args, { cwd: dir, env: { CALLTOUCH_ROUTE_KEY: undefined } });
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(
        "no routeKey: create clients.campaign.yaml with routeKey: <key> (ctdial init writes one), or pass --route-key KEY, or set CALLTOUCH_ROUTE_KEY",
      );
      expect(existsSync(join(dir, "clients.report.csv"))).toBe(false);
    }
  });

  it("validate leaves alone the report of a campaign another ctdial is sending, and says so", async () => {
    const dir = workdir();
    writeFileSync(join(dir, "clients.csv"), clients(3));
    writeFileSync(join(dir, "clients.report.csv"), PREVIOUS);
    const status = await runCli(["status", "clients.csv", "--route-key", "rk_1", "--json"], { cwd: dir });
    const journal = lastJson(status.stdout).journal.path as string;
    const holder: ChildProcess = endWhenDone(spawn("sleep", ["60"]));
    try {
      mkdirSync(dirname(journal), { recursive: true });
      writeFileSync(journal.replace(/\.jsonl$/, ".lock"), `${holder.pid}\n`);
      const result = await runCli(["validate", "clients.csv", "--route-key", "rk_1"], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        `was left alone: a ctdial run of this campaign (process ${holder.pid}) is sending and writes it when it ends`,
      );
      expect(readFileSync(join(dir, "clients.report.csv"), "utf8")).toBe(PREVIOUS);
    } finally {
      holder.kill();
    }
  });

  it("status reads the journal even where a file named like the report is not one (it writes no report)", async () => {
    const dir = workdir();
    writeFileSync(join(dir, "clients.csv"), clients(2));
    writeFileSync(join(dir, "clients.report.csv"), "Телефон;Примечание\r\n");
    const status = await runCli(["status", "clients.csv", "--route-key", "rk_1"], { cwd: dir });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain("Never run");
    const validate = await runCli(["validate", "clients.csv", "--route-key", "rk_1"], { cwd: dir });
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain("The report would be written over");
  });

  it("counts ctdial_attempts across run and retry", async () => {
    // Every request for a phone is refused with 10006: the row fails in run, and again in each retry.
    const sandbox = await startSandboxProcess(["--phone-daily-limit", "0", "--quiet"]);
    try {
      const dir = workdir();
      writeFileSync(join(dir, "clients.csv"), clients(1));
      const env = { CALLTOUCH_TOKEN: TOKEN, CALLTOUCH_API_URL: sandbox.url };
      const common = ["clients.csv", "--route-key", "rk_1", "--yes", "--json"];
      const attemptsAfter = async (command: string) => {
        const result = await runCli([command, ...common], { cwd: dir, env });
        expect(result.code, result.stderr).toBe(1);
        const [row] = await readReport(join(dir, "clients.report.csv"));
        expect(row?.ctdial_status).toBe("failed");
        return row?.ctdial_attempts;
      };
      expect(await attemptsAfter("run")).toBe("1");
      expect(await attemptsAfter("retry")).toBe("2");
      expect(await attemptsAfter("retry")).toBe("3");
    } finally {
      await sandbox.stop();
    }
  }, 30_000);

  it("Ctrl+C on a large file exits without reading it all: the previous report stays, and it says how to refresh it", async () => {
    const sandbox = await startSandboxProcess(["--quiet"]);
    try {
      const dir = workdir();
      writeFileSync(join(dir, "big.csv"), clients(400_000));
      writeFileSync(join(dir, "big.report.csv"), PREVIOUS);
      const child = endWhenDone(
        spawn(process.execPath, [CLI, "run", "big.csv", "--route-key", "rk_1", "--yes", "--json"], {
          cwd: dir,
          env: {
            ...process.env,
            CALLTOUCH_TOKEN: TOKEN,
            CALLTOUCH_API_URL: sandbox.url,
            CTDIAL_STATE_DIR: join(dir, ".ctdial-state"),
          },
          stdio: ["ignore", "pipe", "pipe"],
        }),
      );
      let stdout = "";
      let stderr = "";
      child.stdout?.on("data", (c: Buffer) => {
        stdout += c.toString("utf8");
      });
      child.stderr?.on("data", (c: Buffer) => {
        stderr += c.toString("utf8");
      });
      // Wait for sending to be under way, then interrupt.
      await waitFor(async () => /"requests":[1-9]/.test(await accepted(sandbox.url)), "sending to begin");
      child.kill("SIGINT");
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(code, stderr).toBe(3);
      expect(existsSync(join(dir, "big.report.csv.tmp"))).toBe(false);
      const summary = lastJson(stdout);
      expect(summary.stopped.code).toBe("SIGNAL");
      if (summary.reportNote === undefined) {
        // The rest was reported within the time allowed: then the report is whole and says why.
        const rows = await readReport(join(dir, "big.report.csv"));
        expect(rows).toHaveLength(400_000);
        expect(summary.total).toBe(400_000);
        for (const row of rows.filter((r) => r.ctdial_status !== "sent")) {
          expect(row.ctdial_status).toBe("pending");
          expect(row.ctdial_error_code).toBe("SIGNAL");
        }
      } else {
        // It was not: the previous report stays as it was, and one sentence says how to refresh it.
        expect(readFileSync(join(dir, "big.report.csv"), "utf8")).toBe(PREVIOUS);
        expect(summary.reportNote).toContain("was not rewritten, to exit at once");
        expect(summary.reportNote).toContain("`ctdial validate` on the same file writes the report again");
      }
    } finally {
      await sandbox.stop();
    }
  }, 60_000);
});

async function accepted(url: string): Promise<string> {
  return fetch(`${url}/__sandbox/accepted`)
    .then((r) => r.text())
    .catch(() => "");
}
