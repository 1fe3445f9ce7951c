import type { OutcomeSink, RunEnd, SettledRow } from "./outcome-sink.js";
import type { ReportWriter } from "./types.js";

/**
 * The report file as a subscriber of settled rows. Rows settle out of order (a row waiting out a
 * retry settles after the rows behind it), the report lists them in the file's order: a row is
 * written once every row before it has been, and rows that settled early wait in a small buffer. The
 * buffer stays small because the dispatcher holds few rows at once; nothing else waits in it.
 *
 * A run that ends before every row was settled (Ctrl+C on a large file) leaves the previous report in
 * place rather than publishing half a table: `close` then discards the new file.
 */
export function orderedReportSink(report: ReportWriter): OutcomeSink & { readonly path: string } {
  const early = new Map<number, SettledRow>();
  let next = 0;

  function writeOne(settled: SettledRow): Promise<void> | undefined {
    next += 1;
    return report.write(settled.row, settled.outcome, settled.phone);
  }

  /** Writes `first` and every buffered row that follows it; waits only when the file is behind. */
  function writeFrom(first: SettledRow): Promise<void> | undefined {
    let wait = writeOne(first);
    while (wait === undefined) {
      const following = early.get(next);
      if (following === undefined) return undefined;
      early.delete(next);
      wait = writeOne(following);
    }
    return wait.then(() => {
      const following = early.get(next);
      if (following === undefined) return;
      early.delete(next);
      return writeFrom(following);
    });
  }

  return {
    name: `the report ${report.path}`,
    target: { kind: "report", where: report.path },
    path: report.path,
    accept(settled) {
      if (settled.index !== next) {
        early.set(settled.index, settled);
        return undefined;
      }
      return writeFrom(settled);
    },
    async close(end: RunEnd) {
      if (!end.complete || early.size > 0) {
        await report.abort();
        return;
      }
      await report.close();
    },
  };
}
