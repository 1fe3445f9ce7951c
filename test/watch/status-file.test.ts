import { chmodSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatStatus, statusWriter } from "../../src/watch/status-file.js";
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
      at: new Date("2026-11-30T12:00:00Z"),
      paused: {
        reason: "Calltouch answered 10001: no callback minutes left",
        advice: "Top up the balance.",
        nextCheck: new Date("2026-11-30T12:10:00Z"),
      },
      running: [],
      waiting: [{ name: "clients.csv", why: "paused" }],
      recent: [],
    });
    expect(text.split("\r\n")[0]).toBe("ctdial watch: PAUSED");
    expect(text).toContain("Why: Calltouch answered 10001: no callback minutes left");
    expect(text).toContain("What to do: Top up the balance.");
    expect(text).toContain("clients.csv: paused");
  });

  it("shows the files running with their counts", () => {
    const text = formatStatus({
      dir: "/srv/campaigns",
      at: new Date(),
      running: [{ name: "a.csv", done: 12, counts: { sent: 10, invalid: 2 } }],
      waiting: [],
      recent: ["b.csv: 20 rows: sent 20 (moved to done/)"],
    });
    expect(text.split("\r\n")[0]).toBe("ctdial watch: SENDING");
    expect(text).toContain("a.csv: 12 rows done (sent 10, invalid 2)");
    expect(text).toContain("b.csv: 20 rows: sent 20 (moved to done/)");
  });
});
