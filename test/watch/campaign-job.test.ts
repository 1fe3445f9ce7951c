import { describe, expect, it } from "vitest";
import { parseCampaign } from "../../src/campaign/load.js";
import { exitCodeOf } from "../../src/cli/exit.js";
import { errorNoteText } from "../../src/cli/watch-words.js";
import { fixedClock } from "../../src/clock.js";
import type { ResolvedCampaign } from "../../src/engine/resolve.js";
import { emptySummary, type RunSummary } from "../../src/engine/summary.js";
import { endOf, exitCodeOfEnd } from "../../src/watch/campaign-job.js";

const resolved: ResolvedCampaign = {
  source: "/srv/campaigns/clients.csv",
  campaign: parseCampaign({ routeKey: "rk_main", timezone: "Europe/Moscow" }, "test"),
  reportPath: "/srv/campaigns/clients.report.csv",
};
// 2026-11-30 15:00 UTC = 18:00 in Moscow.
const NOW = Date.parse("2026-11-30T15:00:00Z");

function stoppedWith(code: string | number, message: string): RunSummary {
  const summary = emptySummary(resolved.reportPath, false);
  summary.total = 10;
  summary.sent = 4;
  summary.pending = 6;
  const kind =
    code === "SIGNAL"
      ? "signal"
      : code === "E_DAILY_LIMIT"
        ? "daily-limit"
        : typeof code === "number"
          ? "calltouch-refusal"
          : "failure";
  summary.stopped = { kind, code, message, advice: "Do something." };
  return summary;
}

describe("what a run's end means for the folder", () => {
  it("a finished run is done, with the run's own exit code", () => {
    const summary = emptySummary(resolved.reportPath, false);
    summary.total = summary.sent = 3;
    const end = endOf(summary, resolved, fixedClock(NOW));
    expect(end.kind).toBe("done");
    expect(exitCodeOfEnd(end, exitCodeOf)).toBe(0);
  });

  it.each([10001, 10002, 403])("an account-wide refusal (%s) pauses the folder", (code) => {
    const end = endOf(stoppedWith(code, "refused"), resolved, fixedClock(NOW));
    expect(end).toEqual({
      kind: "paused",
      cause: { code, message: "refused", advice: "Do something." },
    });
  });

  it("a refused widget key (10003) fails the file, naming the key", () => {
    const end = endOf(stoppedWith(10003, "widget not found"), resolved, fixedClock(NOW));
    expect(end.kind).toBe("failed");
    if (end.kind !== "failed") return;
    const paragraph = errorNoteText(end.note);
    expect(paragraph).toContain("Calltouch refused the widget key rk_main: widget not found (error 10003)");
    expect(paragraph).toContain("4 rows were sent");
    expect(exitCodeOfEnd(end, exitCodeOf)).toBe(3);
  });

  it("refused per-row widget keys fail the file, naming the keys Calltouch refused", () => {
    const summary = stoppedWith(10003, "widget not found");
    summary.stopped = { ...summary.stopped!, params: { routeKeys: ["rk_a", "rk_b"] } };
    const end = endOf(summary, resolved, fixedClock(NOW));
    expect(end.kind === "failed" && errorNoteText(end.note)).toContain(
      "Calltouch refused the widget keys rk_a, rk_b: widget not found (error 10003)",
    );
  });

  it("the daily limit makes the file wait until the next day in the campaign's timezone", () => {
    const end = endOf(
      stoppedWith("E_DAILY_LIMIT", "the daily limit of 4 is reached"),
      resolved,
      fixedClock(NOW),
    );
    expect(end.kind).toBe("later");
    if (end.kind !== "later") return;
    // Midnight in Moscow is 21:00 UTC; a minute after it.
    expect(new Date(end.until).toISOString()).toBe("2026-11-30T21:01:00.000Z");
  });

  it("a signal leaves the file as it is", () => {
    expect(endOf(stoppedWith("SIGNAL", "stopped"), resolved, fixedClock(NOW))).toEqual({
      kind: "interrupted",
    });
  });
});
