import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { endWhenDone } from "../tidy.js";
import { waitFor } from "../wait-for.js";
import { CLI, exampleWorkdir, readReport, runCli, workdir } from "./cli.js";
import { startSandboxProcess } from "./sandbox-process.js";

const TOKEN = "ct-secret-token-4f9a2b";

function clients(count: number, start = 0): string {
  const lines = ["Телефон;Имя"];
  for (let i = start; i < start + count; i++)
    lines.push(
      `+7 916 ${String(1_000_000 + i).slice(1, 4)}-${String(i % 100).padStart(2, "0")}-${String(10 + (i % 90))};Клиент ${i}`,
    );
  return `${lines.join("\r\n")}\r\n`;
}

describe("ctdial run (built CLI)", () => {
  it("dials the example campaign against the in-process sandbox and reports every row", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["run", "example.csv", "--sandbox", "--yes", "--json"], { cwd: dir });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "");
    expect(summary).toMatchObject({
      total: 37,
      sent: 30,
      invalid: 6,
      skipped: 1,
      pending: 0,
      failed: 0,
      unknown: 0,
    });
    const rows = await readReport(join(dir, "example.report.csv"));
    const sent = rows.filter((r) => r.ctdial_status === "sent");
    expect(sent).toHaveLength(30);
    for (const row of sent) {
      expect(row.ctdial_request_id).toMatch(/^\d+$/);
      expect(row.ctdial_attempts).toBe("1");
      expect(row.ctdial_sent_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    }
    expect(new Set(sent.map((r) => r.ctdial_request_id)).size).toBe(30);
  });

  it("refuses to send without a token, naming the variable and the way out", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["run", "example.csv", "--yes"], {
      cwd: dir,
      env: { CALLTOUCH_API_URL: "http://127.0.0.1:9" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /CALLTOUCH_TOKEN is not set \(looked in the environment and .+\/\.env\);.*--sandbox/,
    );
  });

  it("--dry-run sends nothing and reports would-send", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["run", "example.csv", "--dry-run", "--json"], {
      cwd: dir,
      env: { CALLTOUCH_TOKEN: TOKEN, CALLTOUCH_API_URL: "http://127.0.0.1:9" },
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "")).toMatchObject({
      sent: 0,
      "would-send": 30,
    });
  });

  it("stops the whole campaign on 10001 (no minutes), leaves the rest pending, exits 3, never shows the token", async () => {
    const sandbox = await startSandboxProcess(["--minutes", "4", "--quiet"]);
    try {
      const dir = workdir();
      writeFileSync(join(dir, "base.csv"), clients(12));
      const result = await runCli(["run", "base.csv", "--route-key", "rk_1", "--yes", "--json"], {
        cwd: dir,
        env: { CALLTOUCH_TOKEN: TOKEN, CALLTOUCH_API_URL: sandbox.url },
      });
      expect(result.code).toBe(3);
      const summary = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "");
      expect(summary).toMatchObject({ total: 12, sent: 4, pending: 8 });
      expect(summary.stopped.code).toBe(10001);
      expect(result.stderr).toMatch(
        /Stopped: Calltouch answered 10001: .+\nTop up callback minutes in Calltouch, then run the same command again\./,
      );
      const report = readFileSync(join(dir, "base.report.csv"), "utf8");
      for (const text of [result.stdout, result.stderr, report]) expect(text).not.toContain(TOKEN);
      // Every pending row says why, not only the rows that were in flight when the stop came.
      const pending = (await readReport(join(dir, "base.report.csv"))).filter(
        (r) => r.ctdial_status === "pending",
      );
      expect(pending).toHaveLength(8);
      for (const row of pending) {
        expect(row.ctdial_error_code).toBe("10001");
        expect(row.ctdial_error).not.toBe("");
      }
    } finally {
      await sandbox.stop();
    }
  });

  it("SIGINT lets requests in flight finish, writes the report and exits 3 with the rest pending", async () => {
    const sandbox = await startSandboxProcess(["--quiet"]);
    try {
      const dir = workdir();
      writeFileSync(join(dir, "base.csv"), clients(40));
      const child = endWhenDone(
        spawn(process.execPath, [CLI, "run", "base.csv", "--route-key", "rk_1", "--yes", "--json"], {
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
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString("utf8");
      });
      child.stderr.resume();
      // Once sending is under way (not after a guessed time: a loaded machine starts slowly).
      await waitFor(
        async () =>
          ((await (await fetch(`${sandbox.url}/__sandbox/accepted`)).json()) as { requests: number })
            .requests > 0,
        "the first request",
      );
      child.kill("SIGINT");
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(code).toBe(3);
      const summary = JSON.parse(stdout.trim().split("\n").at(-1) ?? "");
      expect(summary.sent).toBeGreaterThan(0);
      expect(summary.pending).toBeGreaterThan(0);
      expect(summary.sent + summary.pending + summary.unknown).toBe(40);
      const rows = await readReport(join(dir, "base.report.csv"));
      expect(rows.filter((r) => r.ctdial_status === "sent")).toHaveLength(summary.sent);
    } finally {
      await sandbox.stop();
    }
  });
});
