/**
 * Worker thread entry: reads a CSV file with `openCsv` (unchanged, so every error and row number is
 * the same) and posts its rows in batches, so that parsing runs on the second core while the main
 * thread maps rows and writes the report. The main thread grants credits: at most CREDITS batches are
 * in flight, so memory stays flat however fast the file is read.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openCsv } from "./open-csv.js";

const BATCH_ROWS = 512;
/**
 * A batch is posted once its cells hold this many characters, whatever its row count. V8 deserialises
 * a message of over 100 KB straight into the old generation (ValueDeserializer's pretenure threshold),
 * where the rows stay as garbage until a full collection: 512 rows of a 10-column client base are
 * ~200 KB, and took the main thread's heap from 12 to 26 MB over a million rows. Cyrillic text is two
 * bytes a character in a message, so 32k characters stay well under the threshold.
 */
const BATCH_CHARS = 32 * 1024;
const CREDITS = 4;

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
    estimatedRows: source.estimatedRows,
  });
  // Row numbers and cells side by side: fewer objects to clone than one per row.
  let numbers: number[] = [];
  let cells: (readonly unknown[])[] = [];
  let chars = 0;
  for await (const row of source.rows()) {
    numbers.push(row.rowNumber);
    cells.push(row.cells);
    for (const cell of row.cells) chars += typeof cell === "string" ? cell.length : 8;
    if (numbers.length === BATCH_ROWS || chars >= BATCH_CHARS) {
      await credit();
      port.postMessage({ type: "rows", numbers, cells, encoding: source.encoding });
      numbers = [];
      cells = [];
      chars = 0;
    }
  }
  await credit();
  port.postMessage({ type: "rows", numbers, cells, encoding: source.encoding });
  port.postMessage({ type: "end" });
  await source.close();
} catch (error) {
  const e = error as { message?: string; code?: unknown; exitCode?: unknown; said?: unknown };
  port.postMessage({
    type: "error",
    message: String(e.message ?? error),
    code: e.code,
    exitCode: e.exitCode,
    // What an InputError says, as data (plain values survive the structured clone), to be worded
    // on the main thread in the user's language.
    said: e.said,
  });
}
