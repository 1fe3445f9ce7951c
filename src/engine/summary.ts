import type { DispatchStop } from "../dispatch/types.js";
import type { ErrorParams } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { formatProblems } from "../mapping/types.js";
import { outcomeText, type RowOutcome, type RowStatus, type SkipCause } from "../outcome.js";

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
  problems: SummaryProblem[];
  /** How many such rows there were in all (problems holds at most PROBLEM_SAMPLE). */
  problemCount: number;
  /** Set when the report was not (re)written. */
  reportNotWritten?: ReportNotWritten;
  /** Set when the run stopped early. */
  stopped?: RunStop;
  dryRun: boolean;
}

export const PROBLEM_SAMPLE = 20;

/** An outcome that needs the user's attention: the row is wrong, or Calltouch refused it, or its answer was lost. */
export type ProblemOutcome = Extract<RowOutcome, { status: "invalid" | "failed" | "unknown" }>;

/** One row of the summary's problem sample, as data: `problemText` words it in the reader's language. */
export interface SummaryProblem {
  rowNumber: number;
  status: RowStatus;
  outcome: ProblemOutcome;
}

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

/** Whether a row's outcome goes into the summary's `problems`. */
export function needsAttention(outcome: RowOutcome): outcome is ProblemOutcome {
  return outcome.status === "invalid" || outcome.status === "failed" || outcome.status === "unknown";
}

/** What a row that needs attention shows in the summary, in `lang`: its problems, or `code: message`. */
export function problemText(lang: Lang, outcome: ProblemOutcome): string {
  if (outcome.status === "invalid") return formatProblems(lang, outcome.problems);
  const message = outcomeText(lang, outcome.message);
  return outcome.code === undefined ? message : `${outcome.code}: ${message}`;
}
