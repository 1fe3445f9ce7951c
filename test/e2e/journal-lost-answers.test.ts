import { describe, expect, it } from "vitest";
import { readReport, runCli } from "./cli.js";
import {
  acceptedPhones,
  clientsCampaign,
  filesContaining,
  PERMISSIVE,
  phoneNumbers,
  phoneOfRow,
  repeated,
  sandboxRecord,
  sendingEnv,
  summaryOf,
  TOKEN,
} from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";

/**
 * A sandbox that processes some requests (creating the callback) and then resets the connection: the
 * answer is lost, the person may well be called. Such rows are `unknown` and only
 * `retry --include-unknown` may send them again.
 */
describe("answers lost after Calltouch processed the request (built CLI, sandbox processes)", () => {
  it("end unknown; run and retry never resend them; retry --include-unknown sends exactly them", async () => {
    const phones = phoneNumbers(20, "925");
    const { dir, stateDir, report } = clientsCampaign(phones);
    const common = ["clients.csv", "--route-key", "rk_lost", "--yes", "--json", "--state-dir", stateDir];
    const outputs: string[] = [];

    const lossy = await startSandboxProcess(["--reset-after-rate", "0.3", "--seed", "11", ...PERMISSIVE]);
    let unknownPhones: string[];
    let firstReport: Record<string, string>[];
    try {
      const env = sendingEnv(lossy.url, dir);
      const first = await runCli(["run", ...common], { cwd: dir, env });
      outputs.push(first.stdout, first.stderr);
      expect(first.code, first.stderr).toBe(1);
      const summary = summaryOf(first);
      expect(summary.unknown).toBeGreaterThan(0);
      expect(summary.sent).toBeGreaterThan(0);
      expect(summary.sent + summary.unknown).toBe(20);
      firstReport = await readReport(report);
      const unknownRows = firstReport.filter((row) => row.ctdial_status === "unknown");
      unknownPhones = unknownRows.map(phoneOfRow);
      for (const row of unknownRows) {
        expect(row.ctdial_attempts).toBe("1");
        expect(row.ctdial_request_id).toBe("");
      }
      // The sandbox did create every callback, lost answers included, each once: nothing was resent.
      const record = await sandboxRecord(lossy.url);
      expect([...acceptedPhones(record)].sort()).toEqual([...phones].sort());

      const status = await runCli(
        ["status", "clients.csv", "--route-key", "rk_lost", "--state-dir", stateDir],
        {
          cwd: dir,
          env: { HOME: dir },
        },
      );
      expect(status.stdout).toContain(`Unknown: ${unknownPhones.length} (the answer was lost`);
      expect(status.stdout).toContain("Nothing left to send.");

      // Neither `run` nor a plain `retry` sends a request for them (nor for anything else).
      for (const command of ["run", "retry"]) {
        const again = await runCli([command, ...common], { cwd: dir, env });
        outputs.push(again.stdout, again.stderr);
        expect(again.code, again.stderr).toBe(1);
        expect(summaryOf(again)).toMatchObject({ sent: summary.sent, unknown: summary.unknown, pending: 0 });
        const after = await sandboxRecord(lossy.url);
        expect(after.requests, command).toBe(record.requests);
        expect(after.accepted).toEqual(record.accepted);
      }
      expect(await readReport(report)).toEqual(firstReport);
    } finally {
      await lossy.stop();
    }

    const healthy = await startSandboxProcess(PERMISSIVE);
    try {
      const resent = await runCli(["retry", ...common, "--include-unknown"], {
        cwd: dir,
        env: sendingEnv(healthy.url, dir),
      });
      outputs.push(resent.stdout, resent.stderr);
      expect(resent.code, resent.stderr).toBe(0);
      expect(summaryOf(resent)).toMatchObject({ total: 20, sent: 20, unknown: 0 });
      const record = await sandboxRecord(healthy.url);
      expect(repeated(acceptedPhones(record))).toEqual([]);
      expect([...acceptedPhones(record)].sort()).toEqual([...unknownPhones].sort());

      // Rows sent by the first run keep their first request id; the resent ones carry the new one.
      const idOf = new Map(record.accepted.map((entry) => [entry.body.phone, String(entry.requestId)]));
      const final = await readReport(report);
      firstReport.forEach((before, i) => {
        const after = final[i];
        expect(after?.ctdial_status).toBe("sent");
        expect(after?.ctdial_request_id).toBe(
          before.ctdial_status === "sent" ? before.ctdial_request_id : idOf.get(phoneOfRow(before)),
        );
      });
    } finally {
      await healthy.stop();
    }
    expect(filesContaining(TOKEN, stateDir, [report])).toEqual([]);
    for (const output of outputs) expect(output).not.toContain(TOKEN);
  }, 60_000);
});
