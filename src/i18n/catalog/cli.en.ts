import { enCount, enNoun } from "../format.js";
import type { Messages } from "../messages.js";

/**
 * English words of the "cli" area: what the CLI itself says (the summary after a run, the progress
 * line, the confirmation question, `status`, `init`'s last line, warnings, the line of an error only
 * a bug raises, the log lines of attempts). catalog/cli.ru.ts must have the same keys with the same
 * parameters (the typecheck says so). Keys are unique across areas (test/i18n/catalog.test.ts).
 */

const ROWS = ["row", "rows"] as const;

/** Counts by status as the summary, `status` and the progress line show them: "sent 30, skipped 1". */
export interface StatusCounts {
  wouldSend?: number;
  sent?: number;
  skipped?: number;
  invalid?: number;
  failed?: number;
  unknown?: number;
  pending?: number;
}

const STATUS_NAMES: Readonly<Record<keyof StatusCounts, string>> = {
  wouldSend: "would-send",
  sent: "sent",
  skipped: "skipped",
  invalid: "invalid",
  failed: "failed",
  unknown: "unknown",
  pending: "pending",
};

/** The non-zero counts in `order`, "status n" each, joined by commas. */
function counts(p: StatusCounts, order: readonly (keyof StatusCounts)[]): string {
  return order
    .filter((status) => (p[status] ?? 0) > 0)
    .map((status) => `${STATUS_NAMES[status]} ${p[status]}`)
    .join(", ");
}

export const SUMMARY_ORDER = [
  "wouldSend",
  "sent",
  "skipped",
  "invalid",
  "failed",
  "unknown",
  "pending",
] as const;
export const STATUS_ORDER = ["sent", "pending", "failed", "unknown", "invalid", "skipped"] as const;

function itThem(count: number): string {
  return enNoun(count, ["it", "them"]);
}

export const cliEn = {
  // The summary after run, retry and validate.
  cliSummaryCounts: (p: StatusCounts & { total: number }) =>
    `${enCount(p.total, ROWS)}: ${counts(p, SUMMARY_ORDER) || "nothing to do"}`,
  cliSummaryAttention: (p: { count: number }) =>
    `${enCount(p.count, ROWS)} ${enNoun(p.count, ["needs", "need"])} attention:`,
  cliSummaryProblem: (p: { row: number; width: number; status: string; message: string; was?: number }) =>
    `  row ${String(p.row).padStart(p.width)}  ${p.status.padEnd(7)}  ${p.message}${p.was === undefined ? "" : ` (was row ${p.was} when read)`}`,
  cliSummaryMore: (p: { count: number }) => `  ... and ${p.count} more (see the report)`,
  cliSkippedRecent: (p: { count: number }) =>
    `${enCount(p.count, ROWS)} skipped because a campaign on this machine had the phone accepted within its dedupeWindow (24h unless the campaign file says otherwise); set dedupeWindow: 0 in the campaign file to call them again.`,
  cliSkippedPast: (p: { count: number }) =>
    `${enCount(p.count, ROWS)} skipped because their call time has passed; set pastScheduleTime: call-now in the campaign file to call them at once.`,
  cliSkippedSentBefore: (p: { count: number }) =>
    `${enCount(p.count, ROWS)} skipped because the ctdial report they were read from says they were sent; clear their ctdial_status cell to send them again.`,
  cliWarning: (p: { text: string }) => `warning: ${p.text}`,

  // The progress line on a terminal.
  cliProgressCounts: (p: StatusCounts & { order: string[] }) =>
    counts(
      p,
      p.order.filter((status): status is keyof StatusCounts => status in STATUS_NAMES),
    ),
  cliProgressRate: (p: { rate: number }) => `${p.rate.toFixed(1)}/s`,
  cliProgressEta: (p: { left: string }) => `ETA ${p.left}`,

  // The question before sending.
  cliConfirmQuestion: (p: {
    retry: boolean;
    includeUnknown: boolean;
    file: string;
    /** Rows to send, when counted; undefined while still counting. */
    toSend?: number;
    /** Rows in the file (exact when toSend is known, else an estimate, if any). */
    inFile?: number;
    endpoint: string;
    routeKey?: string;
  }) => {
    const verb = p.retry ? "Resend" : "Send";
    const kind = !p.retry ? "" : p.includeUnknown ? "failed or unknown " : "failed ";
    const count =
      p.toSend !== undefined
        ? `${enCount(p.toSend, [`${kind}row`, `${kind}rows`])} of ${p.file} (${p.inFile} in the file)`
        : `the ${kind || "unsent "}rows of ${p.file} (${p.inFile === undefined ? "" : `about ${p.inFile} in the file; `}still counting)`;
    return `${verb} ${count} to ${p.endpoint} (routeKey ${p.routeKey ?? "from the file"})?`;
  },
  cliConfirmPrompt: () => "[y/N]",
  E_DECLINED: () =>
    "nothing was sent: the run was not confirmed (answer y to send, or add --yes to skip the question).",

  // ctdial status.
  cliStatusCounts: (p: StatusCounts & { total: number }) =>
    `${enCount(p.total, ROWS)}: ${counts(p, STATUS_ORDER) || "none"}`,
  cliStatusNeverRun: () => "Never run: nothing has been sent for this campaign.",
  cliStatusLastRun: (p: { at?: string; zone: string; runs: number }) =>
    `Last run: ${p.at ?? "unknown"} (${enCount(p.runs, ["run", "runs"])})`,
  cliStatusLeft: (p: { count: number }) =>
    `Left to send: ${p.count} (ctdial run continues with ${itThem(p.count)})`,
  cliStatusNothingLeft: () => "Nothing left to send.",
  cliStatusFailed: (p: { count: number }) =>
    `Failed: ${p.count} (ctdial retry sends ${itThem(p.count)} again)`,
  cliStatusUnknown: (p: { count: number }) =>
    `Unknown: ${p.count} (the answer was lost; ${enNoun(p.count, ["it", "they"])} may have been called; ctdial retry --include-unknown resends ${itThem(p.count)})`,
  cliStatusTornLine: (p: { line: number }) =>
    `Note: the journal's last line was cut off by a crash (line ${p.line}); it was ignored.`,
  cliStatusJournal: (p: { path: string }) => `Journal: ${p.path}`,

  // ctdial init.
  cliInitWrote: (p: { target: string; source: string }) =>
    `Wrote ${p.target}. Set routeKey in it, then run: ctdial validate ${p.source}`,
  E_CAMPAIGN_EXISTS: (p: { file: string }) =>
    `${p.file} already exists; edit it, or run ctdial init --force to replace it.`,

  // Errors and warnings of the process itself.
  cliUnexpectedError: (p: { message: string }) =>
    `unexpected error: ${p.message} (this is a bug in ctdial; CTDIAL_DEBUG=1 shows details)`,
  cliStdoutFailed: (p: { message: string }) => `could not write to stdout (${p.message}); output stops here.`,
  cliStopping: () =>
    "stopping: requests in flight finish, then the report is written (press Ctrl+C again to quit at once)",
  cliCleanupFailed: (p: { what: string; message: string }) => `could not ${p.what}: ${p.message}`,
  cliCleanupReleaseSender: () => "let another ctdial send from this machine",
  cliCleanupProgress: () => "clear the progress line",
  cliCleanupSignals: () => "stop listening for Ctrl+C",
  cliCleanupConnection: () => "close the connection",
  cliCleanupLog: () => "flush the log",
  cliCleanupCloseFile: (p: { file: string }) => `close ${p.file}`,
  cliCleanupAnnounceStop: () => "announce the stop",
  cliCleanupSandboxConnection: () => "close the connection to the built-in sandbox",
  cliCleanupBuiltInSandbox: () => "close the built-in sandbox",
  cliCleanupCalltouchConnection: () => "close the connection to Calltouch",
  cliCleanupSandbox: () => "close the sandbox",

  // Log lines of answers (cli/attempt-log.ts); `message` is what the answer meant.
  cliAttemptRow: (p: { row: number; message: string }) => `row ${p.row}: ${p.message}`,
  cliAttemptResend: (p: { row: number; message: string }) =>
    `row ${p.row}: ${p.message}; sending it again without sessionId`,
  cliAttemptRetry: (p: { row: number; message: string; after: string }) =>
    `row ${p.row}: ${p.message}; will retry in ${p.after}`,
  cliAttemptPending: (p: { row: number; message: string }) =>
    `row ${p.row}: ${p.message}; left pending, the next run sends it`,
  cliAttemptGaveUp: (p: { row: number; message: string; tries: number }) =>
    `row ${p.row}: ${p.message}; gave up after ${enCount(p.tries, ["attempt", "attempts"])}`,
  /** The log line when the first request may leave (its fields say where to and how fast). */
  cliSending: () => "sending",
  /** `npm run demo`'s last two lines, after the run. */
  cliDemoDone: (p: { source: string }) =>
    `That was the demo: open ${p.source} and its report beside it to see a result for every row.`,
  cliDemoTry: () =>
    "Try your own file: npx ctdial validate clients.csv, then npx ctdial run clients.csv --sandbox",
} satisfies Messages;
