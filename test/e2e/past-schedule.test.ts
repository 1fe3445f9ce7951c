/** Schedule times already past when the run starts are never sent silently (README "Row rules"). */
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { endWhenDone, tempDir } from "../tidy.js";
import { CLI, readReport, runCli } from "./cli.js";

const CLIENTS = "Телефон;Время звонка\r\n89991112233;01.02.2020 10:00\r\n89991112244;01.02.2099 10:00\r\n";

function folder(campaign: string): string {
  const dir = tempDir("ctdial-e2e-past-");
  writeFileSync(join(dir, "clients.csv"), CLIENTS);
  writeFileSync(join(dir, "clients.campaign.yaml"), campaign);
  return dir;
}

describe("a schedule time in the past", () => {
  it("is skipped by default, the report naming the time and the key to change", async () => {
    const dir = folder("routeKey: rk_1\n");
    const result = await runCli(["validate", "clients.csv"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2 rows: would-send 1, skipped 1");
    const rows = await readReport(join(dir, "clients.report.csv"));
    expect(rows.map((row) => row.ctdial_status)).toEqual(["skipped", "would-send"]);
    expect(rows[0]?.ctdial_error).toMatch(
      /^the schedule time "01\.02\.2020 10:00" in column Время звонка had passed when the run started \(\d\d\.\d\d\.\d{4} \d\d:\d\d Europe\/Moscow\); to call such rows at once, set pastScheduleTime: call-now in the campaign$/,
    );
  });

  it("with pastScheduleTime: call-now, would be sent at once, the report noting it", async () => {
    const dir = folder("routeKey: rk_1\npastScheduleTime: call-now\n");
    const result = await runCli(["validate", "clients.csv"], { cwd: dir });
    expect(result.code).toBe(0);
    const rows = await readReport(join(dir, "clients.report.csv"));
    expect(rows.map((row) => row.ctdial_status)).toEqual(["would-send", "would-send"]);
    expect(rows[0]?.ctdial_error).toMatch(
      /^called at once, without a schedule time: the schedule time "01\.02\.2020 10:00" .*\(pastScheduleTime: call-now\)$/,
    );
    expect(rows[1]?.ctdial_error).toBe("");
  });

  it("is reported as what the journal knows when an earlier run already sent the row", async () => {
    const dir = folder("routeKey: rk_1\n");
    const env = { CTDIAL_STATE_DIR: join(dir, "state") };
    const first = await runCli(["run", "clients.csv", "--sandbox", "--yes"], { cwd: dir, env });
    expect(first.code).toBe(0);
    // The second row's time is now in the past too (as if the run were resumed after it).
    writeFileSync(join(dir, "clients.csv"), CLIENTS.replace("01.02.2099", "02.02.2020"));
    const again = await runCli(["run", "clients.csv", "--sandbox", "--yes"], { cwd: dir, env });
    expect(again.code).toBe(0);
    const rows = await readReport(join(dir, "clients.report.csv"));
    expect(rows.map((row) => row.ctdial_status)).toEqual(["skipped", "sent"]);
    expect(rows[1]?.ctdial_request_id).not.toBe("");
  });
});

/**
 * A time that passes while the row waits for the call window: the built CLI runs under Debian's
 * `faketime`, its clock started 10 s before the window opens at 09:00 (Moscow), and the row is due at
 * 08:59:56. When the run starts the time is ahead; when the window opens it has passed, so the row must
 * be judged again when it is sent (not go out with a past time, as it did).
 */
describe("a schedule time that passes while the row waits for the call window", () => {
  const START = "2030-03-04 05:59:50"; // UTC: 08:59:50 in Moscow, a Monday
  const ROW = "Телефон;Время звонка\r\n89991112233;04.03.2030 08:59:56\r\n89991112244;04.03.2030 18:00\r\n";
  const CAMPAIGN = 'routeKey: rk_1\ntimezone: Europe/Moscow\ncallWindow: {from: "09:00", to: "20:00"}\n';

  async function runAtNineMinusTen(campaign: string): Promise<Record<string, string>[]> {
    const dir = tempDir("ctdial-e2e-past-window-");
    writeFileSync(join(dir, "clients.csv"), ROW);
    writeFileSync(join(dir, "clients.campaign.yaml"), campaign);
    const child = endWhenDone(
      spawn("faketime", [START, process.execPath, CLI, "run", "clients.csv", "--sandbox", "--yes"], {
        cwd: dir,
        env: {
          // Not the clock of a suite itself run under faketime (the check of the README's Development
          // section): this run's own clock must start where START says.
          ...withoutFaketime(process.env),
          TZ: "UTC",
          FAKETIME_DONT_FAKE_MONOTONIC: "1",
          CTDIAL_STATE_DIR: join(dir, ".ctdial-state"),
        },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code, output).toBe(0);
    expect(output).toContain("waiting for the call window");
    return readReport(join(dir, "clients.report.csv"));
  }

  it.runIf(hasFaketime())(
    "is skipped when the window opens (pastScheduleTime: skip)",
    async () => {
      const rows = await runAtNineMinusTen(CAMPAIGN);
      expect(rows.map((row) => row.ctdial_status)).toEqual(["skipped", "sent"]);
      expect(rows[0]?.ctdial_error).toMatch(
        /^the schedule time 04\.03\.2030 08:59:56 had passed when the row was to be sent \(04\.03\.2030 09:00:\d\d Europe\/Moscow\)/,
      );
      expect(rows[0]?.ctdial_request_id).toBe("");
    },
    60_000,
  );

  it.runIf(hasFaketime())(
    "is sent at once without its time (pastScheduleTime: call-now)",
    async () => {
      const rows = await runAtNineMinusTen(`${CAMPAIGN}pastScheduleTime: call-now\n`);
      expect(rows.map((row) => row.ctdial_status)).toEqual(["sent", "sent"]);
      expect(rows[0]?.ctdial_error).toMatch(/^called at once, without a schedule time/);
    },
    60_000,
  );
});

function withoutFaketime(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !key.startsWith("FAKETIME") && key !== "LD_PRELOAD"),
  );
}

/** CI installs faketime (.ci/run); a developer machine without it is told so instead of a silent pass. */
function hasFaketime(): boolean {
  const found = spawnSync("faketime", ["--version"]).status === 0;
  if (!found && process.env.CI)
    throw new Error("faketime is missing: .ci/run installs it (apt-get install faketime)");
  return found;
}
