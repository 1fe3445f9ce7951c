import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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

/** `ctdial watch` as a service: killed and restarted, sharing the machine, paused by Calltouch, stopped. */
describe("ctdial watch: running for weeks", () => {
  it("after a SIGKILL mid-campaign, a restarted watcher finishes the file and dials nobody twice", async () => {
    const sandbox = await startSandboxProcess(PERMISSIVE);
    try {
      const { dir, folder, env } = folderSetup(sandbox.url);
      const phones = phoneNumbers(20, "944");
      writeFileSync(join(folder, "big.csv"), phonesCsv(phones));
      const first = startCtdial(["watch", "campaigns", ...QUICK], dir, env);
      await waitFor(
        async () => (await sandboxRecord(sandbox.url)).accepted.length >= 6,
        "6 accepted",
        30_000,
      );
      first.child.kill("SIGKILL");
      expect((await first.done).signal).toBe("SIGKILL");
      expect(namesIn(folder)).toContain("big.csv");
      // The killed process's lock is stale: the next one takes it at once.
      const second = startCtdial(["watch", "campaigns", "--once", ...QUICK], dir, env);
      const { code, output } = await second.done;
      // A request cut off by the kill is `unknown` (never resent, exit 1); every other row was sent.
      expect([0, 1], output).toContain(code);
      expect(output).not.toContain("another ctdial is sending");
      const dialed = acceptedPhones(await sandboxRecord(sandbox.url));
      expect(repeated(dialed)).toEqual([]);
      const report = await readReport(join(folder, "done", "big.report.csv"));
      const sentRows = report.filter((row) => row.ctdial_status === "sent").map(phoneOfRow);
      expect(report.filter((row) => !["sent", "unknown"].includes(row.ctdial_status ?? ""))).toEqual([]);
      expect(report.filter((row) => row.ctdial_status === "unknown").length).toBeLessThanOrEqual(5);
      expect(sentRows.filter((phone) => !dialed.includes(phone))).toEqual([]);
      expect(dialed.every((phone) => phones.includes(phone))).toBe(true);
    } finally {
      await sandbox.stop();
    }
  });

  it("makes a second sender wait for the watcher (saying so with its pid), or exit 3 with --no-wait", async () => {
    const sandbox = await startSandboxProcess(PERMISSIVE);
    try {
      const { dir, folder, env } = folderSetup(sandbox.url);
      writeFileSync(join(folder, "first.csv"), phonesCsv(phoneNumbers(15, "955")));
      writeFileSync(join(dir, "other.csv"), phonesCsv(phoneNumbers(3, "966")));
      const watcher = startCtdial(["watch", "campaigns", ...QUICK], dir, env);
      await waitFor(
        async () => (await sandboxRecord(sandbox.url)).requests >= 1,
        "the watcher sending",
        30_000,
      );
      const pid = String(watcher.child.pid);

      const refused = startCtdial(["run", "other.csv", "--yes", "--no-wait"], dir, env);
      const refusedEnd = await refused.done;
      expect(refusedEnd.code).toBe(3);
      expect(refusedEnd.output).toContain(
        `another ctdial is sending from this machine (process ${pid}: ctdial watch`,
      );

      const waiting = startCtdial(["run", "other.csv", "--yes", "--json"], dir, env);
      await waitFor(
        () => waiting.output().includes("waiting for it to finish"),
        "the second run to wait",
        20_000,
      );
      expect(waiting.output()).toContain(`process ${pid}`);
      const ended = await waiting.done;
      expect(ended.code, ended.output).toBe(0);
      // The run started only once the watcher had finished its file and let go of the lock.
      expect(namesIn(join(folder, "done"))).toContain("first.csv");
      const dialed = acceptedPhones(await sandboxRecord(sandbox.url));
      expect(dialed.findIndex((p) => p.startsWith("7966"))).toBeGreaterThan(
        dialed.findLastIndex((p) => p.startsWith("7955")),
      );
      watcher.child.kill("SIGTERM");
      expect((await watcher.done).code).toBe(0);
    } finally {
      await sandbox.stop();
    }
  });

  it("pauses the folder on 10001 (files stay, STATUS.txt says why) and resumes by itself after a top-up", async () => {
    const sandbox = await startSandboxProcess([...PERMISSIVE, "--minutes", "3"]);
    try {
      const { dir, folder, env } = folderSetup(sandbox.url);
      const phones = phoneNumbers(8, "977");
      writeFileSync(join(folder, "clients.csv"), phonesCsv(phones));
      const watcher = startCtdial(["watch", "campaigns", ...QUICK, "--recheck-ms", "500"], dir, env);
      const status = join(folder, "STATUS.txt");
      await waitFor(
        () => existsSync(status) && readFileSync(status, "utf8").startsWith("ctdial watch: PAUSED"),
        "STATUS.txt to say paused",
        30_000,
      );
      const text = readFileSync(status, "utf8");
      expect(text).toContain("10001");
      expect(text).toContain("What to do:");
      // One promise, the true one: it resumes by itself (no "run the same command again").
      expect(text.split("\r\n")[0]).toContain("resumes by itself");
      expect(text).not.toContain("same command");
      expect(watcher.output()).not.toContain("same command");
      expect(namesIn(folder)).toContain("clients.csv");
      expect(watcher.output()).toContain("paused: Calltouch answered 10001");

      const topUp = await fetch(`${sandbox.url}/__sandbox/configure`, {
        method: "POST",
        body: '{"minutes": 100}',
      });
      expect(topUp.status).toBe(204);
      await waitFor(
        () => namesIn(join(folder, "done")).includes("clients.csv"),
        "clients.csv in done/",
        30_000,
      );
      expect(watcher.output()).toContain("Calltouch accepts requests again");
      const dialed = acceptedPhones(await sandboxRecord(sandbox.url));
      expect([...dialed].sort()).toEqual([...phones].sort());
      watcher.child.kill("SIGTERM");
      expect((await watcher.done).code).toBe(0);
      expect(readFileSync(status, "utf8")).not.toContain("PAUSED");
    } finally {
      await sandbox.stop();
    }
  });

  it("on SIGTERM finishes the requests in flight, writes the report and exits 0, leaving the file for later", async () => {
    const sandbox = await startSandboxProcess([...PERMISSIVE, "--latency", "300"]);
    try {
      const { dir, folder, env } = folderSetup(sandbox.url);
      const phones = phoneNumbers(25, "988");
      writeFileSync(join(folder, "long.csv"), phonesCsv(phones));
      const watcher = startCtdial(["watch", "campaigns", ...QUICK], dir, env);
      await waitFor(
        async () => (await sandboxRecord(sandbox.url)).accepted.length >= 3,
        "3 accepted",
        30_000,
      );
      watcher.child.kill("SIGTERM");
      const { code, output } = await watcher.done;
      expect(code, output).toBe(0);
      expect(namesIn(folder)).toContain("long.csv");
      const report = await readReport(join(folder, "long.report.csv"));
      const sent = report.filter((row) => row.ctdial_status === "sent").length;
      // Every request that reached Calltouch has its answer in the report: none left unknown.
      expect(sent).toBe((await sandboxRecord(sandbox.url)).accepted.length);
      expect(report.filter((row) => row.ctdial_status === "pending").length).toBe(phones.length - sent);
    } finally {
      await sandbox.stop();
    }
  });
});
