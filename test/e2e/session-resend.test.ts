/**
 * `resendWithoutSessionId` end to end: the built CLI against `ctdial sandbox` in its own process, which
 * does not know sessions made of letters (10004). The sandbox's own record says what was dialed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readReport, runCli, workdir } from "./cli.js";
import { sandboxRecord } from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";

const CSV = [
  "Телефон;Имя;Сессия",
  "+7 916 111-22-01;Анна;12345",
  "+7 916 111-22-02;Борис;устаревшая-сессия",
  "+7 916 111-22-03;Вера;",
  "",
].join("\r\n");

function campaign(resend: boolean): string {
  return [
    "routeKey: rk_1",
    "mapping:",
    "  phone: Телефон",
    "  sessionId: Сессия",
    "  fields:",
    "    Имя: Имя",
    ...(resend ? ["resendWithoutSessionId: true"] : []),
    "",
  ].join("\n");
}

async function runWith(resend: boolean) {
  const sandbox = await startSandboxProcess(["--quiet"]);
  try {
    const dir = workdir();
    writeFileSync(join(dir, "base.csv"), CSV);
    writeFileSync(join(dir, "base.campaign.yaml"), campaign(resend));
    const result = await runCli(["run", "base.csv", "--yes", "--json"], {
      cwd: dir,
      env: {
        CALLTOUCH_TOKEN: "ct-token-e2e",
        CALLTOUCH_API_URL: sandbox.url,
        XDG_STATE_HOME: join(dir, "state"),
      },
    });
    const report = await readReport(join(dir, "base.report.csv"));
    return { result, report, record: await sandboxRecord(sandbox.url) };
  } finally {
    await sandbox.stop();
  }
}

describe("10004: a sessionId Calltouch does not know", () => {
  it("fails the row by default, saying how to call it anyway", async () => {
    const { result, report, record } = await runWith(false);
    expect(result.code).toBe(1);
    expect(report.map((row) => row.ctdial_status)).toEqual(["sent", "failed", "sent"]);
    expect(report[1]).toMatchObject({ ctdial_error_code: "10004", ctdial_attempts: "1" });
    expect(record.accepted.map((entry) => entry.body.phone)).toEqual(["79161112201", "79161112203"]);
  });

  it("with resendWithoutSessionId, calls the person once, without the session", async () => {
    const { result, report, record } = await runWith(true);
    expect(result.code).toBe(0);
    expect(report.map((row) => row.ctdial_status)).toEqual(["sent", "sent", "sent"]);
    expect(report[1]).toMatchObject({ ctdial_attempts: "2", ctdial_error: "" });
    const boris = record.accepted.filter((entry) => entry.body.phone === "79161112202");
    expect(boris).toHaveLength(1);
    expect(boris[0]?.body).toMatchObject({ routeKey: "rk_1", fields: [{ name: "Имя", value: "Борис" }] });
    expect(boris[0]?.body).not.toHaveProperty("sessionId");
    // The known session went as it was.
    expect(record.accepted[0]?.body).toHaveProperty("sessionId", "12345");
  });
});
