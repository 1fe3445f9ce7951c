import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { endWhenDone } from "../tidy.js";
import { CLI, exampleWorkdir, runCli, workdir } from "./cli.js";
import { startSandboxProcess } from "./sandbox-process.js";

/** Exit codes, --json errors, .env files and options that do not apply, as a script or a person meets them. */
const TOKEN = "ct-contract-token-5c1d0e";

function lastJson(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as Record<string, unknown>;
}

function clients(count: number): string {
  const lines = ["Телефон;Имя"];
  for (let i = 0; i < count; i++) lines.push(`+7 916 ${200 + i}-11-${10 + i};Клиент ${i}`);
  return `${lines.join("\r\n")}\r\n`;
}

describe("the exit code survives a closed output pipe", () => {
  it.each([[[]], [["--json"]]])(
    "ctdial run ... %j | true exits with the run's code (1), finishes and writes the report",
    (extra) => {
      const dir = exampleWorkdir();
      // `true` exits at once, so every write to stdout meets a closed pipe (EPIPE).
      const args = [CLI, "run", "example.csv", "--sandbox", "--yes", ...extra].map((a) => `'${a}'`).join(" ");
      const result = spawnSync(
        "bash",
        ["-c", `'${process.execPath}' ${args} | true; echo "code=\${PIPESTATUS[0]}"`],
        {
          cwd: dir,
          env: { ...process.env, CTDIAL_STATE_DIR: join(dir, ".ctdial-state") },
          encoding: "utf8",
          timeout: 60_000,
        },
      );
      expect(result.stdout.trim()).toBe("code=1");
      expect(result.stderr).not.toMatch(/EPIPE|unexpected error/);
      expect(existsSync(join(dir, "example.report.csv"))).toBe(true);
    },
  );

  it("a reader that goes away mid-way does not stop the run either", async () => {
    const dir = exampleWorkdir();
    const child = endWhenDone(
      spawn(process.execPath, [CLI, "validate", "example.csv"], {
        cwd: dir,
        env: { ...process.env, CTDIAL_STATE_DIR: join(dir, ".ctdial-state") },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(stderr).toBe("");
  });
});

describe("--json errors end stdout with one JSON object", () => {
  it("a usage error", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["run", "example.csv", "--json", "--bogus"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(lastJson(result.stdout)).toEqual({
      error: { code: "E_USAGE", message: "unknown option '--bogus'" },
    });
    expect(result.stderr).toContain("unknown option '--bogus'");
  });

  it("a configuration error, with the message stderr shows", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["run", "example.csv", "--yes", "--json"], {
      cwd: dir,
      env: { CALLTOUCH_API_URL: "http://127.0.0.1:9" },
    });
    expect(result.code).toBe(2);
    const { error } = lastJson(result.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe("E_CONFIG");
    expect(result.stderr).toContain(`ctdial: ${error.message}`);
  });

  it("an input error", async () => {
    const dir = workdir();
    const result = await runCli(["validate", "missing.csv", "--json"], { cwd: dir });
    expect(result.code).toBe(2);
    expect((lastJson(result.stdout).error as { code: string }).code).toBe("E_INPUT");
  });

  it("without --json, stdout stays empty on an error", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["run", "example.csv", "--bogus"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
  });
});

describe(".env beside the source", () => {
  it("ctdial run ~/calls/clients.csv from another folder finds ~/calls/.env", async () => {
    const sandbox = await startSandboxProcess(["--quiet", "--token", TOKEN]);
    try {
      const calls = workdir();
      const elsewhere = workdir();
      writeFileSync(join(calls, "clients.csv"), clients(3));
      writeFileSync(join(calls, ".env"), `CALLTOUCH_TOKEN=${TOKEN}\nCALLTOUCH_API_URL=${sandbox.url}\n`);
      const result = await runCli(
        ["run", join(calls, "clients.csv"), "--route-key", "rk_1", "--yes", "--json"],
        {
          cwd: elsewhere,
          env: { CTDIAL_STATE_DIR: join(elsewhere, "state") },
        },
      );
      expect(result.stderr).not.toContain(TOKEN);
      expect(result.code).toBe(0);
      expect(lastJson(result.stdout)).toMatchObject({ total: 3, sent: 3 });
    } finally {
      await sandbox.stop();
    }
  });

  it("the working directory's .env wins over the source folder's; both are read", async () => {
    // The sandbox takes only the key the working directory's .env gives: the other one is refused (exit 3).
    const sandbox = await startSandboxProcess(["--quiet", "--route-key", "rk_from_cwd"]);
    try {
      const calls = workdir();
      const elsewhere = workdir();
      writeFileSync(join(calls, "clients.csv"), clients(2));
      writeFileSync(
        join(calls, ".env"),
        `CALLTOUCH_ROUTE_KEY=rk_from_source_folder\nCALLTOUCH_TOKEN=${TOKEN}\nCALLTOUCH_API_URL=${sandbox.url}\n`,
      );
      writeFileSync(join(elsewhere, ".env"), "CALLTOUCH_ROUTE_KEY=rk_from_cwd\n");
      const result = await runCli(["run", join(calls, "clients.csv"), "--yes", "--json"], {
        cwd: elsewhere,
        env: { CTDIAL_STATE_DIR: join(elsewhere, "state") },
      });
      expect(result.code).toBe(0);
      expect(lastJson(result.stdout)).toMatchObject({ total: 2, sent: 2 });
    } finally {
      await sandbox.stop();
    }
  });

  it("the missing-token message names both .env files it looked at", async () => {
    const calls = exampleWorkdir();
    const elsewhere = workdir();
    const result = await runCli(["run", join(calls, "example.csv"), "--yes"], {
      cwd: elsewhere,
      env: { CALLTOUCH_API_URL: "http://127.0.0.1:9" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `CALLTOUCH_TOKEN is not set (looked in the environment, ${join(elsewhere, ".env")} and ${join(calls, ".env")});`,
    );
    expect(result.stderr).toContain("Интеграции -> API и Webhooks -> API");
  });
});

describe("options that do not apply are refused or warned about", () => {
  it("--sheet on a CSV file: exit 2", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["validate", "example.csv", "--sheet", "Лист1"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--sheet Лист1 names a tab of an XLSX file, but example.csv is a CSV file",
    );
  });

  it("--encoding on an XLSX file: exit 2", async () => {
    const dir = workdir("fixtures/e2e/clients-book.xlsx");
    const result = await runCli(["init", "clients-book.xlsx", "--encoding", "windows-1251"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--encoding applies to CSV files, but clients-book.xlsx is an XLSX file");
  });

  it("--include-unknown on run: exit 2, pointing at retry", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["run", "example.csv", "--include-unknown", "--sandbox"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--include-unknown belongs to ctdial retry");
  });

  it("--rate on validate: a warning, and the result is unchanged", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["validate", "example.csv", "--rate", "2"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("warning: --rate has no effect on validate, which sends nothing");
  });

  it("--no-wait and a typed --log-level on run --dry-run: warnings", async () => {
    const dir = exampleWorkdir();
    const result = await runCli(["run", "example.csv", "--dry-run", "--no-wait"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("warning: --no-wait has no effect on run --dry-run");
    // --log-level has a default: only a typed one is warned about.
    expect(result.stderr).not.toContain("--log-level");
    const typed = await runCli(["run", "example.csv", "--dry-run", "--log-level", "debug"], { cwd: dir });
    expect(typed.stderr).toContain("warning: --log-level has no effect on run --dry-run");
  });

  it("--sandbox on validate reads the sandbox runs' journal, as status --sandbox does", async () => {
    const dir = exampleWorkdir();
    const env = { CTDIAL_STATE_DIR: join(dir, "state") };
    expect((await runCli(["run", "example.csv", "--sandbox", "--yes"], { cwd: dir, env })).code).toBe(1);
    const sandboxView = await runCli(["validate", "example.csv", "--sandbox", "--json"], { cwd: dir, env });
    const realView = await runCli(["validate", "example.csv", "--json"], { cwd: dir, env });
    expect(lastJson(realView.stdout)).toMatchObject({ "would-send": 30 });
    expect(lastJson(sandboxView.stdout)).toMatchObject({ "would-send": 0 });
  });
});
