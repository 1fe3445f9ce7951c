import { problemText, type RunSummary } from "../engine/summary.js";
import { currentLang } from "./lang.js";
import { reportLine, reportNoteText, stoppedLine, stopText } from "./messages.js";
import { noun, plural } from "./plural.js";

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

const STATUS_ORDER = ["would-send", "sent", "skipped", "invalid", "failed", "unknown", "pending"] as const;

/** The short table a person reads after a run: counts, then the first problems with row numbers. */
export function formatSummary(summary: RunSummary, moved?: ReadonlyMap<number, number>): string[] {
  const lines: string[] = [];
  const counts = STATUS_ORDER.filter((status) => summary[status] > 0).map(
    (status) => `${status} ${summary[status]}`,
  );
  lines.push(`${plural(summary.total, "row")}: ${counts.length > 0 ? counts.join(", ") : "nothing to do"}`);
  if (summary.problems.length > 0) {
    lines.push("");
    lines.push(
      `${plural(summary.problemCount, "row")} ${noun(summary.problemCount, "needs", "need")} attention:`,
    );
    // A sheet's row that moved mid-run (rows inserted above it) is named where its result was written.
    const rowNow = (row: number): number => moved?.get(row) ?? row;
    const width = Math.max(...summary.problems.map((problem) => String(rowNow(problem.rowNumber)).length));
    for (const problem of summary.problems) {
      const now = rowNow(problem.rowNumber);
      const was = now === problem.rowNumber ? "" : ` (was row ${problem.rowNumber} when read)`;
      lines.push(
        `  row ${String(now).padStart(width)}  ${problem.status.padEnd(7)}  ${problemText(currentLang(), problem.outcome)}${was}`,
      );
    }
    const rest = summary.problemCount - summary.problems.length;
    if (rest > 0) lines.push(`  ... and ${rest} more (see the report)`);
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
  const lines: string[] = [];
  const recent = summary.skippedBecause["dialed-recently"] ?? 0;
  if (recent > 0) {
    lines.push(
      `${rowsWord(recent)} skipped because a campaign on this machine had the phone accepted within its dedupeWindow (24h unless the campaign file says otherwise); set dedupeWindow: 0 in the campaign file to call them again.`,
    );
  }
  const past = summary.skippedBecause["past-schedule"] ?? 0;
  if (past > 0) {
    lines.push(
      `${rowsWord(past)} skipped because their call time has passed; set pastScheduleTime: call-now in the campaign file to call them at once.`,
    );
  }
  const before = summary.skippedBecause["sent-before"] ?? 0;
  if (before > 0) {
    lines.push(
      `${rowsWord(before)} skipped because the ctdial report they were read from says they were sent; clear their ctdial_status cell to send them again.`,
    );
  }
  return lines.length === 0 ? [] : ["", ...lines];
}

function rowsWord(n: number): string {
  return plural(n, "row");
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
    problems: problems.map((problem) => ({
      rowNumber: problem.rowNumber,
      status: problem.status,
      message: problemText(currentLang(), problem.outcome),
    })),
    ...(stopped === undefined ? {} : { stopped: { code: stopped.code, ...stopText(stopped) } }),
  };
}
