import { describe, expect, it } from "vitest";
import { folderEventLine } from "../../src/cli/watch-words.js";

describe("the folder's words for a file that leaves or changes while it runs", () => {
  it("a file that left: why it stops, what becomes of its rows, and its new name when renamed", () => {
    expect(folderEventLine({ kind: "file-left", file: "a.csv", renamedTo: "b.csv" }).text).toBe(
      "a.csv: left the folder while it ran (renamed to b.csv): stopping it; requests in flight finish, rows not sent stay in its journal",
    );
    expect(folderEventLine({ kind: "file-left", file: "a.csv" }).level).toBe("warn");
    expect(folderEventLine({ kind: "file-left-stopped", file: "a.csv", sent: 1, notSent: 12 }).text).toBe(
      "a.csv: stopped after sending 1 row; 12 rows not sent under this name",
    );
    expect(folderEventLine({ kind: "file-came-back", file: "b.csv", was: "a.csv" }).text).toBe(
      "b.csv: the same list as a.csv, which left the folder while it ran: phones accepted under that name are not dialed again",
    );
  });

  it("a file that changed: stopped now, or not moved to done/; run again either way", () => {
    expect(folderEventLine({ kind: "file-changed", file: "a.csv", running: true }).text).toBe(
      "a.csv: changed while it ran: stopping it; it runs again once the file is quiet, sending only rows not sent yet",
    );
    expect(folderEventLine({ kind: "file-changed", file: "a.csv", running: false }).text).toBe(
      "a.csv: changed since it was read: not moved to done/; it runs again once the file is quiet, sending only rows not sent yet",
    );
  });
});
