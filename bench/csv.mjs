// CSV validate throughput and memory (issue 2 "Performance"). Every pass runs in a child process of
// its own (bench/tasks/read-pass.mjs), one after another, over the same cached files:
//   at N rows (default 1,000,000): a bare csv-parse pass, then `validate` (engine from dist/, report
//   written) -> rows/s of each, their ratio (goal >= 0.5) and validate's peak RSS (goal < 200 MB)
//   at N/5 rows: the same, plus ctdial's CSV source alone and source + mapping without a report, to
//   split validate's time between reading, mapping and writing the report; validate's peak RSS there
//   gives the growth from N/5 to N rows, which may be no more than the duplicate index needs
//   at N/5 rows in Windows-1251 with CRLF (Excel's Russian CSV): bare (csv-parse after iconv) and validate
import { fileURLToPath } from "node:url";
import { round, runTask } from "./lib/child.mjs";
import { ensureCsv, outPath } from "./lib/fixtures.mjs";

const READ_PASS = fileURLToPath(new URL("./tasks/read-pass.mjs", import.meta.url));
/** PhoneIndex (src/mapping/dedupe.ts): 12 bytes a slot, a power of two of slots, load at most 0.7. */
const INDEX_BYTES_PER_SLOT = 12;
const INDEX_MAX_LOAD = 0.7;

export async function csvBench({ rows }) {
  const small = Math.max(1000, Math.round(rows / 5));
  const big = await ensureCsv(rows);
  const smallFile = await ensureCsv(small);
  const cp1251 = await ensureCsv(small, "windows-1251");
  const pass = (mode, file, encoding) =>
    runTask(READ_PASS, [mode, file, outPath(`csv-${mode}.report.csv`), ...(encoding ? [encoding] : [])], {
      timeoutMs: 600_000,
    });

  const bigBare = await pass("bare", big.path);
  const bigValidate = await pass("validate", big.path);
  const smallBare = await pass("bare", smallFile.path);
  const smallOpen = await pass("open", smallFile.path);
  const smallPlan = await pass("plan", smallFile.path);
  const smallValidate = await pass("validate", smallFile.path);
  const winBare = await pass("bare", cp1251.path, "windows-1251");
  const winValidate = await pass("validate", cp1251.path);

  const ratio = round(bigValidate.rowsPerSec / bigBare.rowsPerSec, 2);
  const growthMB = round(bigValidate.maxRssMB - smallValidate.maxRssMB);
  const indexMB = round(indexBytes(distinctPhones(bigValidate)) / 1e6);
  const indexGrowthMB = round(indexMB - indexBytes(distinctPhones(smallValidate)) / 1e6);
  const split = {
    readingMs: smallOpen.ms,
    mappingMs: smallPlan.ms - smallOpen.ms,
    reportMs: smallValidate.ms - smallPlan.ms,
  };
  const results = {
    files: { big: fileInfo(big), small: fileInfo(smallFile), cp1251: fileInfo(cp1251) },
    big: { bare: bigBare, validate: bigValidate, ratio },
    small: {
      bare: smallBare,
      open: smallOpen,
      plan: smallPlan,
      validate: smallValidate,
      ratio: round(smallValidate.rowsPerSec / smallBare.rowsPerSec, 2),
      split,
    },
    cp1251: {
      bare: winBare,
      validate: winValidate,
      ratio: round(winValidate.rowsPerSec / winBare.rowsPerSec, 2),
    },
    memory: { growthMB, indexMB, indexGrowthMB },
  };
  const k = (n) => `${Math.round(n / 1000)}k`;
  const total = split.readingMs + split.mappingMs + split.reportMs;
  const share = (ms) => `${Math.round((ms / total) * 100)}%`;
  return {
    results,
    table: [
      {
        bench: `CSV ${k(rows)} rows: bare csv-parse`,
        figure: `${bigBare.rowsPerSec.toLocaleString("en")} rows/s`,
        goal: "(baseline)",
      },
      {
        bench: `CSV ${k(rows)} rows: validate`,
        figure: `${bigValidate.rowsPerSec.toLocaleString("en")} rows/s = ${ratio} of bare`,
        goal: ">= 0.5 of bare",
        pass: ratio >= 0.5,
      },
      {
        bench: `CSV ${k(rows)} rows: validate peak RSS`,
        figure: `${bigValidate.maxRssMB} MB (${k(small)}: ${smallValidate.maxRssMB} MB)`,
        goal: "< 200 MB",
        pass: bigValidate.maxRssMB < 200,
      },
      {
        bench: `CSV RSS growth ${k(small)} -> ${k(rows)}`,
        figure: `${growthMB} MB (duplicate index: ${indexMB} MB at ${k(rows)}, +${indexGrowthMB} MB)`,
        goal: `<= ${indexMB} MB`,
        pass: growthMB <= indexMB,
      },
      {
        bench: `CSV ${k(small)} rows: where validate's time goes`,
        figure: `reading ${share(split.readingMs)}, mapping ${share(split.mappingMs)}, report ${share(split.reportMs)}`,
        goal: "(reported)",
      },
      {
        bench: `CSV ${k(small)} rows, Windows-1251: validate`,
        figure: `${winValidate.rowsPerSec.toLocaleString("en")} rows/s = ${results.cp1251.ratio} of bare`,
        goal: ">= 0.5 of bare",
        pass: results.cp1251.ratio >= 0.5,
      },
    ],
  };
}

/** Phones in the duplicate index: one per valid row that was not a duplicate. */
function distinctPhones(pass) {
  return pass.counts["would-send"] ?? 0;
}

function indexBytes(phones) {
  let slots = 16;
  while (slots * INDEX_MAX_LOAD < phones) slots *= 2;
  return slots * INDEX_BYTES_PER_SLOT;
}

function fileInfo(file) {
  return { path: file.path, MB: round(file.bytes / 1e6), generatedMs: file.ms };
}
