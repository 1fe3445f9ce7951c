import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleWorkdir, readReport, workdir } from "./cli.js";
import { runInPty } from "./pty.js";

/**
 * ctdial at a real (pseudo-)terminal: the progress bar, the summary after it, and Ctrl+C. Width 0 is
 * what some CI and serial consoles report; it once made the progress bar throw while closing, which
 * skipped closing the in-process sandbox and left `run --sandbox` hanging forever.
 */
const SUMMARY = "37 rows: sent 30, skipped 1, invalid 6";

function clients(count: number): string {
  const lines = ["Телефон;Имя"];
  for (let i = 0; i < count; i++)
    lines.push(
      `+7 916 ${String(100 + (i % 900))}-${String(i % 100).padStart(2, "0")}-${String(10 + (i % 90))};Клиент ${i}`,
    );
  return `${lines.join("\r\n")}\r\n`;
}

/** A line of the terminal as a person reads it: what is left after the last carriage return. */
function screenLines(output: string): string[] {
  return output.split("\n").map((line) => line.split("\r").at(-1) ?? "");
}

function expectNoCrash(output: string): void {
  expect(output).not.toContain("unexpected error");
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe.each([0, 120])("a terminal %i columns wide", (cols) => {
  it("run --sandbox finishes, prints the summary on lines of its own and exits with the run's code", async () => {
    const dir = exampleWorkdir();
    const result = await runInPty(["run", "example.csv", "--sandbox"], { cwd: dir, cols });
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(1);
    expectNoCrash(result.output);
    const lines = screenLines(result.output);
    expect(lines).toContain(SUMMARY);
    expect(lines).toContain(`Report: ${join(dir, "example.report.csv")}`);
    if (cols === 0) {
      // Nothing can be drawn in no width: no progress line at all.
      expect(result.output).not.toMatch(/\d+\/(\d+|\?)\s/);
    } else {
      // The bar was drawn, never wider than the terminal, and nothing (a log line, the summary) was
      // ever written after it on the same line: each draw ends the line with erase-to-end (ESC [K).
      const drawn = result.raw.split("\r").filter((part) => /\d+\/37 /.test(part));
      expect(drawn.length).toBeGreaterThan(0);
      for (const part of drawn) {
        expect(part.endsWith("\x1b[K")).toBe(true);
        expect(part.length - "\x1b[K".length).toBeLessThan(cols);
      }
    }
  });

  it("Ctrl+C mid-run drains, writes the report, exits 3 and shows no stack trace", async () => {
    const dir = workdir();
    writeFileSync(join(dir, "base.csv"), clients(100));
    const result = await runInPty(["run", "base.csv", "--sandbox", "--route-key", "rk_1"], {
      cwd: dir,
      cols,
      // After "sending" and a moment for a few rows (and a progress redraw) to go out.
      actions: [{ when: /sending/, send: "\x03", afterMs: 1500 }],
    });
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(3);
    expectNoCrash(result.output);
    expect(result.output).toContain("stopping: requests in flight finish");
    const summaryLine = screenLines(result.output).find((line) => /^100 rows: /.test(line));
    expect(summaryLine).toMatch(/pending \d+/);
    expect(existsSync(join(dir, "base.report.csv"))).toBe(true);
    const rows = await readReport(join(dir, "base.report.csv"));
    expect(rows).toHaveLength(100);
    expect(rows.some((row) => row.ctdial_status === "pending")).toBe(true);
  });
});
