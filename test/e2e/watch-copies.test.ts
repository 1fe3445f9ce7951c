import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReport } from "./cli.js";
import { acceptedPhones, PERMISSIVE, phoneNumbers, repeated, sandboxRecord } from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";
import { folderSetup, namesIn, phonesCsv, QUICK, startCtdial } from "./watch-harness.js";

/**
 * Issue 15, "Dialed twice": a file and its copy dropped into the watched folder together are planned
 * at once, each before the other has sent anything. The sandbox is told to accept a phone again at
 * any time (PERMISSIVE: no 10007), so its record shows every request that would have rung someone.
 */
let sandbox: Awaited<ReturnType<typeof startSandboxProcess>>;
beforeAll(async () => {
  sandbox = await startSandboxProcess(PERMISSIVE);
});
afterAll(async () => {
  await sandbox.stop();
});

describe("ctdial watch: a file and its copy dropped at once", () => {
  it("dials each person once; every row of both reports is sent or skipped naming the other file", async () => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    const phones = phoneNumbers(30, "944");
    const text = phonesCsv(phones);
    writeFileSync(join(folder, "клиенты.csv"), text);
    writeFileSync(join(folder, "клиенты (2).csv"), text);
    const before = await sandboxRecord(sandbox.url);
    const run = startCtdial(["watch", "campaigns", "--once", ...QUICK], dir, env);
    const { output } = await run.done;

    const after = await sandboxRecord(sandbox.url);
    const dialed = acceptedPhones(after).slice(before.accepted.length);
    expect(repeated(dialed), output).toEqual([]);
    expect([...dialed].sort()).toEqual([...phones].sort());

    expect(namesIn(join(folder, "done"))).toEqual([
      "клиенты (2).csv",
      "клиенты (2).report.csv",
      "клиенты.csv",
      "клиенты.report.csv",
    ]);
    const reports = {
      "клиенты.csv": await readReport(join(folder, "done", "клиенты.report.csv")),
      "клиенты (2).csv": await readReport(join(folder, "done", "клиенты (2).report.csv")),
    };
    let sent = 0;
    for (const [name, rows] of Object.entries(reports)) {
      const other = name === "клиенты.csv" ? "клиенты (2).csv" : "клиенты.csv";
      expect(rows).toHaveLength(30);
      for (const row of rows) {
        expect(["sent", "skipped"]).toContain(row.ctdial_status);
        if (row.ctdial_status === "sent") sent++;
        else expect(row.ctdial_error).toContain(`dialed by campaign ${other} at `);
      }
    }
    expect(sent).toBe(30);
  }, 90_000);
});
