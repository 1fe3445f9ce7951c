/** Schedule times already past when the run starts are never sent silently (README "Row rules"). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../tidy.js";
import { readReport, runCli } from "./cli.js";

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
