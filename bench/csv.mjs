// CSV validate throughput and memory (issue 2 "Performance"). Every pass runs in a child process of
// its own (bench/tasks/read-pass.mjs), one after another, over the same cached files. The machine's
// speed drifts by 20-40% between passes a minute apart (shared cores), so each comparison is made in
// ROUNDS rounds, bare and validate back to back in each; a figure is the median over the rounds and
// results.json keeps every round:
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

export async function csvBench({ rows, rounds = 3 }) {
  const small = Math.max(1000, Math.round(rows / 5));
  const big = await ensureCsv(rows);
  const smallFile = await ensureCsv(small);
  const cp1251 = await ensureCsv(small, "windows-1251");
  const pass = (mode, file, encoding) =>
    runTask(READ_PASS, [mode, file, outPath(`csv-${mode}.report.csv`), ...(encoding ? [encoding] : [])], {
      timeoutMs: 600_000,
    });

  const bigRounds = [];
  const smallRounds = [];
  const winRounds = [];
  for (let i = 0; i < rounds; i++) {
    bigRounds.push(paired(await pass("bare", big.path), await pass("validate", big.path)));
    smallRounds.push(paired(await pass("bare", smallFile.path), await pass("validate", smallFile.path)));
    winRounds.push(
      paired(await pass("bare", cp1251.path, "windows-1251"), await pass("validate", cp1251.path)),
    );
  }
  const smallOpen = await pass("open", smallFile.path);
  const smallPlan = await pass("plan", smallFile.path);
  // The round with the median ratio stands for the run; peak RSS is the median of its own.
  const bigMedian = medianRound(bigRounds);
  const smallMedian = medianRound(smallRounds);
  const winMedian = medianRound(winRounds);
  const bigBare = bigMedian.bare;
  const bigValidate = { ...bigMedian.validate, maxRssMB: median(bigRounds.map((r) => r.validate.maxRssMB)) };
  const smallBare = smallMedian.bare;
  const smallValidate = {
    ...smallMedian.validate,
    maxRssMB: median(smallRounds.map((r) => r.validate.maxRssMB)),
  };
  const winBare = winMedian.bare;
  const winValidate = winMedian.validate;

  const ratio = bigMedian.ratio;
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
    rounds,
    big: { bare: bigBare, validate: bigValidate, ratio, rounds: bigRounds },
    small: {
      bare: smallBare,
      open: smallOpen,
      plan: smallPlan,
      validate: smallValidate,
      ratio: smallMedian.ratio,
      rounds: smallRounds,
      split,
    },
    cp1251: { bare: winBare, validate: winValidate, ratio: winMedian.ratio, rounds: winRounds },
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
        figure: `${bigValidate.rowsPerSec.toLocaleString("en")} rows/s = ${ratio} of bare (${spread(bigRounds)})`,
        goal: ">= 0.5 of bare",
        pass: ratio >= 0.5,
      },
      {
        bench: `CSV ${k(rows)} rows: validate peak RSS`,
        figure: `${bigValidate.maxRssMB} MB (${k(small)}: ${smallValidate.maxRssMB} MB; ${rssSpread(bigRounds)})`,
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
        figure: `${winValidate.rowsPerSec.toLocaleString("en")} rows/s = ${results.cp1251.ratio} of bare (${spread(winRounds)})`,
        goal: ">= 0.5 of bare",
        pass: results.cp1251.ratio >= 0.5,
      },
    ],
  };
}

/** One round: bare and validate over the same file, back to back. */
function paired(bare, validate) {
  return { bare, validate, ratio: round(validate.rowsPerSec / bare.rowsPerSec, 2) };
}

function medianRound(list) {
  const sorted = [...list].sort((a, b) => a.ratio - b.ratio);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** "3 rounds: 0.52-0.61" */
function spread(list) {
  if (list.length < 2) return "1 round";
  const ratios = list.map((r) => r.ratio);
  return `${list.length} rounds: ${Math.min(...ratios)}-${Math.max(...ratios)}`;
}

function rssSpread(list) {
  const peaks = list.map((r) => r.validate.maxRssMB);
  return `rounds: ${Math.min(...peaks)}-${Math.max(...peaks)} MB`;
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
