import type { Logger } from "pino";
import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/calltouch/types.js";
import { logAttempt } from "../../src/cli/attempt-log.js";
import type { AttemptNext } from "../../src/dispatch/types.js";
import type { RowAttempt } from "../../src/engine/run.js";

function recorder() {
  const lines: { level: string; message: string }[] = [];
  const at = (level: string) => (_fields: unknown, message: string) => lines.push({ level, message });
  const logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { logger: logger as unknown as Logger, lines };
}

function attempt(decision: Decision, next: AttemptNext, tries = 1): RowAttempt {
  return {
    item: { rowNumber: 14 } as RowAttempt["item"],
    attempt: tries,
    answer: { kind: "http", status: 500, body: "" } as unknown as RowAttempt["answer"],
    decision,
    next,
  };
}

const retry: Decision = { action: "retry", code: 500, message: "HTTP 500" } as Decision;

describe("the attempt log", () => {
  it("says 'will retry' with the wait when a retry follows", () => {
    const { logger, lines } = recorder();
    logAttempt(logger, attempt(retry, { kind: "again", afterMs: 2500 }));
    expect(lines).toEqual([{ level: "warn", message: "row 14: HTTP 500; will retry in 0:03" }]);
  });

  it("never says 'will retry' when the retries are used up: it says the row gave up", () => {
    const { logger, lines } = recorder();
    const outcome = { status: "failed", code: 500, message: "HTTP 500", attempts: 6 } as const;
    logAttempt(logger, attempt(retry, { kind: "settled", outcome }, 6));
    expect(lines).toEqual([{ level: "info", message: "row 14: HTTP 500; gave up after 6 attempts" }]);
    expect(lines[0]?.message).not.toContain("will retry");
  });

  it("says a row stopped by a stop is left pending for the next run", () => {
    const { logger, lines } = recorder();
    const outcome = { status: "pending", reason: "stopped", attempts: 1 } as const;
    logAttempt(logger, attempt(retry, { kind: "settled", outcome }));
    expect(lines[0]?.message).toBe("row 14: HTTP 500; left pending, the next run sends it");
  });

  it("logs an accepted row quietly, at debug level", () => {
    const { logger, lines } = recorder();
    const done = { action: "done", requestId: 7 } as Decision;
    const outcome = {
      status: "sent",
      requestId: 7,
      sentAt: "2026-11-30T10:00:00+03:00",
      attempts: 1,
    } as const;
    logAttempt(logger, attempt(done, { kind: "settled", outcome }));
    expect(lines).toEqual([{ level: "debug", message: "accepted" }]);
  });
});
