// One pass over a file, in a process of its own (peak RSS is this pass's alone). Modes:
//   bare     csv-parse alone over the same bytes: the ceiling any CSV reader in Node can reach
//   open     ctdial's CSV source (encoding detection, decoding, csv-parse, line numbers)
//   plan     the source plus mapping and the duplicate index, no report
//   validate everything `ctdial validate` does, report included
//   xlsx     ctdial's streaming XLSX source
// Usage: node bench/tasks/read-pass.mjs <mode> <file> [report-path] [encoding]

import { once } from "node:events";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { emit } from "../lib/child.mjs";

const [mode, file, reportPath, encoding] = process.argv.slice(2);
const dist = (path) => import(new URL(`../../dist/${path}`, import.meta.url).href);

const passes = {
  async bare() {
    const { parse } = await import("csv-parse");
    const started = performance.now();
    const parser = parse({ delimiter: ";", relax_column_count: true });
    let input = createReadStream(file);
    if (encoding !== undefined && encoding !== "utf-8") {
      const { default: iconv } = await import("iconv-lite");
      input = input.pipe(iconv.decodeStream(encoding));
    }
    input.pipe(parser);
    let records = 0;
    parser.on("data", () => {
      records++;
    });
    await once(parser, "end");
    // The header is a record too; every other pass counts data rows.
    return { rows: records - 1, ms: performance.now() - started };
  },

  async open() {
    const { openCsv } = await dist("sources/csv/open-csv.js");
    const started = performance.now();
    const source = await openCsv(file);
    let rows = 0;
    for await (const _row of source.rows()) rows++;
    await source.close();
    return { rows, ms: performance.now() - started, encoding: source.encoding };
  },

  async xlsx() {
    const { openXlsx } = await dist("sources/xlsx/open-xlsx.js");
    const started = performance.now();
    const source = await openXlsx(file);
    let rows = 0;
    let numbers = 0;
    let dates = 0;
    for await (const row of source.rows()) {
      rows++;
      if (typeof row.cells[0] === "number") numbers++;
      if (typeof row.cells[6] === "object" && row.cells[6] !== null) dates++;
    }
    await source.close();
    return { rows, ms: performance.now() - started, phoneNumberCells: numbers, dateCells: dates };
  },

  async plan() {
    const { resolveCampaign } = await dist("engine/resolve.js");
    const { openPlannedRows } = await dist("engine/plan.js");
    const started = performance.now();
    const resolved = await resolveCampaign(file, { routeKey: "bench" }, {});
    // As the CLI reads: CSV parsed in the worker thread.
    const planned = await openPlannedRows(resolved, { csvThread: true });
    const counts = {};
    let rows = 0;
    for (let next = await planned.next(); next !== undefined; next = await planned.next()) {
      rows++;
      const status = next.planned.outcome?.status ?? "would-send";
      counts[status] = (counts[status] ?? 0) + 1;
    }
    await planned.close();
    return { rows, ms: performance.now() - started, counts };
  },

  async validate() {
    const { resolveCampaign } = await dist("engine/resolve.js");
    const { validateCampaign } = await dist("engine/validate.js");
    // A fresh state directory: validate reads the campaign's journal, and no earlier run may count.
    const stateDir = mkdtempSync(join(fileURLToPath(new URL("../out/", import.meta.url)), "state-validate-"));
    const started = performance.now();
    const resolved = await resolveCampaign(file, { routeKey: "bench", report: reportPath }, {});
    // As the CLI validates: CSV parsed in the worker thread (the library's default is the main thread).
    const summary = await validateCampaign(resolved, { stateDir, csvThread: true }).finally(() =>
      rmSync(stateDir, { recursive: true, force: true }),
    );
    const { total, invalid, skipped } = summary;
    return {
      rows: total,
      ms: performance.now() - started,
      counts: { "would-send": summary["would-send"], invalid, skipped },
    };
  },
};

const pass = passes[mode];
if (pass === undefined || file === undefined) {
  console.error("usage: read-pass.mjs bare|open|plan|validate|xlsx <file> [report] [encoding]");
  process.exit(2);
}
const result = await pass();
emit({
  mode,
  ...result,
  ms: Math.round(result.ms),
  rowsPerSec: Math.round(result.rows / (result.ms / 1000)),
});
