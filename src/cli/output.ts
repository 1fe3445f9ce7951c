import type { RunSummary } from "../engine/summary.js";
import { t } from "./lang.js";
import { reportLine, reportNoteText, stoppedLine, stopText } from "./messages.js";

/**
 * Everything ctdial prints for people. Only cli/ writes to the terminal; the engine returns data.
 * Human text goes to stderr when --json is given, so that stdout's last line stays one JSON object.
 */
export interface Output {
  readonly isTTY: boolean;
  /** Human-readable lines. */
  info(line: string): void;
  /** The machine-readable summary (stdout, last line). */
  json(value: unknown): void;
  error(line: string): void;
}

export function processOutput(json: boolean): Output {
  const human = json ? process.stderr : process.stdout;
  return {
    isTTY: Boolean(human.isTTY),
    info: (line) => human.write(`${line}\n`),
    json: (value) => process.stdout.write(`${JSON.stringify(value)}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  };
}

/** The short table a person reads after a run: counts, then the first problems with row numbers. */
export function formatSummary(summary: RunSummary, moved?: ReadonlyMap<number, number>): string[] {
  const words = t();
  const lines: string[] = [];
  lines.push(
    words.cliSummaryCounts({
      total: summary.total,
      wouldSend: summary["would-send"],
      sent: summary.sent,
      skipped: summary.skipped,
      invalid: summary.invalid,
      failed: summary.failed,
      unknown: summary.unknown,
      pending: summary.pending,
    }),
  );
  if (summary.problems.length > 0) {
    lines.push("");
    lines.push(words.cliSummaryAttention({ count: summary.problemCount }));
    // A sheet's row that moved mid-run (rows inserted above it) is named where its result was written.
    const rowNow = (row: number): number => moved?.get(row) ?? row;
    const width = Math.max(...summary.problems.map((problem) => String(rowNow(problem.rowNumber)).length));
    for (const problem of summary.problems) {
      const now = rowNow(problem.rowNumber);
      lines.push(
        words.cliSummaryProblem({
          row: now,
          width,
          status: problem.status,
          message: problem.message,
          ...(now === problem.rowNumber ? {} : { was: problem.rowNumber }),
        }),
      );
    }
    const rest = summary.problemCount - summary.problems.length;
    if (rest > 0) lines.push(words.cliSummaryMore({ count: rest }));
  }
  lines.push(...skipLines(summary));
  lines.push("");
  lines.push(reportLine(summary));
  if (summary.stopped !== undefined) {
    lines.push("");
    lines.push(stoppedLine(summary.stopped));
    lines.push(stopText(summary.stopped).advice);
  }
  return lines;
}

/** Why rows were held back by a rule, and what to change when that was not what the user wanted. */
function skipLines(summary: RunSummary): string[] {
  const words = t();
  const lines: string[] = [];
  const recent = summary.skippedBecause["dialed-recently"] ?? 0;
  if (recent > 0) lines.push(words.cliSkippedRecent({ count: recent }));
  const past = summary.skippedBecause["past-schedule"] ?? 0;
  if (past > 0) lines.push(words.cliSkippedPast({ count: past }));
  const before = summary.skippedBecause["sent-before"] ?? 0;
  if (before > 0) lines.push(words.cliSkippedSentBefore({ count: before }));
  return lines.length === 0 ? [] : ["", ...lines];
}

/** The --json summary object (docs/contract.md "Exit codes and summary"). */
export function summaryJson(summary: RunSummary): Record<string, unknown> {
  const { problems, problemCount, stopped, dryRun, reportNotWritten, ...counts } = summary;
  return {
    ...counts,
    ...(reportNotWritten === undefined
      ? {}
      : { reportNote: reportNoteText(summary.report, reportNotWritten) }),
    dryRun,
    problemCount,
    problems,
    ...(stopped === undefined ? {} : { stopped: { code: stopped.code, ...stopText(stopped) } }),
  };
}
