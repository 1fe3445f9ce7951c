import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { confirmationQuestion } from "../../src/cli/confirm.js";
import { errorCode, errorJson, wantsJson } from "../../src/cli/error-json.js";
import { formatSummary } from "../../src/cli/output.js";
import { plural } from "../../src/cli/plural.js";
import { formatStatus } from "../../src/cli/status.js";
import type { CampaignStatus } from "../../src/engine/status.js";
import { emptySummary } from "../../src/engine/summary.js";
import { ConfigError, InputError, StopError } from "../../src/errors.js";
import { registerSecret } from "../../src/secrets.js";

describe("counts agree with their nouns", () => {
  it("plural()", () => {
    expect(plural(0, "row")).toBe("0 rows");
    expect(plural(1, "row")).toBe("1 row");
    expect(plural(2, "failed row")).toBe("2 failed rows");
  });

  it("a one-row summary reads 1 row", () => {
    const s = emptySummary("/tmp/one.report.csv", false);
    Object.assign(s, { total: 1, invalid: 1, problemCount: 1 });
    s.problems = [{ rowNumber: 2, status: "invalid" as const, message: "column Телефон: phone is empty" }];
    const lines = formatSummary(s);
    expect(lines[0]).toBe("1 row: invalid 1");
    expect(lines).toContain("1 row needs attention:");
  });

  it("a one-row status reads 1 row, 1 run, it", () => {
    const status: CampaignStatus = {
      journal: {
        exists: true,
        runs: 1,
        lastRunAt: "2026-11-30T10:00:00+03:00",
        path: "/s/j.jsonl",
      } as CampaignStatus["journal"],
      timezone: "Europe/Moscow",
      rows: { pending: 1, failed: 1, unknown: 1 },
      total: 1,
      left: 1,
      retryable: 1,
    };
    const lines = formatStatus(status);
    expect(lines[0]).toBe("1 row: pending 1, failed 1, unknown 1");
    expect(lines).toContain("Last run: 2026-11-30T10:00:00+03:00 (1 run)");
    expect(lines).toContain("Left to send: 1 (ctdial run continues with it)");
    expect(lines).toContain("Failed: 1 (ctdial retry sends it again)");
    expect(lines).toContain(
      "Unknown: 1 (the answer was lost; it may have been called; ctdial retry --include-unknown resends it)",
    );
  });
});

describe("the confirmation question says how many rows are about to be sent", () => {
  const base = {
    source: "/calls/clients.csv",
    endpoint: "api.calltouch.ru",
    routeKey: "rk_1",
    includeUnknown: false,
  } as const;

  it("counted", () => {
    expect(
      confirmationQuestion({ ...base, mode: "run", rows: { kind: "exact", toSend: 1, inFile: 37 } }),
    ).toBe("Send 1 row of clients.csv (37 in the file) to api.calltouch.ru (routeKey rk_1)?");
    expect(
      confirmationQuestion({ ...base, mode: "retry", rows: { kind: "exact", toSend: 3, inFile: 37 } }),
    ).toBe("Resend 3 failed rows of clients.csv (37 in the file) to api.calltouch.ru (routeKey rk_1)?");
    expect(
      confirmationQuestion({
        ...base,
        mode: "retry",
        includeUnknown: true,
        routeKey: undefined,
        rows: { kind: "exact", toSend: 4, inFile: 37 },
      }),
    ).toBe(
      "Resend 4 failed or unknown rows of clients.csv (37 in the file) to api.calltouch.ru (routeKey from the file)?",
    );
  });

  it("still counting: about how many, from the file's estimate", () => {
    expect(confirmationQuestion({ ...base, mode: "run", rows: { kind: "estimate", inFile: 200_000 } })).toBe(
      "Send the unsent rows of clients.csv (about 200000 in the file; still counting) to api.calltouch.ru (routeKey rk_1)?",
    );
    expect(
      confirmationQuestion({ ...base, mode: "retry", rows: { kind: "estimate", inFile: undefined } }),
    ).toBe("Resend the failed rows of clients.csv (still counting) to api.calltouch.ru (routeKey rk_1)?");
  });
});

describe("--json errors", () => {
  it("carry the error class's stable code and the redacted message", () => {
    registerSecret("ct-json-secret-77aa");
    expect(JSON.parse(errorJson(new ConfigError("bad key ct-json-secret-77aa; fix it.")))).toEqual({
      error: { code: "E_CONFIG", message: "bad key [redacted]; fix it." },
    });
    expect(errorCode(new InputError("x", { code: "E_ENCODING" }))).toBe("E_ENCODING");
    expect(errorCode(new StopError("E_DAILY_LIMIT", "x"))).toBe("E_DAILY_LIMIT");
    expect(errorCode(new TypeError("x"))).toBe("E_INTERNAL");
  });

  it("usage errors are E_USAGE, in one line without commander's prefix", () => {
    const error = new CommanderError(
      1,
      "commander.unknownOption",
      "error: unknown option '--x'\n(Did you mean --y?)",
    );
    expect(JSON.parse(errorJson(error))).toEqual({
      error: { code: "E_USAGE", message: "unknown option '--x' (Did you mean --y?)" },
    });
  });

  it("--json counts only before a lone --", () => {
    expect(wantsJson(["run", "a.csv", "--json"])).toBe(true);
    expect(wantsJson(["run", "--", "--json"])).toBe(false);
    expect(wantsJson(["run", "a.csv"])).toBe(false);
  });
});
