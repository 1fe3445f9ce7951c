import { describe, expect, it } from "vitest";
import { ignoreReasonText } from "../../src/cli/watch-words.js";
import { classify } from "../../src/watch/ignore-rules.js";

describe("what the campaigns folder runs and what it passes over", () => {
  it.each(["clients.csv", "Клиенты май.xlsx", "list.TSV", "export.txt", "report.csv.xlsx"])(
    "runs the table %s",
    (name) => {
      expect(classify(name, false)).toEqual({ kind: "source" });
    },
  );

  it.each([
    ["~$clients.xlsx", "Excel lock file", false],
    [".~lock.clients.csv#", "LibreOffice lock file", false],
    [".hidden.csv", "hidden file", false],
    ["clients.csv.tmp", "temporary", false],
    ["clients.csv.part", "temporary", false],
    ["clients.csv.crdownload", "temporary", false],
    ["clients.csv~", "temporary", false],
    ["clients.xls", "save it as .xlsx", false],
    ["notes.docx", "not a table", false],
    ["campaign.yaml", "campaign file", true],
    ["clients.campaign.yaml", "campaign file", true],
    ["clients.campaign.json", "campaign file", true],
    ["clients.report.csv", "report", true],
    ["clients.report.xlsx", "report", true],
    ["clients.report.csv.tmp", "report being written", true],
    ["STATUS.txt", "status file", true],
    [".STATUS.txt.tmp", "status file", true],
    ["clients.error.txt", "error note", true],
  ] as const)("passes over %s (%s)", (name, reason, own) => {
    const result = classify(name, false);
    expect(result.kind).toBe("ignored");
    if (result.kind !== "ignored") return;
    expect(ignoreReasonText(result.reason)).toContain(reason);
    expect(result.own).toBe(own);
  });

  it("passes over its own folders silently and other folders with a reason", () => {
    expect(classify("done", true)).toMatchObject({ kind: "ignored", own: true });
    expect(classify("failed", true)).toMatchObject({ kind: "ignored", own: true });
    expect(classify("archive", true)).toMatchObject({ kind: "ignored", own: false });
  });
});
