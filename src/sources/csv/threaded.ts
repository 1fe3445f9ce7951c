import { Worker } from "node:worker_threads";
import { InputError } from "../../errors.js";
import { isKey, type Said } from "../../i18n/catalog.js";
import type { Cell, Source, SourceRow } from "../types.js";
import type { CsvOptions } from "./open-csv.js";

type WorkerMessage =
  | {
      type: "open";
      headers: string[];
      headerRowNumber: number;
      delimiter: string;
      encoding: string;
      estimatedRows: number | undefined;
    }
  | { type: "rows"; numbers: number[]; cells: Cell[][]; encoding: string }
  | { type: "end" }
  | { type: "error"; message: string; code?: unknown; exitCode?: unknown; said?: Said | undefined };

/**
 * `openCsv` run in a worker thread (worker.ts): the same Source, read on the second core. Errors
 * come back as the same InputError (what it says, as data), at the same point of iteration.
 * `workerUrl`: the built worker script; the default is the one beside this module once compiled
 * (tests that run the TypeScript sources point it at dist/).
 */
export async function openCsvThreaded(
  path: string,
  options: CsvOptions = {},
  workerUrl: URL = new URL("./worker.js", import.meta.url),
): Promise<Source> {
  const worker = new Worker(workerUrl, {
    workerData: { path, options: { encoding: options.encoding, delimiter: options.delimiter } },
    // The parser streams: a small young generation makes the worker collect early, so that two heaps
    // together stay within what one would take. The old-generation cap is far above what the parser
    // holds (one record of at most a million characters, a few batches).
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 },
  });
  const inbox = messages(worker);
  const first = await inbox.next();
  if (first.type !== "open") {
    await worker.terminate();
    throw rebuild(first);
  }
  let encoding = first.encoding;
  let started = false;
  async function* rows(): AsyncGenerator<SourceRow> {
    // i18n-exempt: only a bug in ctdial iterates a source twice
    if (started) throw new Error("rows() can be iterated once");
    started = true;
    for (;;) {
      const message = await inbox.next();
      if (message.type === "end") return;
      if (message.type !== "rows") throw rebuild(message);
      worker.postMessage("more");
      encoding = message.encoding;
      const { numbers, cells } = message;
      for (let i = 0; i < numbers.length; i++) yield { rowNumber: numbers[i]!, cells: cells[i]! };
    }
  }
  return {
    kind: "csv",
    headers: first.headers,
    headerRowNumber: first.headerRowNumber,
    delimiter: first.delimiter,
    estimatedRows: first.estimatedRows,
    get encoding() {
      return encoding;
    },
    rows,
    close: async () => {
      await worker.terminate();
    },
  };
}

function rebuild(message: WorkerMessage): Error {
  if (message.type === "error" && message.exitCode === 2 && message.said !== undefined) {
    if (isKey(message.said.code)) return new InputError(message.said);
  }
  return new Error(
    // i18n-exempt: only a bug in ctdial (or a crash of the worker, with its own words) ends here
    message.type === "error" ? message.message : `unexpected message from the CSV reader: ${message.type}`,
  );
}

/** The worker's messages as a queue; the worker's own crash becomes an error message. */
function messages(worker: Worker): { next(): Promise<WorkerMessage> } {
  const queue: WorkerMessage[] = [];
  let waiting: ((message: WorkerMessage) => void) | undefined;
  const push = (message: WorkerMessage): void => {
    if (waiting !== undefined) {
      const resolve = waiting;
      waiting = undefined;
      resolve(message);
    } else queue.push(message);
  };
  worker.on("message", push);
  worker.on("error", (error) => push({ type: "error", message: error.message }));
  return {
    next: () => {
      const message = queue.shift();
      return message !== undefined ? Promise.resolve(message) : new Promise((resolve) => (waiting = resolve));
    },
  };
}
