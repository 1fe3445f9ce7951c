import { describe, expect, it } from "vitest";
import { sheetWriteWarningText } from "../../src/cli/sheet-write-warning.js";

describe("the sheet write-back's warnings in words", () => {
  it("agree with their count", () => {
    expect(sheetWriteWarningText({ kind: "rows-not-placed", count: 1 })).toBe(
      "1 result not written into the sheet: its row was changed or removed while the run went on; the next run writes it.",
    );
    expect(sheetWriteWarningText({ kind: "rows-not-placed", count: 3 })).toBe(
      "3 results not written into the sheet: their rows were changed or removed while the run went on; the next run writes them.",
    );
    expect(
      sheetWriteWarningText({ kind: "write-deferred", reason: "socket hang up", retryInSeconds: 15 }),
    ).toBe("results not written into the sheet yet (socket hang up); trying again in 15 s.");
  });
});
