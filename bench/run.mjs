// ctdial's benchmarks: `npm run bench` (builds first) or `node bench/run.mjs [options]` after a build.
//   --only csv,xlsx,rate,first,journal,sheets,watch,ui   which benches to run (default: all, in this order)
//   --rows N        CSV rows (default 1,000,000); XLSX gets N/5, the journal N; --rows below the
//                   default also scales the rate runs down (at least 50 rows)
//   --rate-rows N   rows per rate run (default 300)
//   --xlsx-rows N   XLSX rows (default N/5)
//   --rounds N      rounds of each CSV comparison, bare and validate back to back (default 3)
//   --sheets-rows N rows of the Google Sheets write-back run (default 1,000; it takes N/5 seconds)
//   --files N       one-row files through one watcher in the watch bench (default 500)
// Writes bench/out/results.json and prints a Markdown table (bench | figure | goal | met). Exits 1
// only when a bench could not run; a goal not met is a figure, reported as such.
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { csvBench } from "./csv.mjs";
import { firstRequestBench } from "./first-request.mjs";
import { journalBench } from "./journal.mjs";
import { outPath } from "./lib/fixtures.mjs";
import { rateBench } from "./rate.mjs";
import { sheetsBench } from "./sheets.mjs";
import { uiBench } from "./ui.mjs";
import { watchBench } from "./watch.mjs";
import { xlsxBench } from "./xlsx.mjs";

const BENCHES = {
  csv: csvBench,
  xlsx: xlsxBench,
  rate: rateBench,
  first: firstRequestBench,
  journal: journalBench,
  sheets: sheetsBench,
  watch: watchBench,
  ui: uiBench,
};
const DEFAULT_ROWS = 1_000_000;

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    rows: { type: "string" },
    "rate-rows": { type: "string" },
    "xlsx-rows": { type: "string" },
    rounds: { type: "string" },
    "sheets-rows": { type: "string" },
    files: { type: "string" },
  },
});
const only = values.only?.split(",").map((name) => name.trim()) ?? Object.keys(BENCHES);
const unknown = only.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(", ")}; choose from ${Object.keys(BENCHES).join(", ")}`);
  process.exit(2);
}
const rows = count(values.rows, DEFAULT_ROWS, "--rows");
const options = {
  rows,
  rounds: count(values.rounds, 3, "--rounds"),
  sheetsRows: count(values["sheets-rows"], 1000, "--sheets-rows"),
  watchFiles: count(values.files, 500, "--files"),
  xlsxRows: count(values["xlsx-rows"], Math.max(1000, Math.round(rows / 5)), "--xlsx-rows"),
  rateRows: count(
    values["rate-rows"],
    rows >= DEFAULT_ROWS ? 300 : Math.max(50, Math.round((300 * rows) / DEFAULT_ROWS)),
    "--rate-rows",
  ),
};

const started = performance.now();
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadBefore: loadavg() };
console.log(
  `ctdial benchmarks: ${only.join(", ")}; ${JSON.stringify(options)}; ${machine.cpus} cores, load ${machine.loadBefore.map((l) => l.toFixed(1)).join(" ")}`,
);
const results = {};
const table = [];
let failed = false;
for (const name of only) {
  const benchStarted = performance.now();
  process.stdout.write(`- ${name} ... `);
  try {
    const outcome = await BENCHES[name](options);
    results[name] = { ...outcome.results, wallMs: Math.round(performance.now() - benchStarted) };
    table.push(...outcome.table);
    console.log(`${((performance.now() - benchStarted) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed = true;
    results[name] = { error: error instanceof Error ? error.message : String(error) };
    table.push({ bench: name, figure: "could not run (see results.json)", goal: "", pass: false });
    console.log(`FAILED: ${results[name].error}`);
  }
}

const report = {
  date: new Date().toISOString(),
  machine: { ...machine, loadAfter: loadavg() },
  options,
  totalMs: Math.round(performance.now() - started),
  table,
  results,
};
writeFileSync(outPath("results.json"), `${JSON.stringify(report, null, 2)}\n`);
console.log("");
console.log("| bench | figure | goal | met |");
console.log("| --- | --- | --- | --- |");
for (const row of table) {
  const met = row.pass === undefined ? "" : row.pass ? "yes" : "**no**";
  console.log(`| ${row.bench} | ${row.figure} | ${row.goal} | ${met} |`);
}
console.log("");
console.log(`${(report.totalMs / 1000).toFixed(0)} s in all; details in bench/out/results.json`);
process.exitCode = failed ? 1 : 0;

function count(text, fallback, flag) {
  if (text === undefined) return fallback;
  const n = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${flag} expects a whole number above 0, got "${text}"`);
    process.exit(2);
  }
  return n;
}
