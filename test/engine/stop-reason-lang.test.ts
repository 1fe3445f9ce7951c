import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CallOutcome, CalltouchClient } from "../../src/calltouch/types.js";
import type { Lang } from "../../src/i18n/lang.js";
import { createRateLimiter, type RowOutcome, resolveCampaign, runCampaign } from "../../src/index.js";
import { REPORT_COLUMNS } from "../../src/report-columns.js";
import { outcomeCells } from "../../src/sinks/columns.js";
import { tempDir } from "../tidy.js";

/** Calltouch answers 10001 without a text of its own: ctdial's words for it are the rows' reason. */
function noMinutes(): CalltouchClient {
  const outcome: CallOutcome = { kind: "api-error", status: 400, code: 10001, message: "" };
  return { send: async () => outcome, close: async () => {} };
}

async function runStopped(lang: Lang) {
  const dir = tempDir("ctdial-stop-reason-");
  writeFileSync(
    join(dir, "clients.csv"),
    "Телефон;Имя\n+7 916 111-22-31;Анна\n+7 916 111-22-32;Борис\n+7 916 111-22-33;Вера\n",
  );
  writeFileSync(join(dir, "clients.campaign.yaml"), "routeKey: rk_stop\n");
  const resolved = await resolveCampaign(join(dir, "clients.csv"), {}, {});
  const outcomes = new Map<string, RowOutcome>();
  const summary = await runCampaign(resolved, {
    lang,
    client: noMinutes(),
    limiter: createRateLimiter({ rate: 5 }),
    stateDir: join(dir, "state"),
    sinks: [
      {
        name: "test",
        accept: (settled) => void outcomes.set(settled.phone ?? "", settled.outcome),
        close: async () => {},
      },
    ],
  });
  return { report: resolved.reportPath, summary, outcomes };
}

const ERROR_AT = REPORT_COLUMNS.indexOf("ctdial_error");

describe("a 10001 stop without Calltouch's text: the pending rows' reason in the reader's language", () => {
  it("reads «ошибка Calltouch 10001» in a Russian report, and the English words in English", async () => {
    const { report, summary, outcomes } = await runStopped("ru");
    expect(summary.stopped).toMatchObject({
      kind: "calltouch-refusal",
      code: 10001,
      message: "Calltouch error 10001",
      messageSaid: { code: "rowsCalltouchError", params: { code: 10001 } },
      adviceSaid: { code: "runStopAdvice", params: { which: "10001" } },
    });
    expect(outcomes.size).toBe(3);
    for (const outcome of outcomes.values()) {
      expect(outcome.status).toBe("pending");
      expect(outcomeCells(outcome, undefined, "ru")[ERROR_AT]).toBe("ошибка Calltouch 10001");
      expect(outcomeCells(outcome, undefined, "en")[ERROR_AT]).toBe("Calltouch error 10001");
    }
    // The report file itself, as a Russian run writes it.
    const text = readFileSync(report, "utf8");
    expect(text.match(/ошибка Calltouch 10001/g)).toHaveLength(3);
    expect(text).not.toContain("Calltouch error");
  }, 30_000);
});
