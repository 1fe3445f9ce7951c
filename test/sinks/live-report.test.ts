import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RowOutcome } from "../../src/outcome.js";
import { liveReport } from "../../src/sinks/live-report.js";
import { waitFor } from "../wait-for.js";
import { row, useTempDir } from "./helpers.js";

const tempDir = useTempDir();
const sent: RowOutcome = { status: "sent", requestId: 1, sentAt: "2026-11-30T10:00:00+03:00", attempts: 1 };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until the report on disk has `count` lines (a header and count - 1 rows). */
const linesReach = (path: string, count: number) =>
  waitFor(async () => (await lines(path).catch(() => [])).length >= count, `${count} lines in ${path}`);
const SOURCE = { kind: "csv" as const, headers: ["Телефон"], headerRowNumber: 1, delimiter: ";" };

async function lines(path: string): Promise<string[]> {
  return (await readFile(path, "utf8")).split("\r\n").filter((line) => line !== "");
}

describe("the live report (campaigns folder)", () => {
  it("is rewritten while rows settle, in the file's order, and whole at the end", async () => {
    const path = join(await tempDir(), "clients.report.csv");
    const sink = liveReport(path, SOURCE, { everyMs: 20 });
    sink.accept({ index: 1, row: row(3, "+7 916 000-00-01"), outcome: sent, phone: "79160000001" });
    sink.accept({ index: 0, row: row(2, "+7 916 000-00-00"), outcome: { status: "pending" } });
    await linesReach(path, 3);
    // Mid-run: the rows settled so far, already in the file's order.
    const mid = await lines(path);
    expect(mid).toHaveLength(3);
    expect(mid[1]).toMatch(/^'\+7 916 000-00-00;pending/);
    expect(mid[2]).toMatch(/^'\+7 916 000-00-01;sent/);
    sink.accept({ index: 2, row: row(4, "+7 916 000-00-02"), outcome: sent, phone: "79160000002" });
    await sink.close({ complete: true });
    expect(await lines(path)).toHaveLength(4);
  });

  it("keeps its last whole snapshot when the run ends before every row settled (Ctrl+C)", async () => {
    const path = join(await tempDir(), "clients.report.csv");
    const sink = liveReport(path, SOURCE, { everyMs: 20 });
    sink.accept({ index: 0, row: row(2, "+7 916 000-00-00"), outcome: sent });
    sink.accept({ index: 1, row: row(3, "+7 916 000-00-01"), outcome: sent });
    await linesReach(path, 3);
    sink.accept({ index: 2, row: row(4, "+7 916 000-00-02"), outcome: { status: "pending" } });
    await sink.close({ complete: false });
    expect(await lines(path)).toHaveLength(3);
  });

  it("never leaves a half-written file: a rewrite goes to a temporary file renamed over the report", async () => {
    const dir = await tempDir();
    const path = join(dir, "clients.report.csv");
    const sink = liveReport(path, SOURCE, { everyMs: 10 });
    for (let i = 0; i < 2000; i++) {
      sink.accept({ index: i, row: row(i + 2, `+7 916 ${String(1_000_000 + i)}`), outcome: sent });
      if (i % 200 === 0) await wait(15);
    }
    // Whenever it is read, the report is a whole table: a header and complete lines.
    await waitFor(() => existsSync(path), "the first snapshot");
    const seen = await readFile(path, "utf8");
    expect(seen.startsWith("\uFEFFТелефон;ctdial_status")).toBe(true);
    expect(seen.endsWith("\r\n")).toBe(true);
    await sink.close({ complete: true });
    expect(await lines(path)).toHaveLength(2001);
  });
});
