import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { openCsv } from "../../../src/sources/csv/open-csv.js";
import { openCsvThreaded } from "../../../src/sources/csv/threaded.js";
import type { Source } from "../../../src/sources/types.js";
import { tempDir } from "../../tidy.js";

// The worker runs compiled JavaScript; `npm test` builds dist/ before the tests run.
const WORKER = join(process.cwd(), "dist/sources/csv/worker.js");
const workerUrl = pathToFileURL(WORKER);

async function readAll(source: Source) {
  const rows = [];
  try {
    for await (const row of source.rows()) rows.push(row);
  } finally {
    await source.close();
  }
  return {
    headers: source.headers,
    headerRowNumber: source.headerRowNumber,
    delimiter: source.delimiter,
    encoding: source.encoding,
    rows,
  };
}

async function failureOf(open: () => Promise<Source>) {
  try {
    await readAll(await open());
  } catch (error) {
    return {
      name: (error as Error).name,
      message: (error as Error).message,
      code: (error as { code?: string }).code,
    };
  }
  throw new Error("expected the file to be refused");
}

describe("the CSV reader in a worker thread", () => {
  it("has the built worker to run (npm run build)", () => {
    expect(existsSync(WORKER), `${WORKER} is missing: run npm run build first`).toBe(true);
  });

  for (const fixture of [
    "excel-ru-cp1251-semicolon.csv",
    "koi8r-comma.csv",
    "multiline-quoted.csv",
    "mixed-newlines.csv",
    "ragged-rows.csv",
    "empty-rows.csv",
    "pipe-delimited.csv",
  ]) {
    it(`reads ${fixture} exactly as the main-thread reader does`, async () => {
      const path = join("fixtures/csv", fixture);
      const inline = await readAll(await openCsv(path));
      const threaded = await readAll(await openCsvThreaded(path, {}, workerUrl));
      expect(threaded).toEqual(inline);
      expect(threaded.rows.length).toBeGreaterThan(0);
    });
  }

  for (const fixture of ["unclosed-quote.csv", "binary.csv", "duplicate-headers.csv", "empty.csv"]) {
    it(`refuses ${fixture} with the same error, message and code as the main-thread reader`, async () => {
      const path = join("fixtures/csv", fixture);
      const inline = await failureOf(() => openCsv(path));
      const threaded = await failureOf(() => openCsvThreaded(path, {}, workerUrl));
      expect(threaded).toEqual(inline);
    });
  }

  it("passes many rows through in batches, in order, with their line numbers", async () => {
    const dir = tempDir("ctdial-threaded-");
    const path = join(dir, "many.csv");
    const lines = ["Телефон;Имя"];
    for (let i = 0; i < 20_000; i++) lines.push(`+7 916 ${String(10_000_000 + i).slice(1)};Имя ${i}`);
    writeFileSync(path, `${lines.join("\n")}\n`);
    const threaded = await readAll(await openCsvThreaded(path, {}, workerUrl));
    expect(threaded.rows).toHaveLength(20_000);
    expect(threaded.rows[0]).toEqual({ rowNumber: 2, cells: ["+7 916 0000000", "Имя 0"] });
    expect(threaded.rows.at(-1)).toEqual({ rowNumber: 20_001, cells: ["+7 916 0019999", "Имя 19999"] });
  });

  it("stops the worker when the caller closes early", async () => {
    const source = await openCsvThreaded(
      join("fixtures/csv", "excel-ru-cp1251-semicolon.csv"),
      {},
      workerUrl,
    );
    for await (const _row of source.rows()) break;
    const ports = () => process.getActiveResourcesInfo().filter((name) => name === "MessagePort").length;
    const open = ports();
    expect(open).toBeGreaterThan(0);
    await source.close();
    // The worker's port is gone: nothing of the reader keeps the process alive.
    expect(ports()).toBe(open - 1);
    await source.close();
  });
});
