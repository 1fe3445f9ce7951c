import { describe, expect, it } from "vitest";
import { doneLine, errorNoteText, folderEventLine, folderPauseAdvice } from "../../src/cli/watch-words.js";

describe("the folder service's events in words", () => {
  it("a finished file: its rows and counts, with plurals", () => {
    const one = folderEventLine({
      kind: "file-done",
      entry: {
        kind: "done",
        file: "a.csv",
        total: 1,
        counts: { sent: 1, failed: 0 },
        sentNow: 1,
        to: "done",
      },
    });
    expect(one).toEqual({ level: "info", text: "a.csv: 1 row: sent 1; moved to done/" });
    const none = folderEventLine({
      kind: "file-done",
      entry: { kind: "done", file: "b.csv", total: 0, counts: {}, sentNow: 0, to: "done" },
    });
    expect(none.text).toBe("b.csv: 0 rows: nothing to do; moved to done/");
  });

  it("a file dropped again says what this run did, not 'sent 40'", () => {
    const entry = { kind: "done", file: "a.csv", total: 40, to: "done" } as const;
    expect(doneLine({ ...entry, counts: { sent: 40 }, sentNow: 0 })).toBe(
      "a.csv: 40 rows: already sent earlier, nothing to do",
    );
    expect(doneLine({ ...entry, counts: { sent: 38, invalid: 2 }, sentNow: 3 })).toBe(
      "a.csv: 40 rows: sent 3, already sent earlier 35, invalid 2",
    );
    expect(doneLine({ ...entry, counts: { sent: 38, skipped: 2 }, sentNow: 0 })).toBe(
      "a.csv: 40 rows: already sent earlier 38, skipped 2",
    );
    expect(doneLine({ ...entry, counts: { sent: 40 }, sentNow: 40 })).toBe("a.csv: 40 rows: sent 40");
  });

  it("a pause says why, what to do in the folder's terms (never 'run the same command again') and when it looks again", () => {
    const line = folderEventLine({
      kind: "paused",
      cause: {
        code: 10001,
        message: "no callback minutes left",
        advice: "Top up callback minutes in Calltouch, then run the same command again.",
      },
      nextCheck: Date.parse("2026-11-30T12:10:00Z"),
    });
    expect(line.level).toBe("error");
    expect(line.text).toMatch(
      /^paused: Calltouch answered 10001: no callback minutes left\. Top up callback minutes in Calltouch\. Files stay in the folder; nothing needs restarting: ctdial checks again by itself at 30 Nov 2026, \d\d:\d\d \(.+\) and resumes once Calltouch accepts requests\.$/,
    );
    expect(line.text).not.toContain("same command");
    expect(line.fields).toMatchObject({ nextCheck: "2026-11-30T12:10:00.000Z" });
    expect(
      folderPauseAdvice({ code: 1, message: "m", advice: "Run the same command again." }),
    ).toBeUndefined();
  });

  it("a file that waits for the next day says when, in its campaign's zone", () => {
    const line = folderEventLine({
      kind: "file-waits",
      file: "a.csv",
      why: {
        kind: "daily-limit",
        message: "the daily limit of 5 accepted requests is reached (5 accepted today)",
        zone: "Asia/Novosibirsk",
      },
      until: Date.parse("2026-12-06T17:01:00Z"),
    });
    expect(line.text).toBe(
      "a.csv: waits: the daily limit of 5 accepted requests is reached (5 accepted today); it goes on the next day at 7 Dec 2026, 00:01 (Asia/Novosibirsk)",
    );
  });

  it("passed-over files: the service's own silently (debug), others with a reason", () => {
    expect(
      folderEventLine({ kind: "passed-over", file: "~$a.xlsx", reason: "excel-lock", own: false }),
    ).toEqual({
      level: "info",
      text: "~$a.xlsx: ignored: an Excel lock file (the table is open in Excel)",
    });
    expect(
      folderEventLine({ kind: "passed-over", file: "STATUS.txt", reason: "status-file", own: true }).level,
    ).toBe("debug");
  });

  it("an error note: what happened, then what to do, in one paragraph", () => {
    expect(
      errorNoteText({ kind: "cannot-run", file: "bad.csv", message: "no phone column found:\n  a\n  b" }),
    ).toBe(
      "bad.csv could not be run: no phone column found: a; b. Fix it and put the file back into the campaigns folder; rows already sent will not be sent again.",
    );
    expect(
      errorNoteText({
        kind: "widget-refused",
        file: "off.csv",
        routeKeys: ["rk"],
        calltouchMessage: "widget not found",
        sent: 1,
      }),
    ).toContain(
      "off.csv was stopped: Calltouch refused the widget key rk: widget not found (error 10003). 1 row was sent before that;",
    );
  });
});
