import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readReport, runCli, workdir } from "./cli.js";
import {
  acceptedPhones,
  clientsCsv,
  display,
  phoneNumbers,
  phoneOfRow,
  repeated,
  sandboxRecord,
  sendingEnv,
  summaryOf,
} from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";

/**
 * A row's identity is its phone (once sent) or its content (while failed or invalid), never its line
 * number: users insert, delete and fix rows between runs.
 */
describe("row identity across edits of the file (built CLI, sandbox process)", () => {
  it("after inserts above, a deletion and a fixed phone, the next run sends only the new and fixed rows", async () => {
    const phones = phoneNumbers(10, "915");
    const [fixedPhone, ...added] = phoneNumbers(4, "915", 100);
    const dir = workdir();
    const csv = join(dir, "clients.csv");
    const report = join(dir, "clients.report.csv");
    const original: [string, string][] = phones.map((p, i) => [display(p), `Клиент ${i + 1}`]);
    original.splice(4, 0, ["8 916 12", "Номер не дописан"]);
    writeFileSync(csv, clientsCsv(original));
    const common = [
      "clients.csv",
      "--route-key",
      "rk_edits",
      "--yes",
      "--json",
      "--state-dir",
      join(dir, "state"),
    ];

    const sandbox = await startSandboxProcess(["--min-interval", "0", "--quiet"]);
    try {
      const env = sendingEnv(sandbox.url, dir);
      const first = await runCli(["run", ...common], { cwd: dir, env });
      expect(first.code, first.stderr).toBe(1);
      expect(summaryOf(first)).toMatchObject({ total: 11, sent: 10, invalid: 1 });
      const idOf = new Map((await readReport(report)).map((row) => [phoneOfRow(row), row.ctdial_request_id]));
      const firstCount = (await sandboxRecord(sandbox.url)).accepted.length;
      expect(firstCount).toBe(10);

      // Three rows inserted at the top, the 3rd client deleted, the 9th renamed, the broken phone fixed.
      const edited: [string, string][] = [
        ...added.map((p, i): [string, string] => [display(p), `Новый ${i + 1}`]),
        ...original.filter((_, i) => i !== 2),
      ];
      const broken = edited.findIndex(([phone]) => phone === "8 916 12");
      edited[broken] = [display(fixedPhone ?? ""), "Номер исправлен"];
      const renamed = edited.findIndex(([phone]) => phone === display(phones[8] ?? ""));
      edited[renamed] = [display(phones[8] ?? ""), "Клиент 9 (фамилия исправлена)"];
      writeFileSync(csv, clientsCsv(edited));

      const second = await runCli(["run", ...common], { cwd: dir, env });
      expect(second.code, second.stderr).toBe(0);
      expect(summaryOf(second)).toMatchObject({ total: 13, sent: 13, invalid: 0, pending: 0 });
      const record = await sandboxRecord(sandbox.url);
      const sentNow = acceptedPhones(record).slice(firstCount);
      expect([...sentNow].sort()).toEqual([...added, fixedPhone].sort());
      expect(repeated(acceptedPhones(record))).toEqual([]);

      // Rows sent before keep what the journal recorded for them, whatever line they moved to.
      const rows = await readReport(report);
      expect(rows.map(phoneOfRow)).toEqual(edited.map(([phone]) => phoneOfRow({ Телефон: phone })));
      for (const row of rows) {
        const before = idOf.get(phoneOfRow(row));
        if (phones.includes(phoneOfRow(row))) expect(row.ctdial_request_id).toBe(before);
        expect(row.ctdial_status).toBe("sent");
      }
    } finally {
      await sandbox.stop();
    }
  }, 60_000);
});
