import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCtdialReport, isOwnColumn } from "../../src/report-columns.js";
import { neutralizeFormula } from "../../src/sinks/neutralize.js";
import { unneutralize } from "../../src/sources/ctdial-report.js";
import { openSource } from "../../src/sources/open.js";
import type { SourceRow } from "../../src/sources/types.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctdial-report-source-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("recognising a ctdial report", () => {
  it("is a report when a header is ctdial_status, compared as headers are", () => {
    expect(isCtdialReport(["Телефон", " CTDIAL_Status "])).toBe(true);
    expect(isCtdialReport(["Телефон", "ctdial_error"])).toBe(false);
    expect(isOwnColumn("ctdial_sent_at")).toBe(true);
    expect(isOwnColumn("Статус")).toBe(false);
  });
});

describe("unneutralize", () => {
  it.each(["+7 (999) 111-22-33", "=SUM(A1)", "-1+1", "@x", "\t=1", "Иван", "'quoted'", "-5", ""])(
    "gives back %j after a report neutralised it",
    (text) => {
      expect(unneutralize(neutralizeFormula(text))).toBe(text);
    },
  );

  it("leaves other apostrophes and cells that are not text alone", () => {
    expect(unneutralize("'Ромашка'")).toBe("'Ромашка'");
    expect(unneutralize("'")).toBe("'");
    expect(unneutralize(79991112233)).toBe(79991112233);
    expect(unneutralize(null)).toBe(null);
  });
});

describe("openSource on a ctdial report", () => {
  async function rowsOf(path: string): Promise<SourceRow[]> {
    const source = await openSource(path);
    const rows: SourceRow[] = [];
    for await (const row of source.rows()) rows.push(row);
    await source.close();
    return rows;
  }

  it("removes the apostrophes the report added, so its phones read as written", async () => {
    const path = join(dir, "clients.report.csv");
    await writeFile(
      path,
      "\uFEFFТелефон;Имя;ctdial_status;ctdial_error\r\n'+7 (999) 111-22-33;'=Иван;invalid;'-oops\r\n",
    );
    expect(await rowsOf(path)).toEqual([
      { rowNumber: 2, cells: ["+7 (999) 111-22-33", "=Иван", "invalid", "-oops"] },
    ]);
  });

  it("keeps the apostrophes of a file that is not a report", async () => {
    const path = join(dir, "clients.csv");
    await writeFile(path, "Телефон;Имя\r\n'+7 (999) 111-22-33;Иван\r\n");
    expect((await rowsOf(path))[0]?.cells).toEqual(["'+7 (999) 111-22-33", "Иван"]);
  });
});
