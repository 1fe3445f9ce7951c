import { describe, expect, it } from "vitest";
import { errorNoteText, folderEventLine } from "../../src/cli/watch-words.js";

describe("the folder service's events in words", () => {
  it("a finished file: its rows and counts, with plurals", () => {
    const one = folderEventLine({
      kind: "file-done",
      entry: { kind: "done", file: "a.csv", total: 1, counts: { sent: 1, failed: 0 }, to: "done" },
    });
    expect(one).toEqual({ level: "info", text: "a.csv: 1 row: sent 1; moved to done/" });
    const none = folderEventLine({
      kind: "file-done",
      entry: { kind: "done", file: "b.csv", total: 0, counts: {}, to: "done" },
    });
    expect(none.text).toBe("b.csv: 0 rows: nothing to do; moved to done/");
  });

  it("a pause says why, what to do and when it looks again", () => {
    const line = folderEventLine({
      kind: "paused",
      cause: { code: 10001, message: "no callback minutes left", advice: "Top up the balance." },
      nextCheck: Date.parse("2026-11-30T12:10:00Z"),
    });
    expect(line.level).toBe("error");
    expect(line.text).toBe(
      "paused: Calltouch answered 10001: no callback minutes left. Top up the balance. Files stay in the folder; checking again at 2026-11-30T12:10:00.000Z.",
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
