/**
 * Worker thread entry: reads a CSV file with `openCsv` (unchanged, so every error and row number is
 * the same) and posts its rows in batches, so that parsing runs on the second core while the main
 * thread maps rows and writes the report. The main thread grants credits: at most CREDITS batches are
 * in flight, so memory stays flat however fast the file is read.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openCsv } from "./csv.js";

const BATCH_ROWS = 512;
const CREDITS = 2;

const port = parentPort!;
const { path, options } = workerData as { path: string; options: { encoding?: string; delimiter?: string } };
let credits = CREDITS;
let wake: (() => void) | undefined;
port.on("message", (message: string) => {
  if (message !== "more") return;
  credits += 1;
  wake?.();
});

async function credit(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
}

try {
  const source = await openCsv(path, options);
  port.postMessage({
    type: "open",
    headers: source.headers,
    headerRowNumber: source.headerRowNumber,
    delimiter: source.delimiter,
    encoding: source.encoding,
  });
  // Row numbers and cells side by side: fewer objects to clone than one per row.
  let numbers: number[] = [];
  let cells: (readonly unknown[])[] = [];
  for await (const row of source.rows()) {
    numbers.push(row.rowNumber);
    cells.push(row.cells);
    if (numbers.length === BATCH_ROWS) {
      await credit();
      port.postMessage({ type: "rows", numbers, cells, encoding: source.encoding });
      numbers = [];
      cells = [];
    }
  }
  await credit();
  port.postMessage({ type: "rows", numbers, cells, encoding: source.encoding });
  port.postMessage({ type: "end" });
  await source.close();
} catch (error) {
  const e = error as { message?: string; code?: unknown; exitCode?: unknown };
  port.postMessage({
    type: "error",
    message: String(e.message ?? error),
    code: e.code,
    exitCode: e.exitCode,
  });
}
