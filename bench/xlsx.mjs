// XLSX (issue 2 "Performance"): N rows (default 200,000) written by exceljs's streaming writer with
// shared strings, as Excel saves; every other phone a number cell, call times as date cells. Each
// pass in a child process of its own:
//   read      ctdial's streaming XLSX source alone: rows/s and peak RSS (goal < 500 MB)
//   validate  end to end, report written as .xlsx by exceljs's streaming writer (the slow part)
import { fileURLToPath } from "node:url";
import { round, runTask } from "./lib/child.mjs";
import { ensureXlsx, outPath } from "./lib/fixtures.mjs";

const READ_PASS = fileURLToPath(new URL("./tasks/read-pass.mjs", import.meta.url));

export async function xlsxBench({ xlsxRows, validate = true }) {
  const file = await ensureXlsx(xlsxRows);
  const read = await runTask(READ_PASS, ["xlsx", file.path], { timeoutMs: 600_000 });
  const checked = validate
    ? await runTask(READ_PASS, ["validate", file.path, outPath("xlsx-validate.report.xlsx")], {
        timeoutMs: 600_000,
      })
    : undefined;
  const k = `${Math.round(xlsxRows / 1000)}k`;
  const table = [
    {
      bench: `XLSX ${k} rows: streaming read`,
      figure: `${read.rowsPerSec.toLocaleString("en")} rows/s, peak RSS ${read.maxRssMB} MB`,
      goal: "< 500 MB",
      pass: read.maxRssMB < 500,
    },
  ];
  if (checked !== undefined) {
    table.push({
      bench: `XLSX ${k} rows: validate with .xlsx report`,
      figure: `${checked.rowsPerSec.toLocaleString("en")} rows/s, peak RSS ${checked.maxRssMB} MB`,
      goal: "< 500 MB",
      pass: checked.maxRssMB < 500,
    });
  }
  return {
    results: {
      file: { path: file.path, MB: round(file.bytes / 1e6), generatedMs: file.ms },
      read,
      validate: checked,
    },
    table,
  };
}
