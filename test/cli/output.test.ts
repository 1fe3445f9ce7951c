import { describe, expect, it } from "vitest";
import { exitCodeOf } from "../../src/cli/exit.js";
import { formatSummary, summaryJson } from "../../src/cli/output.js";
import { formatDuration, formatProgress } from "../../src/cli/progress.js";
import { emptySummary } from "../../src/engine/summary.js";
import { said } from "../../src/i18n/catalog.js";

function summary() {
  const s = emptySummary("/tmp/clients.report.csv", false);
  Object.assign(s, { total: 25, sent: 20, invalid: 3, skipped: 2, problemCount: 23 });
  s.problems = Array.from({ length: 20 }, (_, i) => ({
    rowNumber: i + 2,
    status: "invalid" as const,
    outcome: {
      status: "invalid" as const,
      problems: [{ column: "Телефон", problem: said("rowsPhoneService", { number: "8-800" }) }],
    },
  }));
  return s;
}

describe("the summary a person reads", () => {
  it("shows counts, the first 20 problems with row numbers, the rest as a count, and the report", () => {
    const lines = formatSummary(summary());
    expect(lines[0]).toBe("25 rows: sent 20, skipped 2, invalid 3");
    expect(lines).toContain("23 rows need attention:");
    expect(lines).toContain("  row  2  invalid  column Телефон: 8-800 numbers cannot be dialed");
    expect(lines).toContain("  ... and 3 more (see the report)");
    expect(lines.at(-1)).toBe("Report: /tmp/clients.report.csv");
  });

  it("names a sheet row that moved mid-run where its result was written, and where it was read", () => {
    const lines = formatSummary(summary(), new Map([[14, 15]]));
    expect(lines).toContain(
      "  row 15  invalid  column Телефон: 8-800 numbers cannot be dialed (was row 14 when read)",
    );
    expect(lines).toContain("  row  2  invalid  column Телефон: 8-800 numbers cannot be dialed");
  });

  it("says why a run stopped and what to do", () => {
    const s = summary();
    s.stopped = {
      kind: "calltouch-refusal",
      code: 10001,
      message: "Недостаточно минут",
      advice: "Top up callback minutes in Calltouch, then run the same command again.",
    };
    const lines = formatSummary(s);
    expect(lines.slice(-2)).toEqual([
      "Stopped: Calltouch answered 10001: Недостаточно минут",
      "Top up callback minutes in Calltouch, then run the same command again.",
    ]);
    expect(exitCodeOf(s)).toBe(3);
  });

  it("keeps docs/contract.md's key order in --json", () => {
    expect(Object.keys(summaryJson(summary())).slice(0, 8)).toEqual([
      "total",
      "sent",
      "invalid",
      "failed",
      "skipped",
      "pending",
      "unknown",
      "would-send",
    ]);
  });

  it("exit codes: 0 all sent or skipped, 1 rows need attention", () => {
    const clean = emptySummary("r", false);
    Object.assign(clean, { total: 2, sent: 1, skipped: 1 });
    expect(exitCodeOf(clean)).toBe(0);
    expect(exitCodeOf(summary())).toBe(1);
    const lost = emptySummary("r", false);
    Object.assign(lost, { total: 1, unknown: 1 });
    expect(exitCodeOf(lost)).toBe(1);
  });
});

describe("the progress line", () => {
  it("shows a bar, position, rate, ETA and counts", () => {
    expect(
      formatProgress({ done: 50, total: 200, rate: 4.9, etaSeconds: 31, counts: { sent: 48, failed: 2 } }),
    ).toBe("[######..................]  25%  50/200  4.9/s ETA 0:31  sent 48, failed 2");
  });

  it("shows a waiting note instead of the rate", () => {
    expect(
      formatProgress({ done: 3, rate: 0, counts: {}, note: "waiting for the call window, opens in 1:00:00" }),
    ).toBe("3/?  waiting for the call window, opens in 1:00:00");
  });

  it("formats durations", () => {
    expect(formatDuration(75)).toBe("1:15");
    expect(formatDuration(3725)).toBe("1:02:05");
  });
});
