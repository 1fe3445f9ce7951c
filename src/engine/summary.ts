import type { DispatchStop } from "../dispatch/types.js";
import type { ErrorParams } from "../errors.js";
import { formatProblems } from "../mapping/types.js";
import type { RowOutcome, RowStatus, SkipCause } from "../outcome.js";

/** Why a run stopped early, as data (see DispatchStop). */
export type RunStop = DispatchStop;

/**
 * Why the report was not (re)written, as data (the CLI says what to do about it):
 * - `another-run`: a run of the same campaign (process `pid`) is sending and writes it when it ends;
 * - `failed`: writing it failed (`code`, `message`, `params` of the error);
 * - `cut-short`: the run ended before every row was settled (a signal on a large file), so the
 *   previous report was kept.
 */
export type ReportNotWritten =
  | { readonly reason: "another-run"; readonly pid: number }
  | {
      readonly reason: "failed";
      readonly code?: string;
      readonly message: string;
      readonly params?: ErrorParams;
    }
  | { readonly reason: "cut-short" };

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
  /** Set when the report was not (re)written. */
  reportNotWritten?: ReportNotWritten;
  /** Set when the run stopped early. */
  stopped?: RunStop;
  dryRun: boolean;
}

export const PROBLEM_SAMPLE = 20;

/** A summary of nothing yet (tests and callers that build one by hand). */
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

/** What a row that needs attention shows in `problems`; undefined for rows that need none. */
export function problemText(outcome: RowOutcome): string | undefined {
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
