/**
 * What the folder service tells, as data: a kind and its parameters. The service never words a line
 * itself; `src/cli/watch-words.ts` turns each event into a log line, and `src/cli/watch-status.ts`
 * writes STATUS.txt and the `<name>.error.txt` notes, so that every sentence a person reads is in one
 * place (the catalog's watch area, in the reader's language).
 */

/**
 * What another part of ctdial said (an error, a stop), as data when it was made from a catalog key:
 * `said` (and a campaign file's `found` problems) word it in the reader's language; `message` is its
 * English sentence, shown as it is when there is no `said`.
 */
export interface SaidAs {
  readonly said?: Said;
  readonly found?: readonly ConfigProblem[];
}

import type { RunWait } from "../engine/run-state.js";
import type { ReportNotWritten, RunSummary } from "../engine/summary.js";
import type { ConfigProblem } from "../errors.js";
import type { Said } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import type { SenderHolder } from "../journal/sender-lock.js";
import type { IgnoreReason } from "./ignore-rules.js";

/** Calltouch refused the whole account: its code, its message and what to do, as the engine gave them. */
export interface PauseCause {
  readonly code: number | string;
  /** Calltouch's own words verbatim, or ctdial's in English (then `messageSaid` holds them as data). */
  readonly message: string;
  readonly messageSaid?: Said;
  /** What to do, in English; `adviceSaid`: the same as data (a folder words it in its own terms). */
  readonly advice?: string;
  readonly adviceSaid?: Said;
}

/** Why a file waits in the folder for a later run (nothing is wrong with the file itself). */
export type WaitReason =
  /** Every row settled, but the report could not replace the old one (open in Excel). */
  | { readonly kind: "report-held"; readonly report: string; readonly notWritten: ReportNotWritten }
  /** The daily limit is reached: it goes on the next day of `zone` (the campaign's). */
  | ({ readonly kind: "daily-limit"; readonly message: string; readonly zone: string } & SaidAs)
  /** ctdial stopped the run for a reason that passes (the call window, a network stop): tried again shortly. */
  | ({ readonly kind: "stopped"; readonly message: string } & SaidAs)
  /** It cannot be run now (a journal another process holds, a state folder that cannot be written). */
  | ({ readonly kind: "not-now"; readonly message: string } & SaidAs)
  /** An error ctdial did not expect (a bug): tried again shortly. */
  | { readonly kind: "unexpected"; readonly message: string }
  /** Finishing it (its moves) failed: tried again in a minute. */
  | { readonly kind: "finishing-failed" };

/** Why a file could not be run: what its `<name>.error.txt` says. */
export type FailureNote =
  /** Calltouch refused the file's widget key (10003): the keys (empty when unknown) and Calltouch's own words. */
  | {
      readonly kind: "widget-refused";
      readonly file: string;
      readonly routeKeys: readonly string[];
      readonly calltouchMessage: string;
      readonly advice?: string;
      /** `advice` as data: worded in the reader's language, in the folder's terms. */
      readonly adviceSaid?: Said;
      readonly sent: number;
    }
  /** The file changed under the run (rows out of order, a damaged read): the engine's message. */
  | ({ readonly kind: "input-changed"; readonly message: string } & SaidAs)
  /** The file, or its campaign, cannot be run (no phone column, a broken sidecar): the validate message. */
  | ({ readonly kind: "cannot-run"; readonly file: string; readonly message: string } & SaidAs)
  /**
   * The name its report would take is a file that is not a ctdial report (the user's own
   * `clients.report.csv`): never written over, and left where it is.
   */
  | { readonly kind: "report-name-taken"; readonly file: string; readonly report: string };

/** How a finished file shows in STATUS.txt's "Recently finished". */
export type RecentEntry =
  | {
      readonly kind: "done";
      readonly file: string;
      readonly total: number;
      readonly counts: Readonly<Record<string, number>>;
      /** Of `counts.sent`, the rows sent by this run (the others were sent before: the file came back). */
      readonly sentNow: number;
      readonly to: string;
    }
  | { readonly kind: "failed"; readonly file: string; readonly to: string; readonly note: string };

/** Why a file of the folder is not running now (STATUS.txt's "Waiting"). */
export type WaitingWhy =
  | { readonly kind: "leaving" }
  | { readonly kind: "waits"; readonly why?: WaitReason; readonly until?: number }
  | { readonly kind: "paused" }
  | { readonly kind: "next" };

export type FolderEvent =
  | { readonly kind: "watching"; readonly dir: string; readonly once: boolean }
  | { readonly kind: "picked-up"; readonly file: string; readonly campaign?: CampaignNamed }
  /** A warning of the file's run (the engine's own sentence). */
  /** `said`: the warning as data, when ctdial wrote it (the log words it in its language). */
  | { readonly kind: "file-warning"; readonly file: string; readonly message: string; readonly said?: Said }
  | { readonly kind: "unexpected-error"; readonly file: string; readonly message: string }
  | { readonly kind: "paused"; readonly cause: PauseCause; readonly nextCheck: number }
  | { readonly kind: "resumed" }
  /** `until`: when it is tried again (ms since the epoch). */
  | { readonly kind: "file-waits"; readonly file: string; readonly why: WaitReason; readonly until: number }
  | { readonly kind: "file-done"; readonly entry: Extract<RecentEntry, { kind: "done" }> }
  | { readonly kind: "file-failed"; readonly file: string; readonly to: string; readonly note: FailureNote }
  /** Files of a finished group that could not be moved yet (open in another program): tried again. */
  | {
      readonly kind: "move-waits";
      readonly file: string;
      readonly left: readonly { readonly name: string; readonly code?: string }[];
    }
  /**
   * A running file left the folder (deleted, moved away, or renamed: then `renamedTo`): its run is
   * stopped; the requests in flight get their answers, the rows not sent stay unsent in its journal.
   */
  | { readonly kind: "file-left"; readonly file: string; readonly renamedTo?: string }
  /** The stopped run of a file that left has ended: what it sent, and how many rows it did not send. */
  | {
      readonly kind: "file-left-stopped";
      readonly file: string;
      readonly sent: number;
      readonly notSent: number;
    }
  /**
   * A file changed (saved again, copied over) while it ran (`running`: its run is stopped now) or was
   * found changed when it finished (not moved to done/). Either way it runs again once quiet, and only
   * rows its journal has not sent are sent.
   */
  | { readonly kind: "file-changed"; readonly file: string; readonly running: boolean }
  /** A file picked up is one that left the folder mid-run under the name `was` (renamed, or a copy of it). */
  | { readonly kind: "file-came-back"; readonly file: string; readonly was: string }
  /** An error while finishing a file (its move, say): the move is tried again, the file not run again. */
  | ({ readonly kind: "finish-error"; readonly file: string; readonly message: string } & SaidAs)
  | {
      readonly kind: "passed-over";
      readonly file: string;
      readonly reason: IgnoreReason;
      readonly own: boolean;
    }
  | { readonly kind: "scan-failed"; readonly dir: string; readonly message: string }
  /** Another ctdial holds the machine's sender lock (its own sentence, from the lock). */
  | { readonly kind: "waiting-for-sender"; readonly holder?: SenderHolder }
  | { readonly kind: "file-events-off"; readonly dir: string; readonly message: string }
  | { readonly kind: "stopped" };

/** Where a file's campaign came from: a campaign file (beside the table or elsewhere), or none (auto-mapped). */
export interface CampaignNamed {
  readonly path: string;
  readonly beside: boolean;
}

/**
 * The words the service needs for the files it writes for a person to read: STATUS.txt and the error
 * notes, in the folder's language (its campaign file's `lang:`, else the service's). Given by the CLI
 * (cli/watch-status.ts).
 */
export interface FolderWords {
  status(view: StatusView, lang: Lang): string;
  errorNote(note: FailureNote, lang: Lang): string;
  /** The exit code a run's summary means (for `--once`): the CLI's, like every exit code. */
  exitCodeOf(summary: RunSummary): number;
}

export interface RunningLine {
  readonly name: string;
  readonly done: number;
  /** Rows read so far (the rows known); `done` of them are settled. */
  readonly read?: number;
  readonly counts: Readonly<Record<string, number>>;
  /** What the run waits for (the call window, and when it opens), as the engine says it. */
  readonly waiting?: RunWait;
  /** The file's campaign's zone, which a person reads its call window's times in. */
  readonly zone?: string;
}

/** Why a service ended (STATUS.txt says STOPPED with it). */
export type StopCause =
  /** SIGTERM or Ctrl+C. */
  | { readonly kind: "signal" }
  /** --once ran what was there. */
  | { readonly kind: "once" }
  /** An error ended the service; its sentence (the CLI prints it too). */
  | ({ readonly kind: "error"; readonly message: string } & SaidAs);

/** What the folder is doing as a whole: STATUS.txt's first line. */
export type FolderState =
  /** At least one file is sending (or about to start). */
  | { readonly kind: "sending" }
  /**
   * Files are in hand but none can send now: each waits for its call window or the next day (daily
   * limit) or a retry. `until` is the earliest time one goes on, in `zone` (that file's campaign's).
   */
  | {
      readonly kind: "waiting";
      readonly for: readonly ("call-window" | "daily-limit" | "retry")[];
      readonly until?: { readonly at: number; readonly zone?: string };
    }
  | { readonly kind: "paused" }
  | { readonly kind: "waiting-for-sender" }
  | { readonly kind: "idle" }
  | { readonly kind: "stopped"; readonly cause: StopCause };

/** What STATUS.txt shows, as data; cli/watch-status.ts puts it into words. */
export interface StatusView {
  readonly dir: string;
  /** When (ms since the epoch, by the service's clock). */
  readonly at: number;
  readonly state: FolderState;
  /** Since when the folder is in this state (ms since the epoch). */
  readonly since: number;
  /** Set while the whole folder is paused: why, and when it looks again (ms since the epoch). */
  readonly paused?: { readonly cause: PauseCause; readonly nextCheck: number };
  /** Set while another ctdial holds the machine's sender lock (the lock's own sentence). */
  readonly waitingForSender?: { readonly holder?: SenderHolder };
  /** Set while the supervisor paused all sending from the page (`--ui`): from where, and since when. */
  readonly held?: { readonly by: string; readonly since: number };
  readonly running: readonly RunningLine[];
  /** Files waiting: their names and why. */
  readonly waiting: readonly { readonly name: string; readonly why: WaitingWhy }[];
  /** The last few files finished, newest first. */
  readonly recent: readonly RecentEntry[];
}
