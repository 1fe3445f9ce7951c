import type { Campaign } from "../campaign/schema.js";
import type { RowOutcome, RowStatus, SkipCause } from "../outcome.js";
import type { OutcomeSink, RunEnd, SettledRow } from "../sinks/outcome-sink.js";
import { isoInZone } from "../time/local-time.js";
import {
  needsAttention,
  PROBLEM_SAMPLE,
  type ReportNotWritten,
  type RunStop,
  type RunSummary,
} from "./summary.js";

export interface RunProgress {
  /** Rows read and planned so far. */
  readonly read: number;
  /** Rows with a final outcome. */
  readonly done: number;
  /** Rows with a final outcome by status (statuses no row has yet are absent). */
  readonly counts: Readonly<Partial<Record<RowStatus, number>>>;
  /** Set while sending waits, e.g. for the call window to open. */
  readonly waiting?: RunWait;
}

/** What sending waits for, as data: the call window, which opens at `opensAt` (epoch ms). */
export interface RunWait {
  readonly for: "call-window";
  readonly opensAt: number;
}

export interface RunStateOptions {
  readonly campaign: Campaign;
  readonly sinks: readonly OutcomeSink[];
  /** What the summary names as the report (a file path, or the sheet written back). */
  readonly report: string;
  readonly dryRun: boolean;
  readonly onProgress?: (progress: RunProgress) => void;
  /** A sink failed and receives nothing more; told once per sink. */
  readonly onSinkFailure?: (sink: OutcomeSink, error: unknown) => void;
}

/**
 * Everything one run knows about itself while it goes on, in one place: rows read and settled, the
 * counts and problems the summary shows, requests in flight (the daily limit counts them), why it
 * stopped, and the stream of settled rows that every sink subscribes to. Its fields are private and
 * each is kept once (the summary and the progress read the same counts), so they cannot disagree.
 *
 * A row is settled exactly once. Times are handed to sinks in the campaign's timezone. A sink that
 * fails is cut off (the caller is told once) and the run goes on: the journal, not a sink, is the
 * record.
 */
export class RunState {
  readonly #options: RunStateOptions;
  readonly #zone: string;
  readonly #counts: Partial<Record<RowStatus, number>> = {};
  readonly #progress: { read: number; done: number; counts: RunProgress["counts"]; waiting?: RunWait };
  readonly #skippedBecause: Partial<Record<SkipCause, number>> = {};
  readonly #problems: RunSummary["problems"] = [];
  #problemCount = 0;
  /** Rows between the send rules' check and their outcome: each may still be accepted today. */
  readonly #inFlight = new Set<number>();
  #stopped: RunStop | undefined;
  #reportNotWritten: ReportNotWritten | undefined;
  #live: OutcomeSink[];
  readonly #failures: { sink: OutcomeSink; error: unknown }[] = [];

  constructor(options: RunStateOptions) {
    this.#options = options;
    this.#zone = options.campaign.timezone ?? options.campaign.calltouchTimezone;
    this.#live = [...options.sinks];
    this.#progress = { read: 0, done: 0, counts: this.#counts };
  }

  /** The live progress (the same object throughout the run). */
  get progress(): RunProgress {
    return this.#progress;
  }

  /** A row was read from the source. */
  markRead(): void {
    this.#progress.read += 1;
  }

  /** What sending waits for; undefined when waiting is over. */
  waiting(wait: RunWait | undefined): void {
    this.#progress.waiting = wait;
    this.#options.onProgress?.(this.#progress);
  }

  /** A request of row `rowNumber` may leave now (the daily limit's check passed). */
  flightStarted(rowNumber: number): void {
    this.#inFlight.add(rowNumber);
  }

  /** Row `rowNumber` has its outcome. */
  flightEnded(rowNumber: number): void {
    this.#inFlight.delete(rowNumber);
  }

  /** Requests in flight of rows other than `rowNumber` (a retry of a row is not a second request). */
  inFlightBesides(rowNumber: number): number {
    return this.#inFlight.size - (this.#inFlight.has(rowNumber) ? 1 : 0);
  }

  /** Sending stopped early (the first stop is kept). */
  stopped(stop: RunStop | undefined): void {
    this.#stopped ??= stop;
  }

  /** The report was not (re)written, and why. */
  reportNotWritten(why: ReportNotWritten | undefined): void {
    this.#reportNotWritten ??= why;
  }

  /**
   * A row's final outcome. Returns a promise only when a sink asks the run to wait (a report file
   * that is behind): a million rows then cost no million promises.
   */
  settle(index: number, settled: Omit<SettledRow, "index">): Promise<void> | undefined {
    const outcome = this.#inZone(settled.outcome);
    this.#count(settled.row.rowNumber, outcome);
    this.#options.onProgress?.(this.#progress);
    const row: SettledRow = { index, row: settled.row, outcome, phone: settled.phone };
    let waits: Promise<void>[] | undefined;
    for (const sink of this.#live) {
      try {
        const wait = sink.accept(row);
        if (wait !== undefined) {
          waits ??= [];
          waits.push(wait.catch((error: unknown) => this.#failed(sink, error)));
        }
      } catch (error) {
        this.#failed(sink, error);
      }
    }
    if (waits === undefined) return undefined;
    return waits.length === 1 ? waits[0] : Promise.all(waits).then(() => undefined);
  }

  /** The run is over: every sink that is still live finishes (each on its own: one failing does not skip the rest). */
  async close(end: RunEnd): Promise<void> {
    const open = this.#live;
    this.#live = [];
    for (const sink of open) {
      try {
        await sink.close(end);
      } catch (error) {
        this.#failed(sink, error);
      }
    }
  }

  /** Sinks that failed, with their errors, in the order they failed. */
  get sinkFailures(): readonly { sink: OutcomeSink; error: unknown }[] {
    return this.#failures;
  }

  /** What the run did so far, as a new object the caller may keep. */
  summary(): RunSummary {
    const count = (status: RowStatus): number => this.#counts[status] ?? 0;
    return {
      total: this.#progress.done,
      sent: count("sent"),
      invalid: count("invalid"),
      failed: count("failed"),
      skipped: count("skipped"),
      pending: count("pending"),
      unknown: count("unknown"),
      "would-send": count("would-send"),
      report: this.#options.report,
      skippedBecause: { ...this.#skippedBecause },
      problems: [...this.#problems],
      problemCount: this.#problemCount,
      ...(this.#reportNotWritten === undefined ? {} : { reportNotWritten: this.#reportNotWritten }),
      ...(this.#stopped === undefined ? {} : { stopped: this.#stopped }),
      dryRun: this.#options.dryRun,
    };
  }

  #count(rowNumber: number, outcome: RowOutcome): void {
    this.#progress.done += 1;
    this.#counts[outcome.status] = (this.#counts[outcome.status] ?? 0) + 1;
    if (outcome.status === "skipped" && outcome.because !== undefined) {
      this.#skippedBecause[outcome.because] = (this.#skippedBecause[outcome.because] ?? 0) + 1;
    }
    if (!needsAttention(outcome)) return;
    this.#problemCount += 1;
    if (this.#problems.length < PROBLEM_SAMPLE)
      this.#problems.push({ rowNumber, status: outcome.status, outcome });
  }

  #failed(sink: OutcomeSink, error: unknown): void {
    if (this.#failures.some((failure) => failure.sink === sink)) return;
    // Not spliced out here: `settle` may be walking the list. Filtered out at its next step.
    this.#live = this.#live.filter((live) => live !== sink);
    this.#failures.push({ sink, error });
    this.#options.onSinkFailure?.(sink, error);
  }

  #inZone(outcome: RowOutcome): RowOutcome {
    if (outcome.status !== "sent") return outcome;
    const sentAt = isoInZone(outcome.sentAt, this.#zone);
    return sentAt === outcome.sentAt ? outcome : { ...outcome, sentAt };
  }
}
