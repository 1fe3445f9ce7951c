import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../wait-for.js";
import { readReport } from "./cli.js";
import {
  acceptedPhones,
  PERMISSIVE,
  phoneNumbers,
  phoneOfRow,
  repeated,
  sandboxRecord,
} from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";
import { folderSetup, namesIn, phonesCsv, QUICK, startCtdial } from "./watch-harness.js";

/**
 * What people do to a file while the folder service runs it: rename it, delete it, copy it with a
 * pause, save it again with more rows. The sandbox's own record of accepted requests is the ground
 * truth: nobody is dialed twice, and nobody of the file as it finally is goes undialed.
 */
let sandbox: Awaited<ReturnType<typeof startSandboxProcess>>;
beforeAll(async () => {
  sandbox = await startSandboxProcess(PERMISSIVE);
});
afterAll(async () => {
  await sandbox.stop();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function acceptedOf(phones: readonly string[]): Promise<string[]> {
  return acceptedPhones(await sandboxRecord(sandbox.url)).filter((p) => phones.includes(p));
}

describe("ctdial watch: a file that leaves or changes while it runs", () => {
  it("a file renamed while it runs stops under its old name and goes on under the new one, dialing nobody twice", async () => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    const phones = phoneNumbers(50, "951");
    // Dialing people again allowed: the journal and the rename, not the dedupe window, must protect them.
    writeFileSync(join(folder, "campaign.yaml"), "dedupeWindow: 0\n");
    writeFileSync(join(folder, "big1.csv"), phonesCsv(phones));
    const watcher = startCtdial(["watch", "campaigns", ...QUICK], dir, env);
    await waitFor(async () => (await acceptedOf(phones)).length >= 8, "8 accepted", 30_000);
    renameSync(join(folder, "big1.csv"), join(folder, "big1-renamed.csv"));
    await waitFor(
      () => namesIn(join(folder, "done")).includes("big1-renamed.csv"),
      "the renamed file done",
      60_000,
    );
    watcher.child.kill("SIGTERM");
    const { code, output } = await watcher.done;
    expect(code, output).toBe(0);
    expect(output).toContain("big1.csv: left the folder while it ran (renamed to big1-renamed.csv)");
    expect(output).toMatch(/big1\.csv: stopped after sending \d+ rows; \d+ rows not sent under this name/);
    expect(output).toContain(
      "big1-renamed.csv: the same list as big1.csv, which left the folder while it ran",
    );
    const dialed = await acceptedOf(phones);
    expect(repeated(dialed)).toEqual([]);
    expect([...dialed].sort()).toEqual([...phones].sort());
    // Every row of the file as it finally is: sent under the new name, or reported as dialed already.
    const report = await readReport(join(folder, "done", "big1-renamed.report.csv"));
    expect(report.map(phoneOfRow)).toEqual(phones);
    for (const row of report) expect(["sent", "skipped"]).toContain(row.ctdial_status);
    // The old name's report is kept in done/, the record of what was sent under it.
    expect(namesIn(join(folder, "done"))).toContain("big1.report.csv");
    expect(namesIn(folder)).toEqual(["STATUS.txt", "campaign.yaml", "done"]);
  }, 90_000);

  it("a file deleted while it runs stops being dialed, and says so", async () => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    const phones = phoneNumbers(40, "952");
    writeFileSync(join(folder, "big2.csv"), phonesCsv(phones));
    const watcher = startCtdial(["watch", "campaigns", ...QUICK], dir, env);
    await waitFor(async () => (await acceptedOf(phones)).length >= 5, "5 accepted", 30_000);
    rmSync(join(folder, "big2.csv"));
    await waitFor(
      () => watcher.output().includes("big2.csv: stopped after sending"),
      "the run stopped",
      30_000,
    );
    const atStop = (await acceptedOf(phones)).length;
    // The scan runs every 300 ms: a run still going would have sent several more in this time.
    await sleep(2000);
    const later = await acceptedOf(phones);
    expect(later.length).toBe(atStop);
    expect(later.length).toBeLessThan(phones.length);
    expect(repeated(later)).toEqual([]);
    watcher.child.kill("SIGTERM");
    const { code, output } = await watcher.done;
    expect(code, output).toBe(0);
    expect(output).toContain("big2.csv: left the folder while it ran: stopping it");
    expect(namesIn(join(folder, "done"))).toEqual(["big2.report.csv"]);
  }, 60_000);

  it("a file moved away mid-run and copied back under another name (another inode) is known by its content", async () => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    const phones = phoneNumbers(40, "955");
    writeFileSync(join(folder, "campaign.yaml"), "dedupeWindow: 0\n");
    writeFileSync(join(folder, "big3.csv"), phonesCsv(phones));
    const watcher = startCtdial(["watch", "campaigns", ...QUICK], dir, env);
    await waitFor(async () => (await acceptedOf(phones)).length >= 5, "5 accepted", 30_000);
    // A move to another drive and back: a copy, then the original deleted.
    writeFileSync(join(folder, "big3 (copy).csv"), readFileSync(join(folder, "big3.csv")));
    rmSync(join(folder, "big3.csv"));
    await waitFor(() => namesIn(join(folder, "done")).includes("big3 (copy).csv"), "the copy done", 60_000);
    watcher.child.kill("SIGTERM");
    const { code, output } = await watcher.done;
    expect(code, output).toBe(0);
    expect(output).toContain("big3.csv: left the folder while it ran: stopping it");
    expect(output).toContain("big3 (copy).csv: the same list as big3.csv");
    const dialed = await acceptedOf(phones);
    expect(repeated(dialed)).toEqual([]);
    expect([...dialed].sort()).toEqual([...phones].sort());
  }, 90_000);

  it("waits for a copy that pauses longer than the quiet time in the middle of a phone, then dials every row once", async (ctx) => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    const phones = phoneNumbers(30, "953");
    const content = phonesCsv(phones);
    // Cut inside the 16th row's phone: what a copy over a slow share leaves for a while.
    const cut = content.indexOf(phones[15]?.slice(4, 7) ?? "", content.indexOf("\r\n", 0) + 1);
    const rowStart = content.lastIndexOf("\r\n", cut) + 2;
    const at = rowStart + 8;
    // The default quiet time (2.5 s) against a 3.2 s pause: only the half line tells it is unfinished.
    const watcher = startCtdial(["watch", "campaigns", "--scan-ms", "300", "--rate", "5"], dir, env);
    await waitFor(() => watcher.output().includes("watching"), "the watcher to start");
    const started = performance.now();
    writeFileSync(join(folder, "slow2.csv"), content.slice(0, at));
    await sleep(3200);
    writeFileSync(join(folder, "slow2.csv"), content.slice(at), { flag: "a" });
    const pause = performance.now() - started;
    // A machine so loaded that the pause outlasted even the longer quiet time proves nothing.
    if (pause >= 9000) ctx.skip(`a 3.2 s pause took ${Math.round(pause)} ms here`);
    await waitFor(() => namesIn(join(folder, "done")).includes("slow2.csv"), "slow2.csv in done/", 60_000);
    watcher.child.kill("SIGTERM");
    const { code, output } = await watcher.done;
    expect(code, output).toBe(0);
    expect(readFileSync(join(folder, "done", "slow2.csv"), "utf8")).toBe(content);
    const dialed = await acceptedOf(phones);
    expect([...dialed].sort()).toEqual([...phones].sort());
    const report = await readReport(join(folder, "done", "slow2.report.csv"));
    expect(report.map((row) => row.ctdial_status)).toEqual(phones.map(() => "sent"));
    expect(output.split("slow2.csv: picked up").length - 1).toBe(1);
  }, 90_000);

  it("a file saved again with more rows while it runs is run again: the new rows are dialed, nobody twice", async () => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    const phones = phoneNumbers(70, "954");
    const path = join(folder, "resave.csv");
    writeFileSync(path, phonesCsv(phones.slice(0, 60)));
    const watcher = startCtdial(["watch", "campaigns", ...QUICK], dir, env);
    await waitFor(() => watcher.output().includes("resave.csv: picked up"), "the file picked up", 30_000);
    await sleep(7000);
    // Copied over it: the same file (inode), truncated and written again.
    writeFileSync(path, phonesCsv(phones));
    await waitFor(() => namesIn(join(folder, "done")).includes("resave.csv"), "resave.csv in done/", 60_000);
    watcher.child.kill("SIGTERM");
    const { code, output } = await watcher.done;
    expect(code, output).toBe(0);
    expect(output).toMatch(/resave\.csv: changed (while it ran|since it was read)/);
    expect(readFileSync(join(folder, "done", "resave.csv"), "utf8").split("\r\n")).toHaveLength(72);
    const dialed = await acceptedOf(phones);
    expect(repeated(dialed)).toEqual([]);
    expect([...dialed].sort()).toEqual([...phones].sort());
    const report = await readReport(join(folder, "done", "resave.report.csv"));
    expect(report.map(phoneOfRow)).toEqual(phones);
  }, 90_000);
});
