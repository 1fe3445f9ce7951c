import type { RunSummary } from "../engine/summary.js";
import { t } from "./lang.js";

/**
 * How the ctdial process ends: with the command's exit code, after everything written to stdout and
 * stderr has left, even when a handle was left open (a server, a timer) and even when the reader of
 * stdout has gone away (`ctdial run x.csv | head`).
 */
const silenced = new WeakSet<NodeJS.WriteStream>();

/**
 * A write error on stdout or stderr (EPIPE: the reader closed the pipe) stops writing to that stream,
 * as Unix tools do, but not the run: it finishes, journals and writes its report, and exits with its
 * own code rather than the one it had when the pipe closed.
 */
export function guardOutputStreams(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      silence(stream);
      if (error.code !== "EPIPE" && stream !== process.stderr && !silenced.has(process.stderr)) {
        const words = t();
        process.stderr.write(
          `${words.cliWarning({ text: words.cliStdoutFailed({ message: error.message }) })}\n`,
        );
      }
    });
  }
}

function silence(stream: NodeJS.WriteStream): void {
  if (silenced.has(stream)) return;
  silenced.add(stream);
  // Later writes are dropped; their callbacks still run, so that whoever waits for them goes on.
  stream.write = ((...args: unknown[]) => {
    const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
    if (callback !== undefined) process.nextTick(callback);
    return true;
  }) as typeof stream.write;
}

/** Waits until what was written to the stream has been handed to the system (or the stream is gone). */
export function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (silenced.has(stream) || stream.destroyed || !stream.writable) return Promise.resolve();
  return new Promise((resolve) => {
    stream.write("", () => resolve());
  });
}

/** Exits with process.exitCode once stdout and stderr are flushed: output is never cut off. */
export async function flushAndExit(): Promise<never> {
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(process.exitCode ?? 0);
}

/** docs/contract.md exit codes: 0 all sent/skipped (dry run: all valid), 1 some rows need attention, 3 stopped. */
export function exitCodeOf(summary: RunSummary): 0 | 1 | 3 {
  if (summary.stopped !== undefined) return 3;
  if (summary.invalid + summary.failed + summary.unknown > 0) return 1;
  return 0;
}
