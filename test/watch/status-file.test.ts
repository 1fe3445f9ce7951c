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

  it("says why the folder is paused, what to do, and only that it resumes by itself", () => {
    const text = formatStatus(
      {
        dir: "/srv/campaigns",
        at: Date.parse("2026-11-30T12:00:00Z"),
        state: { kind: "paused" },
        since: Date.parse("2026-11-30T11:58:00Z"),
        paused: {
          cause: {
            code: 10001,
            message: "no callback minutes left",
            advice: "Top up callback minutes in Calltouch, then run the same command again.",
          },
          nextCheck: Date.parse("2026-11-30T12:10:00Z"),
        },
        running: [],
        waiting: [{ name: "clients.csv", why: { kind: "paused" } }],
        recent: [],
      },
      "Europe/Moscow",
    );
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "ctdial watch: PAUSED since 30 Nov 2026, 14:58 (Europe/Moscow): Calltouch refuses requests; ctdial resumes by itself once it accepts them",
    );
    expect(lines[2]).toMatch(
      /^Updated: 30 Nov 2026, 15:00:00 \(Europe\/Moscow\) \(rewritten at least every 1 minute/,
    );
    expect(text).toContain("Why: Calltouch answered 10001: no callback minutes left");
    expect(text).toContain("What to do: Top up callback minutes in Calltouch.");
    expect(text).toContain("checks again by itself at 30 Nov 2026, 15:10 (Europe/Moscow)");
    expect(text).not.toMatch(/same command|T12:10|Z\b/);
    expect(text).toContain("clients.csv: paused with the folder");
  });

  it("says WAITING, for what and until when, when no file can send now", () => {
    const text = formatStatus(
      {
        dir: "/srv/campaigns",
        at: Date.parse("2026-12-06T22:00:00Z"),
        state: {
          kind: "waiting",
          for: ["call-window", "daily-limit"],
          until: { at: Date.parse("2026-12-07T06:00:00Z"), zone: "Europe/Moscow" },
        },
        since: Date.parse("2026-12-06T21:00:00Z"),
        running: [
          {
            name: "a.csv",
            done: 0,
            counts: {},
            waiting: { for: "call-window", opensAt: Date.parse("2026-12-07T06:00:00Z") },
            zone: "Europe/Moscow",
          },
        ],
        waiting: [
          {
            name: "b.csv",
            why: {
              kind: "waits",
              why: {
                kind: "daily-limit",
                message: "the daily limit of 5 accepted requests is reached",
                zone: "Asia/Novosibirsk",
              },
              until: Date.parse("2026-12-06T17:01:00Z"),
            },
          },
        ],
        recent: [],
      },
      "UTC",
    );
    expect(text.split("\r\n")[0]).toBe(
      "ctdial watch: WAITING since 6 Dec 2026, 21:00 (UTC): no file can send now: outside the call window; the daily limit is reached; the first goes on at 7 Dec 2026, 09:00 (Europe/Moscow)",
    );
    expect(text).toContain(
      "a.csv: 0 rows done; waits for its call window, which opens at 7 Dec 2026, 09:00 (Europe/Moscow)",
    );
    expect(text).toContain(
      "b.csv: the daily limit of 5 accepted requests is reached; it goes on the next day at 7 Dec 2026, 00:01 (Asia/Novosibirsk)",
    );
  });

  it("says STOPPED at a time on the way out, and why", () => {
    const base = {
      dir: "/srv/campaigns",
      at: Date.parse("2026-12-06T10:00:00Z"),
      since: Date.parse("2026-12-06T09:00:00Z"),
      running: [],
      waiting: [],
      recent: [],
    };
    const first = (state: Parameters<typeof formatStatus>[0]["state"]): string =>
      formatStatus({ ...base, state }, "UTC").split("\r\n")[0] ?? "";
    expect(first({ kind: "stopped", cause: { kind: "signal" } })).toBe(
      "ctdial watch: STOPPED at 6 Dec 2026, 10:00 (UTC): asked to stop; files not finished stay here and go on when ctdial watch starts again",
    );
    expect(first({ kind: "stopped", cause: { kind: "once" } })).toBe(
      "ctdial watch: STOPPED at 6 Dec 2026, 10:00 (UTC): --once ran what was in the folder",
    );
    expect(first({ kind: "stopped", cause: { kind: "error", message: "disk full." } })).toBe(
      "ctdial watch: STOPPED at 6 Dec 2026, 10:00 (UTC): an error ended it: disk full.",
    );
    expect(formatStatus({ ...base, state: { kind: "stopped", cause: { kind: "once" } } }, "UTC")).toContain(
      "(ctdial watch is not running; start it again to serve the folder)",
    );
  });

  it("shows the files running with their counts", () => {
    const text = formatStatus({
      dir: "/srv/campaigns",
      at: Date.now(),
      state: { kind: "sending" },
      since: Date.now(),
      running: [{ name: "a.csv", done: 12, counts: { sent: 10, invalid: 2 } }],
      waiting: [],
      recent: [
        { kind: "done", file: "b.csv", total: 20, counts: { sent: 20, failed: 0 }, sentNow: 20, to: "done" },
        { kind: "failed", file: "c.csv", to: "failed", note: "c.error.txt" },
      ],
    });
    expect(text.split("\r\n")[0]).toMatch(/^ctdial watch: SENDING since \d+ \w{3} \d{4}, \d\d:\d\d \(.+\)$/);
    expect(text).toContain("a.csv: 12 rows done (sent 10, invalid 2)");
    expect(text).toContain("b.csv: 20 rows: sent 20 (moved to done/)");
    expect(text).toContain("c.csv: could not be run (see failed/c.error.txt)");
  });
});
