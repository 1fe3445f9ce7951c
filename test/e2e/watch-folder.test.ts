import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../wait-for.js";
import { readReport, runCli, workdir } from "./cli.js";
import { acceptedPhones, PERMISSIVE, phoneNumbers, repeated, sandboxRecord } from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";
import { folderSetup, namesIn, phonesCsv, QUICK, startCtdial } from "./watch-harness.js";

/**
 * `ctdial watch` on a temporary folder: the built CLI against a `ctdial sandbox` process, whose own
 * record of accepted requests is the ground truth of who was dialed.
 */
let sandbox: Awaited<ReturnType<typeof startSandboxProcess>>;
beforeAll(async () => {
  sandbox = await startSandboxProcess(PERMISSIVE);
});
afterAll(async () => {
  await sandbox.stop();
});

describe("ctdial watch: picking files up", () => {
  it("waits for a file written in pieces with pauses, then dials every row of it once", async (ctx) => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    const phones = phoneNumbers(9, "901");
    const before = (await sandboxRecord(sandbox.url)).accepted.length;
    // The default quiet period (2.5 s) against pauses of a few scans (300 ms each): the watcher looks
    // at the half-written file several times and must not take it for a finished one.
    const watcher = startCtdial(["watch", "campaigns", "--scan-ms", "300"], dir, env);
    await waitFor(() => watcher.output().includes("watching"), "the watcher to start");
    const lines = phonesCsv(phones).split("\r\n");
    const pieces = [lines.slice(0, 4), lines.slice(4, 7), lines.slice(7)].map((p) => p.join("\r\n"));
    let longestPause = 0;
    for (const [i, piece] of pieces.entries()) {
      const at = performance.now();
      appendFileSync(join(folder, "slow.csv"), i < pieces.length - 1 ? `${piece}\r\n` : piece);
      if (i < pieces.length - 1) await new Promise((resolve) => setTimeout(resolve, 900));
      if (i < pieces.length - 1) longestPause = Math.max(longestPause, performance.now() - at);
    }
    // A machine so loaded that a pause outlasted the quiet period wrote a different file than this
    // test means (two finished ones, in effect): nothing can be concluded, so nothing is claimed.
    if (longestPause >= 2500) ctx.skip(`a 900 ms pause took ${Math.round(longestPause)} ms here`);
    await waitFor(() => namesIn(join(folder, "done")).includes("slow.csv"), "slow.csv in done/", 50_000);
    watcher.child.kill("SIGTERM");
    expect((await watcher.done).code).toBe(0);
    const dialed = acceptedPhones(await sandboxRecord(sandbox.url)).slice(before);
    expect(dialed.filter((p) => phones.includes(p)).sort()).toEqual([...phones].sort());
    const report = await readReport(join(folder, "done", "slow.report.csv"));
    expect(report.map((row) => row.ctdial_status)).toEqual(phones.map(() => "sent"));
    // Picked up once, though the folder was scanned many times while the file grew.
    expect(watcher.output().split("slow.csv: picked up").length - 1).toBe(1);
    // Real seconds of quiet are waited for: room for a loaded machine, not a claim about speed.
  }, 60_000);

  it("runs two files at once within the limit, fails a bad file with its note, and leaves lock files alone (--once)", async () => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    const a = phoneNumbers(12, "911");
    const b = phoneNumbers(12, "922");
    writeFileSync(join(folder, "a.csv"), phonesCsv(a));
    writeFileSync(join(folder, "b.csv"), phonesCsv(b));
    writeFileSync(join(folder, "bad.csv"), "Имя;Город\r\nАнна;Москва\r\n");
    writeFileSync(join(folder, "~$a.xlsx"), "lock");
    writeFileSync(join(folder, ".~lock.b.csv#"), "lock");
    const before = await sandboxRecord(sandbox.url);
    const run = startCtdial(["watch", "campaigns", "--once", ...QUICK], dir, env);
    const { code, output } = await run.done;
    // The worst of the files: bad.csv could not be run (2).
    expect(code, output).toBe(2);
    expect(namesIn(folder)).toEqual([".~lock.b.csv#", "STATUS.txt", "done", "failed", "~$a.xlsx"]);
    expect(namesIn(join(folder, "done"))).toEqual(["a.csv", "a.report.csv", "b.csv", "b.report.csv"]);
    expect(namesIn(join(folder, "failed"))).toEqual(["bad.csv", "bad.error.txt"]);
    const note = readFileSync(join(folder, "failed", "bad.error.txt"), "utf8");
    expect(note).toContain("bad.csv could not be run: ");
    expect(note).toContain("no phone column found");
    expect(note.trim().split("\n")).toHaveLength(1);
    expect(output).toContain("~$a.xlsx: ignored: an Excel lock file");
    expect(output).toContain(".~lock.b.csv#: ignored: a LibreOffice lock file");

    const after = await sandboxRecord(sandbox.url);
    expect(after.rateLimited - before.rateLimited).toBe(0);
    const dialed = acceptedPhones(after).slice(before.accepted.length);
    expect(repeated(dialed)).toEqual([]);
    expect(dialed.length).toBe(24);
    // Both progressing: b's first row went out before a's last one, and a's first before b's last.
    const firstB = dialed.findIndex((p) => b.includes(p));
    const lastA = dialed.findLastIndex((p) => a.includes(p));
    const firstA = dialed.findIndex((p) => a.includes(p));
    const lastB = dialed.findLastIndex((p) => b.includes(p));
    expect(firstB).toBeLessThan(lastA);
    expect(firstA).toBeLessThan(lastB);
  });

  it("dials only new or fixed rows when a file is dropped again with the same name", async () => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    const phones = phoneNumbers(4, "933");
    writeFileSync(join(folder, "list.csv"), phonesCsv([...phones.slice(0, 3), "12345"]));
    const before = (await sandboxRecord(sandbox.url)).accepted.length;
    expect((await startCtdial(["watch", "campaigns", "--once", ...QUICK], dir, env).done).code).toBe(1);
    // The same list, the bad number fixed and one row added.
    writeFileSync(
      join(folder, "list.csv"),
      phonesCsv([...phones.slice(0, 3), phones[3] ?? "", "79330000009"]),
    );
    expect((await startCtdial(["watch", "campaigns", "--once", ...QUICK], dir, env).done).code).toBe(0);
    const dialed = acceptedPhones(await sandboxRecord(sandbox.url)).slice(before);
    expect(dialed.sort()).toEqual([...phones, "79330000009"].sort());
    expect(
      namesIn(join(folder, "done")).filter((n) => n.endsWith(".csv") && !n.includes("report")),
    ).toHaveLength(2);
  });

  it("fails only the file whose widget key Calltouch refused (10003), naming the key", async () => {
    const strict = await startSandboxProcess([...PERMISSIVE, "--route-key", "rk_watch"]);
    try {
      const { dir, folder, env } = folderSetup(strict.url);
      writeFileSync(join(folder, "good.csv"), phonesCsv(phoneNumbers(3, "915")));
      writeFileSync(join(folder, "off.csv"), phonesCsv(phoneNumbers(3, "925")));
      writeFileSync(join(folder, "off.campaign.yaml"), "routeKey: rk_switched_off\n");
      const { code, output } = await startCtdial(["watch", "campaigns", "--once", ...QUICK], dir, env).done;
      expect(code, output).toBe(3);
      expect(namesIn(join(folder, "done"))).toEqual(["good.csv", "good.report.csv"]);
      expect(namesIn(join(folder, "failed"))).toEqual([
        "off.campaign.yaml",
        "off.csv",
        "off.error.txt",
        "off.report.csv",
      ]);
      const note = readFileSync(join(folder, "failed", "off.error.txt"), "utf8");
      expect(note).toContain("rk_switched_off");
      expect(note).toContain("10003");
      expect(output).not.toContain("paused");
    } finally {
      await strict.stop();
    }
  });

  it("sends a Google Sheet link to the sheet follower, and refuses the other service's options", async () => {
    const link = "https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0";
    const once = await runCli(["watch", link, "--once"]);
    expect(once.code).toBe(2);
    expect(once.stderr).toContain(
      "--once applies to a campaigns folder, not to a Google Sheet; leave it out.",
    );
    const interval = await runCli(["watch", "campaigns", "--interval", "5"]);
    expect(interval.code).toBe(2);
    expect(interval.stderr).toContain(
      "--interval applies to following a Google Sheet, not to a campaigns folder",
    );
    // No credentials here: the sheet follower's own first sentence, not the folder service's.
    const sheet = await runCli(["watch", link, "--route-key", "rk"], {
      env: { GOOGLE_APPLICATION_CREDENTIALS: undefined, GOOGLE_SHEETS_ACCESS_TOKEN: undefined },
    });
    expect(sheet.code).toBe(2);
    expect(sheet.stderr).toMatch(/Google/);
    expect(sheet.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a file or a missing folder at once (exit 2, one sentence) instead of scanning it for ever", async () => {
    const dir = workdir();
    writeFileSync(join(dir, "clients.csv"), phonesCsv(phoneNumbers(2, "917")));
    const file = await runCli(["watch", "clients.csv"], { cwd: dir, timeoutMs: 15_000 });
    expect(file.code, file.stderr).toBe(2);
    expect(file.stderr).toContain(
      "clients.csv is a file, not a folder: to dial one file use `ctdial run clients.csv`",
    );
    expect(file.stderr).not.toContain("ENOTDIR");
    expect(file.stderr.trim().split("\n")).toHaveLength(1);
    const missing = await runCli(["watch", "no-such-folder"], { cwd: dir, timeoutMs: 15_000 });
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toContain("the campaigns folder no-such-folder does not exist");
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    // A mistyped table name is not a folder to create.
    const typo = await runCli(["watch", "clients.cvs.csv"], { cwd: dir, timeoutMs: 15_000 });
    expect(typo.code, typo.stderr).toBe(2);
    expect(typo.stderr).toContain("there is no clients.cvs.csv here, and `ctdial watch` serves a folder");
    expect(typo.stderr).not.toContain("mkdir");
  });
});
