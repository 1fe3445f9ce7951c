import { chmodSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatStatus } from "../../src/cli/watch-status.js";
import { statusWriter } from "../../src/watch/status-file.js";
import { tempDir } from "../tidy.js";

describe("STATUS.txt", () => {
  it("is written whole, leaves no temporary file, and is not rewritten when unchanged", async () => {
    const dir = tempDir("ctdial-status-");
    const writer = statusWriter(dir);
    expect(await writer.write("one\r\n")).toBe(true);
    expect(await writer.write("two\r\n")).toBe(true);
    expect(readFileSync(join(dir, "STATUS.txt"), "utf8")).toBe("two\r\n");
    expect(readdirSync(dir)).toEqual(["STATUS.txt"]);
  });

  it.runIf(process.getuid?.() !== 0)("reports a write it could not make instead of throwing", async () => {
    const dir = tempDir("ctdial-status-");
    chmodSync(dir, 0o500);
    try {
      expect(await statusWriter(dir).write("x")).toBe(false);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it("says why the folder is paused and what to do", () => {
    const text = formatStatus({
      dir: "/srv/campaigns",
      at: Date.parse("2026-11-30T12:00:00Z"),
      paused: {
        cause: { code: 10001, message: "no callback minutes left", advice: "Top up the balance." },
        nextCheck: Date.parse("2026-11-30T12:10:00Z"),
      },
      running: [],
      waiting: [{ name: "clients.csv", why: { kind: "paused" } }],
      recent: [],
    });
    expect(text.split("\r\n")[0]).toBe("ctdial watch: PAUSED");
    expect(text).toContain("Why: Calltouch answered 10001: no callback minutes left");
    expect(text).toContain("What to do: Top up the balance.");
    expect(text).toContain("clients.csv: paused with the folder");
  });

  it("shows the files running with their counts", () => {
    const text = formatStatus({
      dir: "/srv/campaigns",
      at: Date.now(),
      running: [{ name: "a.csv", done: 12, counts: { sent: 10, invalid: 2 } }],
      waiting: [],
      recent: [
        { kind: "done", file: "b.csv", total: 20, counts: { sent: 20, failed: 0 }, to: "done" },
        { kind: "failed", file: "c.csv", to: "failed", note: "c.error.txt" },
      ],
    });
    expect(text.split("\r\n")[0]).toBe("ctdial watch: SENDING");
    expect(text).toContain("a.csv: 12 rows done (sent 10, invalid 2)");
    expect(text).toContain("b.csv: 20 rows: sent 20 (moved to done/)");
    expect(text).toContain("c.csv: could not be run (see failed/c.error.txt)");
  });
});
