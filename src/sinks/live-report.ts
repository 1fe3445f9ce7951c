import { errorSentence, isCtdialError } from "../errors.js";
import { said, say } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import type { SourceInfo } from "../sources/types.js";
import { openReport } from "./open-report.js";
import type { OutcomeSink, RunEnd, SettledRow } from "./outcome-sink.js";

export interface LiveReportOptions {
  /** How often the report is rewritten while rows keep settling. @default 5000 */
  readonly everyMs?: number;
  /** A rewrite failed (the file is open in a program that locks it); the next one tries again. */
  readonly onWarning?: (message: string) => void;
  /** The language of `ctdial_error`. @default "en" */
  readonly lang?: Lang;
}

/**
 * A report a person can open while the run goes on (the campaigns folder): every `everyMs` the file
 * is written anew from the rows settled so far, in the file's order, to a temporary file renamed
 * over the report, so whoever opens it sees a whole table, never half of one. A rewrite that fails
 * (the report is open in a program that locks it) never holds the run up: the next one tries again,
 * and the last one, at the end of a run that settled every row, must succeed.
 *
 * The settled rows are kept in memory for it: this is for the folder's files, not a million-row base
 * (the ordered report of sinks/report-sink.ts streams those).
 */
export function liveReport(path: string, source: SourceInfo, options: LiveReportOptions = {}): OutcomeSink {
  const rows: SettledRow[] = [];
  let changed = false;
  let writing: Promise<void> | undefined;
  let warned = false;

  async function rewrite(): Promise<void> {
    changed = false;
    const report = await openReport(path, source, options.lang ?? "en");
    try {
      for (const settled of rows) {
        if (settled === undefined) continue;
        const wait = report.write(settled.row, settled.outcome, settled.phone);
        if (wait !== undefined) await wait;
      }
    } catch (error) {
      await report.abort();
      throw error;
    }
    await report.close();
  }

  const timer = setInterval(() => {
    if (!changed || writing !== undefined) return;
    writing = rewrite()
      .catch((error: unknown) => {
        changed = true;
        if (warned) return;
        warned = true;
        const lang = options.lang ?? "en";
        const problem = isCtdialError(error) ? errorSentence(lang, error) : (error as Error).message;
        options.onWarning?.(say(lang, said("rowsLiveReportRetry", { problem })));
      })
      .finally(() => {
        writing = undefined;
      });
  }, options.everyMs ?? 5000);
  timer.unref();

  return {
    name: `the report ${path}`,
    target: { kind: "report", where: path },
    accept(settled) {
      rows[settled.index] = settled;
      changed = true;
      return undefined;
    },
    async close(end: RunEnd) {
      clearInterval(timer);
      await writing;
      // A run that stopped before every row settled (Ctrl+C on a large file) keeps the last whole
      // snapshot rather than replacing it with a shorter table.
      if (end.complete) await rewrite();
    },
  };
}
