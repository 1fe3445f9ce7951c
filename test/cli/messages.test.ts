import { describe, expect, it } from "vitest";
import { errorText, reportNoteText, stoppedLine, stopText } from "../../src/cli/messages.js";
import { ConfigError, StopError } from "../../src/errors.js";
import { corruptLineError, notJournalError } from "../../src/journal/format.js";

describe("the CLI words stops from their kind and params", () => {
  it("a refusal of Calltouch's names its code, and per-row widget keys name the keys", () => {
    const refusal = {
      kind: "calltouch-refusal",
      code: 10001,
      message: "Недостаточно минут",
      advice: "Top up.",
    } as const;
    expect(stoppedLine(refusal)).toBe("Stopped: Calltouch answered 10001: Недостаточно минут");
    expect(stopText(refusal).advice).toBe("Top up.");
    const routes = {
      kind: "calltouch-refusal",
      code: 10003,
      message: "нет виджета",
      params: { routeKeys: ["a", "b"] },
    } as const;
    expect(stopText(routes).message).toBe("Calltouch refused the widget keys a, b: нет виджета");
  });

  it("ctdial's own stops get their sentence and advice here, not from the engine", () => {
    expect(
      stopText({ kind: "daily-limit", code: "E_DAILY_LIMIT", message: "x", params: { limit: 3, used: 3 } }),
    ).toEqual({
      message: "the daily limit of 3 accepted requests is reached (3 accepted today)",
      advice: "Run the same command again tomorrow, or raise dailyLimit in the campaign file.",
    });
    const window = {
      kind: "call-window",
      code: "E_CALL_WINDOW",
      message: "x",
      params: {
        from: "09:00",
        to: "20:00",
        days: ["mon", "tue"],
        zone: "Europe/Moscow",
        opensAt: "2026-11-25T09:00:00+03:00",
      },
    } as const;
    expect(stopText(window).message).toBe(
      "outside the call window (09:00-20:00, mon tue, Europe/Moscow); it opens at 25 Nov 2026, 09:00 (Europe/Moscow)",
    );
    expect(stopText(window).advice).toContain("--no-wait");
    expect(stopText({ kind: "signal", code: "SIGNAL", message: "x" }).advice).toBe(
      "Run the same command again to send the pending rows.",
    );
  });
});

describe("the CLI words errors from their code and params", () => {
  it("a campaign without a routeKey is told the flags and the command that fix it", () => {
    const error = new ConfigError({
      code: "E_NO_ROUTE_KEY",
      params: { campaignFile: "clients.campaign.yaml", create: true },
    });
    expect(errorText(error)).toMatch(
      /^no routeKey: create clients\.campaign\.yaml with routeKey: <key> \(ctdial init writes one\), or pass --route-key KEY, or set CALLTOUCH_ROUTE_KEY;/,
    );
  });

  it("a file unreadable part-way says how many rows were sent", () => {
    const error = new StopError({
      code: "E_INPUT_MIDRUN",
      params: { inputMessage: "row 9 has an unclosed quote.", sent: 1 },
    });
    expect(errorText(error)).toBe(
      "row 9 has an unclosed quote. Sending stopped there after 1 row was sent; fix the file and run the same command again (rows already sent will not be sent twice).",
    );
  });

  it("the journal's errors read the same from the CLI as their default English", () => {
    for (const error of [corruptLineError("/s/j.jsonl", 7), notJournalError("/s/j.jsonl")]) {
      expect(errorText(error)).toBe(error.message);
    }
  });

  it("an error whose code is no catalog key (read back from elsewhere) keeps its own message", () => {
    const error = new ConfigError({ code: "E_NO_ROUTE_KEY", params: { sheet: true } });
    Object.defineProperty(error, "said", { value: { code: "E_GONE", params: {} } });
    expect(errorText(error)).toBe(error.message);
  });

  it("says why the report was not written and how to get it", () => {
    expect(reportNoteText("r.csv", { reason: "another-run", pid: 42 })).toBe(
      "r.csv was left alone: a ctdial run of this campaign (process 42) is sending and writes it when it ends",
    );
    expect(reportNoteText("r.csv", { reason: "cut-short" })).toContain("`ctdial validate` on the same file");
  });
});
