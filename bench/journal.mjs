// Journal cost (issue 4 "Performance"), measured by bench/journal-bench.mjs (the journal's owner
// writes it; it prints one JSON object). This only runs it in a child process and reads its figures:
// opening and replaying an N-row journal (goal < 3 s and < 300 MB), and the bound it derives from
// fsync latency on what durability can cost the sending rate (goal >= 0.98).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { round, runTask } from "./lib/child.mjs";

const SCRIPT = fileURLToPath(new URL("./journal-bench.mjs", import.meta.url));

export async function journalBench({ rows }) {
  if (!existsSync(SCRIPT)) {
    return { results: { skipped: "bench/journal-bench.mjs does not exist" }, table: [] };
  }
  const result = await runTask(SCRIPT, [String(rows)], { timeoutMs: 300_000, wholeStdout: true });
  const k = `${Math.round(rows / 1000)}k`;
  const table = [
    {
      bench: `journal: open + replay ${k} rows`,
      figure: `${result.replayMs} ms, peak RSS ${result.replayMaxRssMB} MB`,
      goal: "< 3000 ms, < 300 MB",
      pass: result.replayMs < 3000 && result.replayMaxRssMB < 300,
    },
  ];
  // The durability figure has been named two ways as journal-bench.mjs evolved: read either.
  const durability = result.durability;
  const share = durability?.p99ShareOf200msSlot;
  const bound = durability?.rateRatioBound ?? (share === undefined ? undefined : round(1 - share, 3));
  if (bound !== undefined) {
    table.push({
      bench: "journal: fsync'ed intent, p99 (rate bound)",
      figure: `${durability.fsync?.intentP99Ms} ms = ${round((1 - bound) * 100)}% of a 200 ms slot (rate ratio >= ${bound})`,
      goal: ">= 0.98",
      pass: bound >= 0.98,
    });
  }
  return { results: result, table };
}
