import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../wait-for.js";
import { acceptedPhones, PERMISSIVE, phoneNumbers, repeated, sandboxRecord } from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";
import { folderSetup, namesIn, phonesCsv, QUICK, startCtdial } from "./watch-harness.js";

/**
 * What the campaigns folder tells a person who only opens the folder: STATUS.txt's state and since
 * when, STOPPED when the service is gone, what a run of a file dropped again did, and files it ignores.
 */
let sandbox: Awaited<ReturnType<typeof startSandboxProcess>>;
beforeAll(async () => {
  sandbox = await startSandboxProcess(PERMISSIVE);
});
afterAll(async () => {
  await sandbox.stop();
});

const firstLine = (path: string): string => readFileSync(path, "utf8").split("\r\n")[0] ?? "";
const TIME = String.raw`\d{1,2} \w{3} \d{4}, \d\d:\d\d \([^)]+\)`;

/** A call window of one hour that is closed now (in UTC), and when it next opens. */
function closedWindow(): { from: string; to: string; opens: string } {
  const hour = new Date().getUTCHours();
  return hour < 12
    ? { from: "13:00", to: "14:00", opens: "13:00 (UTC)" }
    : { from: "01:00", to: "02:00", opens: "01:00 (UTC)" };
}

describe("ctdial watch: STATUS.txt and what the log says", () => {
  it("says WAITING (for the call window, until when) rather than SENDING, then STOPPED at a time after SIGTERM", async () => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    const window = closedWindow();
    writeFileSync(join(folder, "night.csv"), phonesCsv(phoneNumbers(2, "941")));
    writeFileSync(
      join(folder, "night.campaign.yaml"),
      `routeKey: rk_watch\ntimezone: UTC\ncallWindow: {from: "${window.from}", to: "${window.to}"}\n`,
    );
    const before = (await sandboxRecord(sandbox.url)).accepted.length;
    const watcher = startCtdial(["watch", "campaigns", ...QUICK], dir, env);
    const status = join(folder, "STATUS.txt");
    await waitFor(
      () => existsSync(status) && firstLine(status).startsWith("ctdial watch: WAITING"),
      "STATUS.txt to say WAITING",
      30_000,
    );
    expect(firstLine(status)).toMatch(
      new RegExp(
        `^ctdial watch: WAITING since ${TIME}: no file can send now: outside the call window; the first goes on at \\d{1,2} \\w{3} \\d{4}, ${window.opens.replace(/[()]/g, "\\$&")}$`,
      ),
    );
    expect(readFileSync(status, "utf8")).toContain(
      "night.csv: 0 rows done; waits for its call window, which opens at",
    );
    watcher.child.kill("SIGTERM");
    const { code, output } = await watcher.done;
    expect(code, output).toBe(0);
    const text = readFileSync(status, "utf8");
    expect(text.split("\r\n")[0]).toMatch(
      new RegExp(`^ctdial watch: STOPPED at ${TIME}: asked to stop; files not finished stay here`),
    );
    expect(text).toContain("ctdial watch is not running");
    expect(namesIn(folder)).toContain("night.csv");
    expect((await sandboxRecord(sandbox.url)).accepted.length).toBe(before);
  }, 60_000);

  it("--once ends with STOPPED; a file dropped again says nothing was sent this time; a report dropped back is named once", async () => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    const phones = phoneNumbers(3, "942");
    writeFileSync(join(folder, "list.csv"), phonesCsv(phones));
    // A report put back into the folder (from done/ of another folder, say), without its table.
    writeFileSync(join(folder, "old.report.csv"), "Телефон;ctdial_status\r\n+79420000001;sent\r\n");
    const before = (await sandboxRecord(sandbox.url)).accepted.length;
    const first = await startCtdial(["watch", "campaigns", "--once", ...QUICK], dir, env).done;
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain("list.csv: 3 rows: sent 3; moved to done/");
    expect(first.output.split("old.report.csv: ignored: named as a report").length - 1).toBe(1);
    const status = join(folder, "STATUS.txt");
    expect(firstLine(status)).toMatch(
      new RegExp(`^ctdial watch: STOPPED at ${TIME}: --once ran what was in the folder$`),
    );

    writeFileSync(join(folder, "list.csv"), phonesCsv(phones));
    const again = await startCtdial(["watch", "campaigns", "--once", ...QUICK], dir, env).done;
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain("list.csv: 3 rows: already sent earlier, nothing to do; moved to done/");
    expect(readFileSync(status, "utf8")).toContain("list.csv: 3 rows: already sent earlier, nothing to do");
    const dialed = acceptedPhones(await sandboxRecord(sandbox.url)).slice(before);
    expect(dialed.sort()).toEqual([...phones].sort());
    expect(repeated(dialed)).toEqual([]);
  }, 60_000);

  it("leaves a user's own <name>.report.csv where it is, and says how to part the two names", async () => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    writeFileSync(join(folder, "own.csv"), phonesCsv(phoneNumbers(2, "943")));
    const mine = "Телефон;Комментарий\r\n+79430000001;перезвонить в пятницу\r\n";
    writeFileSync(join(folder, "own.report.csv"), mine);
    const run = await startCtdial(["watch", "campaigns", "--once", ...QUICK], dir, env).done;
    expect(run.code, run.output).toBe(2);
    expect(readFileSync(join(folder, "own.report.csv"), "utf8")).toBe(mine);
    expect(namesIn(join(folder, "failed"))).toEqual(["own.csv", "own.error.txt"]);
    const note = readFileSync(join(folder, "failed", "own.error.txt"), "utf8");
    expect(note).toContain("own.report.csv in the campaigns folder is not a ctdial report");
    expect(note).toContain("Rename own.report.csv, or rename own.csv");
    expect(note).not.toContain("--report");
  }, 60_000);

  it("runs many files at once without piling listeners on one signal (no MaxListenersExceededWarning)", async () => {
    const { dir, folder, env } = folderSetup(sandbox.url);
    for (let i = 0; i < 30; i++)
      writeFileSync(join(folder, `s${i}.csv`), phonesCsv(phoneNumbers(2, `95${i % 10}`, 10 * i)));
    writeFileSync(join(folder, "big1.csv"), phonesCsv(phoneNumbers(10, "961")));
    writeFileSync(join(folder, "big2.csv"), phonesCsv(phoneNumbers(10, "962")));
    // More files at once than Node's 10 listeners per signal: each run's listeners are its own.
    const run = await startCtdial(["watch", "campaigns", "--once", ...QUICK, "--parallel", "12"], dir, env)
      .done;
    expect(run.code, run.output).toBe(0);
    expect(run.output).not.toContain("MaxListenersExceededWarning");
    expect(namesIn(join(folder, "done"))).toHaveLength(64);
  }, 90_000);
});
