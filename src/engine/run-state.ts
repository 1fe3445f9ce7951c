import type { Campaign } from "../campaign/schema.js";
import type { RowOutcome } from "../outcome.js";
import type { OutcomeSink, RunEnd, SettledRow } from "../sinks/outcome-sink.js";
import { isoInZone } from "../time/local-time.js";
import { countOutcome, emptySummary, type RunSummary } from "./summary.js";

export interface RunProgress {
  /** Rows read and planned so far. */
  read: number;
  /** Rows with a final outcome. */
  done: number;
  counts: Record<string, number>;
  /** Set while sending waits, e.g. for the call window to open. */
  note?: string;
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
 * counts and problems the summary shows, requests in flight (the daily limit counts them), and the
 * stream of settled rows that every sink subscribes to. Only this object changes them, so they
 * cannot disagree.
 *
 * A row is settled exactly once. Times are handed to sinks in the campaign's timezone. A sink that
 * fails is cut off (the caller is told once) and the run goes on: the journal, not a sink, is the
 * record.
 */
export class RunState {
  readonly progress: RunProgress = { read: 0, done: 0, counts: {} };
  readonly summary: RunSummary;
  /** Rows between the send rules' check and their outcome: each may still be accepted today. */
  readonly inFlight = new Set<number>();
  readonly #options: RunStateOptions;
  readonly #zone: string;
  #live: OutcomeSink[];
  readonly #failures: { sink: OutcomeSink; error: unknown }[] = [];

  constructor(options: RunStateOptions) {
    this.#options = options;
    this.#zone = options.campaign.timezone ?? options.campaign.calltouchTimezone;
    this.#live = [...options.sinks];
    this.summary = emptySummary(options.report, options.dryRun);
  }

  /** A row was read from the source. */
  markRead(): void {
    this.progress.read += 1;
  }

  /** A line for the progress display while sending waits; undefined when waiting is over. */
  note(note: string | undefined): void {
    this.progress.note = note;
    this.#options.onProgress?.(this.progress);
  }

  /**
   * A row's final outcome. Returns a promise only when a sink asks the run to wait (a report file
   * that is behind): a million rows then cost no million promises.
   */
  settle(index: number, settled: Omit<SettledRow, "index">): Promise<void> | undefined {
    const outcome = this.#inZone(settled.outcome);
    const row: SettledRow = { index, row: settled.row, outcome, phone: settled.phone };
    countOutcome(this.summary, settled.row.rowNumber, outcome);
    this.progress.done += 1;
    this.progress.counts[outcome.status] = (this.progress.counts[outcome.status] ?? 0) + 1;
    this.#options.onProgress?.(this.progress);
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
