import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { assertReportTarget } from "../../src/sinks/report-target.js";
import { openXlsxReport } from "../../src/sinks/report-xlsx.js";
import { row, useTempDir } from "./helpers.js";

const tempDir = useTempDir();

/** A folder with a client base, its campaign file and an exclude list. */
async function campaignFolder(): Promise<{ dir: string; context: Parameters<typeof assertReportTarget>[1] }> {
  const dir = await tempDir();
  await writeFile(join(dir, "clients.csv"), "Телефон;Имя\r\n79991112233;Иван\r\n");
  await writeFile(join(dir, "clients.campaign.yaml"), "routeKey: rk\r\n");
  await writeFile(join(dir, "dnc.csv"), "Телефон\r\n79990000000\r\n");
  return {
    dir,
    context: {
      source: join(dir, "clients.csv"),
      campaignPath: join(dir, "clients.campaign.yaml"),
      excludeFiles: [join(dir, "dnc.csv")],
      defaultPath: join(dir, "clients.report.csv"),
    },
  };
}

async function refusal(path: string, context: Parameters<typeof assertReportTarget>[1]): Promise<string> {
  const error = await assertReportTarget(path, context).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).exitCode).toBe(2);
  return (error as ConfigError).message;
}

const INSTEAD = "give --report another file name, or leave it out to write clients.report.csv.";

describe("assertReportTarget", () => {
  it("refuses the client base, the campaign file and an exclude list, naming the file", async () => {
    const { dir, context } = await campaignFolder();
    expect(await refusal(join(dir, "clients.csv"), context)).toBe(
      `The report would be written over ${join(dir, "clients.csv")}, which is the file being dialed; ${INSTEAD}`,
    );
    expect(await refusal(join(dir, "sub", "..", "clients.campaign.yaml"), context)).toContain(
      "which is the campaign file;",
    );
    expect(await refusal(join(dir, "dnc.csv"), context)).toContain("which is an exclude list;");
  });

  it("refuses any existing file that is not a ctdial report, and config file names", async () => {
    const { dir, context } = await campaignFolder();
    await writeFile(join(dir, "other.csv"), "Телефон;Статус\r\n1;2\r\n");
    await writeFile(join(dir, "notes.txt"), "just notes");
    await writeFile(join(dir, "broken.xlsx"), "not a zip");
    for (const name of ["other.csv", "notes.txt", "broken.xlsx"]) {
      expect(await refusal(join(dir, name), context)).toBe(
        `The report would be written over ${join(dir, name)}, which is an existing file that is not a ctdial report; ${INSTEAD}`,
      );
    }
    expect(await refusal(join(dir, "new.yaml"), context)).toContain(
      "which is a YAML file name, not a .csv or .xlsx report;",
    );
    expect(await refusal(join(dir, "new.json"), context)).toContain("which is a JSON file name");
  });

  it("accepts a new file and a previous ctdial report, CSV or XLSX", async () => {
    const { dir, context } = await campaignFolder();
    await writeFile(join(dir, "old.report.csv"), "\uFEFFТелефон;CTDIAL_STATUS\r\n1;sent\r\n");
    const xlsx = join(dir, "old.report.xlsx");
    const report = await openXlsxReport(xlsx, ["Телефон"]);
    await report.write(row(2, 79991112233), { status: "would-send" });
    await report.close();
    await writeFile(join(dir, "header-only.csv"), "Телефон;ctdial_status\r\n");
    for (const name of ["fresh.csv", "fresh.xlsx", "old.report.csv", "old.report.xlsx", "header-only.csv"]) {
      await expect(assertReportTarget(join(dir, name), context)).resolves.toBeUndefined();
    }
  });
});
