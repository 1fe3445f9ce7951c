import { existsSync, type FSWatcher, watch, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { waitFor } from "../wait-for.js";
import { type CliResult, readReport, workdir } from "./cli.js";
import {
  type AcceptedEntry,
  clientsCsv,
  display,
  filesContaining,
  PERMISSIVE,
  phoneNumbers,
  phoneOfRow,
  repeated,
  sandboxRecord,
  seededRandom,
  sendingEnv,
  startCli,
  summaryOf,
  TOKEN,
} from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";

/**
 * The promise of issue 4: kill -9 a run at any instant, run again, and the union of all runs dials
 * every row exactly once, except rows whose answer was lost in flight (`unknown`, never resent). The
 * sandbox processes' own records are the ground truth. They allow a phone any number of times with no
 * interval (--phone-daily-limit, --min-interval 0), so that a second dial would be accepted and seen,
 * not hidden behind a 10006/10007 refusal.
 */

const VALID = phoneNumbers(27, "916");
const INVALID = ["12345", "+7 800 555-35-35"];
const REPORT = "clients.report.csv";
const ALLOWED_END = new Set(["sent", "unknown", "invalid", "failed", "skipped"]);

/** 30 rows: 27 callable phones in several spellings, two invalid ones and a duplicate of row 3. */
function campaignRows(): [string, string][] {
  const rows: [string, string][] = VALID.map((phone, i) => [
    i % 3 === 0 ? display(phone) : i % 3 === 1 ? `8${phone.slice(1)}` : phone.slice(1),
    `Клиент ${i + 1}`,
  ]);
  rows.splice(5, 0, [INVALID[0] ?? "", "Ошибка в номере"]);
  rows.splice(17, 0, [INVALID[1] ?? "", "Бесплатный номер"]);
  rows.push([display(VALID[2] ?? ""), "Клиент 3 ещё раз"]);
  return rows;
}

describe("kill -9 at random moments, then run again (built CLI, sandbox processes)", () => {
  it("dials no phone twice and loses no row, whatever moment the run was killed at", async () => {
    const dir = workdir();
    writeFileSync(join(dir, "clients.csv"), clientsCsv(campaignRows()));
    const stateDir = join(dir, "state");
    const args = [
      "run",
      "clients.csv",
      "--route-key",
      "rk_crash",
      "--yes",
      "--json",
      "--state-dir",
      stateDir,
    ];
    const random = seededRandom(4_2026);
    const accepted: AcceptedEntry[] = [];
    const outputs: CliResult[] = [];

    // 1. Killed while the very first request is in flight: the sandbox holds each answer 800 ms and
    // records the acceptance on arrival, so the kill lands after Calltouch created the callback.
    const slow = await startSandboxProcess(["--latency", "800", ...PERMISSIVE]);
    let firstPhone: string | undefined;
    try {
      const run = startCli(args, { cwd: dir, env: sendingEnv(slow.url, dir) });
      await waitFor(async () => (await sandboxRecord(slow.url)).requests >= 1, "the first request");
      run.child.kill("SIGKILL");
      const killed = await run.done;
      outputs.push(killed);
      expect(killed.signal).toBe("SIGKILL");
      const record = await sandboxRecord(slow.url);
      firstPhone = record.accepted[0]?.body.phone;
      accepted.push(...record.accepted);
    } finally {
      await slow.stop();
    }
    expect(firstPhone).toBeDefined();

    const sandbox = await startSandboxProcess(["--latency", "40", ...PERMISSIVE]);
    try {
      const env = sendingEnv(sandbox.url, dir);
      // 2. Killed at seeded random moments (50 ms to 3 s after the start, so from before the journal
      // is open to deep into sending), then right after the sandbox accepted a random number of
      // requests, which lands mid-sending however long the process takes to start.
      let killedAtRandom = 0;
      let killedSending = 0;
      for (let i = 0; i < 3; i++) {
        const delay = Math.round(50 + random() * 2950);
        const run = startCli(args, { cwd: dir, env });
        const timer = setTimeout(() => run.child.kill("SIGKILL"), delay);
        const result = await run.done;
        clearTimeout(timer);
        outputs.push(result);
        if (result.signal === "SIGKILL") killedAtRandom += 1;
        else expect(result.code, result.stderr).toBeOneOf([0, 1]);
      }
      expect(killedAtRandom).toBeGreaterThan(0);
      for (let i = 0; i < 2; i++) {
        const target = (await sandboxRecord(sandbox.url)).accepted.length + 1 + Math.floor(random() * 4);
        const run = startCli(args, { cwd: dir, env });
        let exited = false;
        void run.done.then(() => {
          exited = true;
        });
        await waitFor(
          async () => exited || (await sandboxRecord(sandbox.url)).accepted.length >= target,
          `acceptance ${target}`,
        );
        run.child.kill("SIGKILL");
        const result = await run.done;
        outputs.push(result);
        if (result.signal === "SIGKILL") killedSending += 1;
      }
      expect(killedSending).toBe(2);

      // 3. Killed the moment the report's temporary file appears: while the report is being written.
      const reportRun = startCli(args, { cwd: dir, env });
      let watcher: FSWatcher | undefined;
      try {
        watcher = watch(dir, (_event, name) => {
          if (name === `${REPORT}.tmp`) reportRun.child.kill("SIGKILL");
        });
        outputs.push(await reportRun.done);
      } finally {
        watcher?.close();
      }
      // Whether or not the kill beat the rename, no half-written report ever stands under its name.
      if (existsSync(join(dir, REPORT))) expect(await readReport(join(dir, REPORT))).toHaveLength(30);

      // 4. Run until a run ends by itself.
      let final: CliResult | undefined;
      for (let i = 0; i < 3 && final === undefined; i++) {
        const result = await startCli(args, { cwd: dir, env }).done;
        outputs.push(result);
        if (result.signal === null) final = result;
      }
      if (final === undefined) throw new Error("no run finished by itself");
      expect(final.code, final.stderr).toBeOneOf([0, 1]);
      accepted.push(...(await sandboxRecord(sandbox.url)).accepted);

      const summary = summaryOf(final);
      expect(summary).toMatchObject({ total: 30, pending: 0, invalid: 2, skipped: 1, failed: 0 });
      expect(summary.sent + summary.unknown).toBe(27);
      expect(existsSync(join(dir, `${REPORT}.tmp`))).toBe(false);

      // No phone was ever accepted twice, across every run and both sandboxes.
      expect(repeated(accepted.map((entry) => entry.body.phone))).toEqual([]);

      const rows = await readReport(join(dir, REPORT));
      expect(rows).toHaveLength(30);
      for (const row of rows) expect(ALLOWED_END).toContain(row.ctdial_status);
      const byStatus = (status: string) => rows.filter((row) => row.ctdial_status === status).map(phoneOfRow);
      expect(byStatus("invalid").sort()).toEqual(["12345", "78005553535"]);
      expect(byStatus("skipped")).toEqual([VALID[2]]);
      // None lost: every callable phone ended sent or unknown.
      expect([...byStatus("sent"), ...byStatus("unknown")].sort()).toEqual([...VALID].sort());

      // The report's sent rows are exactly the sandbox's acceptances (phone and widgetRequestId);
      // what was accepted beyond them is an `unknown` row, whose answer was lost.
      const acceptedByPhone = new Map(accepted.map((entry) => [entry.body.phone, entry]));
      for (const row of rows.filter((r) => r.ctdial_status === "sent")) {
        expect(String(acceptedByPhone.get(phoneOfRow(row))?.requestId), phoneOfRow(row)).toBe(
          row.ctdial_request_id,
        );
      }
      const sentPhones = new Set(byStatus("sent"));
      const unknownPhones = new Set(byStatus("unknown"));
      for (const phone of acceptedByPhone.keys()) {
        if (!sentPhones.has(phone)) expect(unknownPhones).toContain(phone);
      }
      // The first request's answer never arrived: that row is unknown, and says why.
      const first = rows.find((row) => phoneOfRow(row) === firstPhone);
      expect(first?.ctdial_status).toBe("unknown");
      expect(first?.ctdial_error).toMatch(/stopped after sending this row and before its answer arrived/);

      expect(filesContaining(TOKEN, stateDir, [join(dir, REPORT)])).toEqual([]);
      for (const output of outputs) expect(output.stdout + output.stderr).not.toContain(TOKEN);
    } finally {
      await sandbox.stop();
    }
  }, 90_000);
});
