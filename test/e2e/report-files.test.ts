/**
 * Report files as the operator meets them: a report read back as the source (README "A report as a
 * source"), a report path that names a file ctdial must not replace, and `init` on a file it cannot map.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../tidy.js";
import { readReport, runCli } from "./cli.js";

const CLIENTS =
  "Телефон;Имя\r\n+7 (999) 111-22-33;Иван\r\n8 999 111-22-44;Анна\r\n8-800-555-35-35;Горячая линия\r\n";

function folder(files: Record<string, string>): string {
  const dir = tempDir("ctdial-e2e-reports-");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("a ctdial report as the source", () => {
  it("reads the phones the report neutralised as valid, ignores its ctdial_* columns and reports beside it", async () => {
    const dir = folder({ "clients.csv": CLIENTS });
    const first = await runCli(["validate", "clients.csv", "--route-key", "rk_1"], { cwd: dir });
    expect(first.code).toBe(1);
    const report = readFileSync(join(dir, "clients.report.csv"), "utf8");
    expect(report).toContain("'+7 (999) 111-22-33");

    const again = await runCli(["validate", "clients.report.csv", "--route-key", "rk_1", "--json"], {
      cwd: dir,
    });
    expect(again.stderr).not.toMatch(/warning|invalid.*Телефон: .*'/);
    expect(JSON.parse(again.stdout.trim().split("\n").at(-1) ?? "")).toMatchObject({
      total: 3,
      "would-send": 2,
      invalid: 1,
    });
    const rows = await readReport(join(dir, "clients.report.report.csv"));
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "Телефон",
      "Имя",
      "ctdial_status",
      "ctdial_error_code",
      "ctdial_error",
      "ctdial_request_id",
      "ctdial_sent_at",
      "ctdial_attempts",
      "ctdial_phone",
    ]);
    expect(rows.map((row) => row.ctdial_status)).toEqual(["would-send", "would-send", "invalid"]);
    expect(rows[0]?.Телефон).toBe("'+7 (999) 111-22-33");
  });
});

describe("running a report that says some rows were sent", () => {
  it("never sends those rows again, though the report is a campaign of its own", async () => {
    const dir = folder({ "clients.csv": CLIENTS });
    const env = { CTDIAL_STATE_DIR: join(dir, "state") };
    const first = await runCli(["run", "clients.csv", "--route-key", "rk_1", "--sandbox", "--yes"], {
      cwd: dir,
      env,
    });
    expect(first.code).toBe(1);
    // The operator fixes the 8-800 row in the report and runs the report.
    const report = join(dir, "clients.report.csv");
    writeFileSync(report, readFileSync(report, "utf8").replace("8-800-555-35-35", "8 999 111-22-55"));
    const again = await runCli(
      ["run", "clients.report.csv", "--route-key", "rk_1", "--sandbox", "--yes", "--json"],
      { cwd: dir, env },
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout.trim().split("\n").at(-1) ?? "")).toMatchObject({ sent: 1, skipped: 2 });
    const rows = await readReport(join(dir, "clients.report.report.csv"));
    expect(rows.map((row) => row.ctdial_status)).toEqual(["skipped", "skipped", "sent"]);
    expect(rows[0]?.ctdial_error).toMatch(
      /^ctdial_status says sent: an earlier run sent this row \(request \d+, /,
    );
  });
});

describe("where a report may be written", () => {
  for (const [target, what] of [
    ["clients.csv", "the file being dialed"],
    ["clients.campaign.yaml", "the campaign file"],
    ["dnc.csv", "an exclude list"],
    ["notes.csv", "an existing file that is not a ctdial report"],
  ] as const) {
    it(`refuses --report ${target} (${what}) before reading anything, and leaves it as it was`, async () => {
      const files = {
        "clients.csv": CLIENTS,
        "clients.campaign.yaml": "routeKey: rk_1\nexclude: [dnc.csv]\n",
        "dnc.csv": "Телефон\n79990000000\n",
        "notes.csv": "Заметка;Дата\nпозвонить;01.12\n",
      };
      const dir = folder(files);
      const result = await runCli(["validate", "clients.csv", "--report", target], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(
        `ctdial: The report would be written over ${join(dir, target)}, which is ${what}; give --report another file name, or leave it out to write clients.report.csv.`,
      );
      expect(readFileSync(join(dir, target), "utf8")).toBe(files[target]);
    });
  }
});

describe("ctdial init on a file with no phone column", () => {
  it("says so, lists the headers and exits 2 without writing a campaign file", async () => {
    const dir = folder({ "people.csv": "Имя;Город\nИван;Тверь\n" });
    const result = await runCli(["init", "people.csv"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      "ctdial: people.csv: no phone column found; the file has: Имя, Город. Name the phone column Телефон and run ctdial init again.",
    );
    expect(() => readFileSync(join(dir, "people.campaign.yaml"))).toThrow();
  });
});

describe("columns that look like dates but are sent as plain fields", () => {
  it("are warned about by init and, once, by validate and run", async () => {
    const dir = folder({ "clients.csv": "Телефон;Дата визита\n89991112233;31.02.2025 10:00\n" });
    const warning =
      "warning: column Дата визита looks like dates or times but is sent as a plain field, so an impossible date such as 31.02 is not caught; if it says when to call, set mapping.scheduleTime: Дата визита";
    const validated = await runCli(["validate", "clients.csv", "--route-key", "rk_1"], { cwd: dir });
    expect(validated.stderr.trim()).toBe(warning);
    const ran = await runCli(["run", "clients.csv", "--route-key", "rk_1", "--sandbox", "--yes"], {
      cwd: dir,
      env: { CTDIAL_STATE_DIR: join(dir, "state") },
    });
    expect(ran.code).toBe(0);
    expect(ran.stderr.split("\n").filter((line) => line.startsWith("warning:"))).toEqual([warning]);
    const init = await runCli(["init", "clients.csv"], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stderr.trim()).toBe(warning);
  });
});
