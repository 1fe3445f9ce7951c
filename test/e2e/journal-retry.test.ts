import { describe, expect, it } from "vitest";
import { readReport, runCli } from "./cli.js";
import {
  acceptedPhones,
  clientsCampaign,
  filesContaining,
  phoneNumbers,
  phoneOfRow,
  sandboxRecord,
  sendingEnv,
  summaryOf,
  TOKEN,
} from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";

const CREATE = "/widget-service/v1/api/widget-request/user-form/create";

/** Dials a phone straight through the API, as another system sharing the Calltouch project would. */
async function dialDirectly(url: string, phone: string): Promise<void> {
  const response = await fetch(`${url}${CREATE}`, {
    method: "POST",
    headers: { "Access-Token": "another-system", "Content-Type": "application/json" },
    body: JSON.stringify({ routeKey: "rk_retry", phone }),
  });
  expect(response.status).toBe(200);
}

describe("ctdial retry (built CLI, sandbox processes)", () => {
  it("resends exactly the failed rows, and neither run nor a second retry sends anything else", async () => {
    const phones = phoneNumbers(20, "926");
    const busy = [phones[1], phones[7], phones[8], phones[15]].map(String);
    const { dir, stateDir, report } = clientsCampaign(phones);
    const common = ["clients.csv", "--route-key", "rk_retry", "--yes", "--json", "--state-dir", stateDir];
    const outputs: string[] = [];

    // One request per phone per day: four phones were already dialed today, so Calltouch answers 10006
    // for them, which fails the row ("do not retry today").
    const strict = await startSandboxProcess(["--phone-daily-limit", "1", "--min-interval", "0", "--quiet"]);
    try {
      for (const phone of busy) await dialDirectly(strict.url, phone);
      const env = sendingEnv(strict.url, dir);
      const first = await runCli(["run", ...common], { cwd: dir, env });
      outputs.push(first.stdout, first.stderr);
      expect(first.code, first.stderr).toBe(1);
      expect(summaryOf(first)).toMatchObject({ total: 20, sent: 16, failed: 4, pending: 0, unknown: 0 });
      const rows = await readReport(report);
      const failed = rows.filter((row) => row.ctdial_status === "failed");
      expect(failed.map(phoneOfRow).sort()).toEqual([...busy].sort());
      for (const row of failed) {
        expect(row.ctdial_error_code).toBe("10006");
        expect(row.ctdial_error).not.toBe("");
      }

      const status = await runCli(
        ["status", "clients.csv", "--route-key", "rk_retry", "--state-dir", stateDir],
        {
          cwd: dir,
          env: { HOME: dir },
        },
      );
      expect(status.stdout).toContain("20 rows: sent 16, failed 4");
      expect(status.stdout).toContain("Failed: 4 (ctdial retry sends them again)");

      // `run` leaves failed rows as they are: no request at all.
      const before = await sandboxRecord(strict.url);
      const again = await runCli(["run", ...common], { cwd: dir, env });
      outputs.push(again.stdout, again.stderr);
      expect(again.code, again.stderr).toBe(1);
      expect(summaryOf(again)).toMatchObject({ sent: 16, failed: 4 });
      expect((await sandboxRecord(strict.url)).requests).toBe(before.requests);
    } finally {
      await strict.stop();
    }

    // The next day (a fresh sandbox): retry sends the four failed rows and only them.
    const healthy = await startSandboxProcess(["--min-interval", "0", "--quiet"]);
    try {
      const env = sendingEnv(healthy.url, dir);
      const retried = await runCli(["retry", ...common], { cwd: dir, env });
      outputs.push(retried.stdout, retried.stderr);
      expect(retried.code, retried.stderr).toBe(0);
      expect(summaryOf(retried)).toMatchObject({ total: 20, sent: 20, failed: 0 });
      const record = await sandboxRecord(healthy.url);
      expect([...acceptedPhones(record)].sort()).toEqual([...busy].sort());
      const rows = await readReport(report);
      for (const phone of busy) {
        const row = rows.find((r) => phoneOfRow(r) === phone);
        expect(row?.ctdial_status).toBe("sent");
        expect(row?.ctdial_error).toBe("");
      }

      const nothing = await runCli(["retry", ...common], { cwd: dir, env });
      outputs.push(nothing.stdout, nothing.stderr);
      expect(nothing.code, nothing.stderr).toBe(0);
      expect((await sandboxRecord(healthy.url)).requests).toBe(record.requests);
    } finally {
      await healthy.stop();
    }
    expect(filesContaining(TOKEN, stateDir, [report])).toEqual([]);
    for (const output of outputs) expect(output).not.toContain(TOKEN);
  }, 60_000);
});
