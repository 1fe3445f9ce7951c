import { formatProblems } from "../mapping/types.js";
import type { RowOutcome, RowStatus, SkipCause } from "../outcome.js";

/** Counts by status plus the first problems, kept small whatever the file's size. */
export interface RunSummary {
  total: number;
  sent: number;
  invalid: number;
  failed: number;
  skipped: number;
  pending: number;
  unknown: number;
  "would-send": number;
  report: string;
  /** Skipped rows by the rule that skipped them (rows skipped for another reason are not counted here). */
  skippedBecause: Partial<Record<SkipCause, number>>;
  /** The first rows that needed the user's attention, in the order they settled (file order but for retried rows). */
  problems: { rowNumber: number; status: RowStatus; message: string }[];
  /** How many such rows there were in all (problems holds at most PROBLEM_SAMPLE). */
  problemCount: number;
  /** Set when the report file was not (re)written, saying why and how to get it. */
  reportNote?: string;
  /** Set when the run stopped early (exit 3). */
  stopped?: { code: string | number; message: string; advice?: string };
  dryRun: boolean;
}

export const PROBLEM_SAMPLE = 20;

export function emptySummary(report: string, dryRun: boolean): RunSummary {
  return {
    total: 0,
    sent: 0,
    invalid: 0,
    failed: 0,
    skipped: 0,
    pending: 0,
    unknown: 0,
    "would-send": 0,
    report,
    skippedBecause: {},
    problems: [],
    problemCount: 0,
    dryRun,
  };
}

export function countOutcome(summary: RunSummary, rowNumber: number, outcome: RowOutcome): void {
  summary.total += 1;
  summary[outcome.status] += 1;
  if (outcome.status === "skipped" && outcome.because !== undefined) {
    summary.skippedBecause[outcome.because] = (summary.skippedBecause[outcome.because] ?? 0) + 1;
  }
  const message = problemText(outcome);
  if (message === undefined) return;
  summary.problemCount += 1;
  if (summary.problems.length < PROBLEM_SAMPLE)
    summary.problems.push({ rowNumber, status: outcome.status, message });
}

function problemText(outcome: RowOutcome): string | undefined {
  switch (outcome.status) {
    case "invalid":
      return formatProblems(outcome.problems);
    case "failed":
    case "unknown":
      return outcome.code === undefined ? outcome.message : `${outcome.code}: ${outcome.message}`;
    default:
      return undefined;
  }
}

/** docs/contract.md exit codes: 0 all sent/skipped (dry run: all valid), 1 some rows need attention, 3 stopped. */
export function exitCodeOf(summary: RunSummary): 0 | 1 | 3 {
  if (summary.stopped !== undefined) return 3;
  if (summary.invalid + summary.failed + summary.unknown > 0) return 1;
  return 0;
}
