import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RowOutcome } from "../../src/outcome.js";
import { openCsvReport } from "../../src/sinks/report-csv.js";
import { orderedReportSink } from "../../src/sinks/report-sink.js";
import { row, useTempDir } from "./helpers.js";

const tempDir = useTempDir();
const sent = (id: number): RowOutcome => ({
  status: "sent",
  requestId: id,
  sentAt: "2026-11-30T10:00:00+03:00",
  attempts: 1,
});

async function reportOf(order: number[], complete = true): Promise<string> {
  const dir = await tempDir();
  const path = join(dir, "clients.report.csv");
  await writeFile(path, "previous report\n");
  const sink = orderedReportSink(await openCsvReport(path, ["Телефон"], { delimiter: ";" }));
  for (const index of order) {
    const wait = sink.accept({
      index,
      row: row(index + 2, `+7 999 000-00-${index}`),
      outcome: sent(index),
      phone: `7999000000${index}`,
    });
    if (wait !== undefined) await wait;
  }
  await sink.close({ complete });
  return readFile(path, "utf8");
}

describe("the report as a subscriber of settled rows", () => {
  it("writes rows in the file's order whatever order they settle in", async () => {
    const text = await reportOf([2, 0, 3, 1]);
    const phones = text
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(";")[0]);
    expect(phones).toEqual(["'+7 999 000-00-0", "'+7 999 000-00-1", "'+7 999 000-00-2", "'+7 999 000-00-3"]);
  });

  it("fills ctdial_phone with the number that was dialed", async () => {
    const text = await reportOf([0]);
    const [header, line] = text.replace(/^\uFEFF/, "").split("\r\n");
    const at = header!.split(";").indexOf("ctdial_phone");
    expect(at).toBeGreaterThan(0);
    expect(line!.split(";")[at]).toBe("79990000000");
  });

  it("keeps the previous report when the run ended before every row was settled", async () => {
    expect(await reportOf([0, 1], false)).toBe("previous report\n");
  });

  it("keeps the previous report when a row never arrived (a hole), rather than publishing a gap", async () => {
    expect(await reportOf([0, 2, 3], true)).toBe("previous report\n");
  });

  it("puts any settle order back into file order (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8, maxLength: 8 }),
        async (order) => {
          const text = await reportOf(order);
          const rows = text.split("\r\n").slice(1, -1);
          expect(rows.map((line) => line.split(";")[0])).toEqual(
            [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `'+7 999 000-00-${i}`),
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
