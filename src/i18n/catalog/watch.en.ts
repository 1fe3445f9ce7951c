import { enCount, enNoun, readableTime } from "../format.js";
import type { Messages } from "../messages.js";

/**
 * English words of the "watch" area: the campaigns folder service (`ctdial watch`): its log lines,
 * STATUS.txt, the `<name>.error.txt` notes, its errors and its --help. A message is a function of one
 * parameters object (or none) that returns the sentence; catalog/watch.ru.ts must have the same keys
 * with the same parameters (the typecheck says so). Keys are unique across areas
 * (test/i18n/catalog.test.ts). Times are epoch ms, worded here in the zone given (else the machine's).
 */

const ROW = ["row", "rows"] as const;

/** A time as the folder says it: `7 Dec 2026, 09:00 (Europe/Moscow)`. */
const at = (ms: number, zone?: string): string => readableTime("en", ms, { zone });

/** " at <time>" when the time is known, else "". */
const atThen = (p: { at?: number; zone?: string }): string =>
  p.at === undefined ? "" : ` at ${at(p.at, p.zone)}`;

const pauseReason = (p: { code: string | number; message: string }): string =>
  `Calltouch answered ${p.code}: ${p.message}`;

const senderBusy = (p: { pid?: number; command?: string; since?: string }): string => {
  if (p.pid === undefined) return "another ctdial is sending from this machine";
  const since = p.since === undefined ? Number.NaN : Date.parse(p.since);
  const when = Number.isNaN(since) ? (p.since ?? "") : at(since);
  return `another ctdial is sending from this machine (process ${p.pid}: ${p.command ?? ""}, since ${when})`;
};

const campaignNamed = (p: { campaignFile?: string }): string =>
  p.campaignFile === undefined ? "columns mapped by their headers" : `campaign file ${p.campaignFile}`;

const AGAIN =
  "Fix it and put the file back into the campaigns folder; rows already sent will not be sent again.";

/** Why a file is passed over by the folder (see watch/ignore-rules.ts). */
export type IgnoreReasonWord =
  | "own-folder"
  | "subfolder"
  | "libreoffice-lock"
  | "excel-lock"
  | "report-being-written"
  | "status-being-written"
  | "hidden"
  | "temporary"
  | "status-file"
  | "error-note"
  | "report"
  | "campaign-file"
  | "old-xls"
  | "not-a-regular-file"
  | "not-a-table";

const IGNORED: Record<Exclude<IgnoreReasonWord, "not-a-table">, string> = {
  "own-folder": "the service's own folder",
  subfolder: "a folder: only files directly in the campaigns folder are run",
  "libreoffice-lock": "a LibreOffice lock file (the table is open there)",
  "excel-lock": "an Excel lock file (the table is open in Excel)",
  "report-being-written": "a report being written",
  "status-being-written": "the service's status file being written",
  hidden: "a hidden file",
  temporary: "a temporary file (still being copied or edited)",
  "status-file": "the service's status file",
  "error-note": "an error note",
  report:
    "named as a report (.report.csv or .report.xlsx) without its table beside it, and the folder never dials a report; to dial its rows, rename it (rows it marks as sent are not sent again)",
  "campaign-file": "a campaign file (used for the tables it belongs to)",
  "old-xls": "an old-format .xls workbook: open it in Excel and save it as .xlsx to dial it",
  "not-a-regular-file": "not a regular file",
};

/** What a folder can wait for as a whole (STATUS.txt's WAITING line). */
export type FolderWaitWord = "call-window" | "daily-limit" | "retry";

const WAITING_FOR: Record<FolderWaitWord, string> = {
  "call-window": "outside the call window",
  "daily-limit": "the daily limit is reached",
  retry: "waiting to be tried again",
};

/** Advice Calltouch's refusals get, in a folder's terms (it resumes by itself: no command to run again). */
export type FolderAdviceWord = "10001" | "10002" | "10003" | "token" | "endpoint";

export const watchEn = {
  // ---- log lines ----
  watchWatching: (p: { dir: string; once: boolean }) => `watching ${p.dir}${p.once ? " (once)" : ""}`,
  /** How a file's columns are known: its campaign file (a path, or a name beside it), or its headers. */
  watchCampaignNamed: (p: { campaignFile?: string }) => campaignNamed(p),
  watchPickedUp: (p: { file: string; campaignFile?: string }) => `${p.file}: picked up (${campaignNamed(p)})`,
  watchUnexpectedError: (p: { file: string; message: string }) =>
    `${p.file}: unexpected error: ${p.message} (this is a bug in ctdial)`,
  /** "Calltouch answered 10001: no callback minutes left" */
  watchPauseReason: (p: { code: string | number; message: string }) => pauseReason(p),
  watchPausedLog: (p: { code: string | number; message: string; advice?: string; nextCheck: number }) =>
    `paused: ${pauseReason(p)}.${p.advice === undefined ? "" : ` ${p.advice}`} Files stay in the folder; nothing needs restarting: ctdial checks again by itself at ${at(p.nextCheck)} and resumes once Calltouch accepts requests.`,
  watchResumed: () => "Calltouch accepts requests again: the folder resumes",
  watchFileWaits: (p: { file: string; why: string }) => `${p.file}: waits: ${p.why}`,
  watchFileDone: (p: { line: string; to: string }) => `${p.line}; moved to ${p.to}/`,
  watchFileFailed: (p: { file: string; to: string; note: string }) =>
    `${p.file}: moved to ${p.to}/: ${p.note}`,
  /** A file that cannot be moved has no error code: it is busy. */
  watchBusy: () => "busy",
  watchMoveWaits: (p: { file: string; left: readonly string[] }) =>
    `${p.file}: cannot move ${p.left.join(", ")} yet (open in another program?); trying again`,
  watchFileLeft: (p: { file: string; renamedTo?: string }) =>
    `${p.file}: left the folder while it ran${p.renamedTo === undefined ? "" : ` (renamed to ${p.renamedTo})`}: stopping it; requests in flight finish, rows not sent stay in its journal`,
  watchFileLeftStopped: (p: { file: string; sent: number; notSent: number }) =>
    `${p.file}: stopped after sending ${enCount(p.sent, ROW)}; ${enCount(p.notSent, ROW)} not sent under this name`,
  watchFileChanged: (p: { file: string; running: boolean }) =>
    `${p.file}: ${p.running ? "changed while it ran: stopping it" : "changed since it was read: not moved to done/"}; it runs again once the file is quiet, sending only rows not sent yet`,
  watchFileCameBack: (p: { file: string; was: string }) =>
    `${p.file}: the same list as ${p.was}, which left the folder while it ran: phones accepted under that name are not dialed again`,
  watchPassedOver: (p: { file: string; own: boolean; reason: string }) =>
    `${p.file}: ${p.own ? "passed over" : "ignored"}: ${p.reason}`,
  watchIgnoreReason: (p: { reason: IgnoreReasonWord; extensions: readonly string[] }) =>
    p.reason === "not-a-table" ? `not a table ctdial reads (${p.extensions.join(", ")})` : IGNORED[p.reason],
  watchScanFailed: (p: { dir: string; message: string }) =>
    `cannot read the campaigns folder ${p.dir}: ${p.message}`,
  /** Who sends from this machine now (`since` an ISO time; none of it when the lock does not say). */
  watchSenderBusy: (p: { pid?: number; command?: string; since?: string }) => senderBusy(p),
  watchSenderWait: (p: { pid?: number; command?: string; since?: string }) =>
    `${senderBusy(p)}; waiting for it to finish (Calltouch's limit is per machine)`,
  watchEventsOff: (p: { dir: string; message: string }) =>
    `no file events for ${p.dir} (${p.message}); scanning only`,
  watchStoppedLog: () => "stopped: requests in flight finished and reports were written",
  watchStopping: () => "stopping: requests in flight finish and reports are written, then ctdial exits",

  // ---- why a file waits ----
  watchWaitReportHeld: (p: { note: string; at?: number; zone?: string }) =>
    `${p.note}; tried again${atThen(p) || " shortly"}`,
  watchWaitDailyLimit: (p: { message: string; at?: number; zone?: string }) =>
    `${p.message}; it goes on the next day${atThen(p)}`,
  watchWaitStopped: (p: { message: string; at?: number; zone?: string }) =>
    `${p.message}; it is tried again${atThen(p) || " shortly"}`,
  watchWaitNotNow: (p: { message: string; at?: number; zone?: string }) =>
    p.at === undefined ? p.message : `${p.message}; tried again${atThen(p)}`,
  watchWaitUnexpected: (p: { message: string; at?: number; zone?: string }) =>
    `an unexpected error: ${p.message}; tried again${atThen(p) || " shortly"}`,
  watchWaitFinishing: (p: { at?: number; zone?: string }) =>
    `an error while finishing it; tried again${atThen(p) || " in a minute"}`,
  /** The report could not be written: another run of the campaign writes it. */
  watchReportAnotherRun: (p: { report: string; pid: number }) =>
    `${p.report} was left alone: a ctdial run of this campaign (process ${p.pid}) is sending and writes it when it ends`,
  watchReportFailed: (p: { failure: string }) =>
    `${p.failure.replace(/\.$/, "")}; the journal has every result: \`ctdial validate\` on the same file writes the report again`,
  watchReportCutShort: (p: { report: string }) =>
    `${p.report} was not rewritten, to exit at once; the journal has every result: \`ctdial validate\` on the same file writes the report again, or the next \`ctdial run\` does`,

  // ---- a finished file ----
  /** One count of a finished file: "sent 10" (status is a report status: sent, invalid, ...). */
  watchCountPart: (p: { status: string; count: number }) => `${p.status} ${p.count}`,
  watchSentEarlierPart: (p: { count: number }) => `already sent earlier ${p.count}`,
  /**
   * "clients.csv: 12 rows: sent 10, invalid 2"; `allEarlier`: every row was sent by an earlier run
   * (the file was dropped again), "40 rows: already sent earlier, nothing to do".
   */
  watchDoneLine: (p: { file: string; total: number; parts: readonly string[]; allEarlier: boolean }) => {
    const rows = `${p.file}: ${enCount(p.total, ROW)}`;
    if (p.parts.length === 0) return `${rows}: nothing to do`;
    if (p.allEarlier) return `${rows}: already sent earlier, nothing to do`;
    return `${rows}: ${p.parts.join(", ")}`;
  },

  // ---- STATUS.txt ----
  /** The first line: the state word (SENDING, WAITING, PAUSED, IDLE, STOPPED: stable), since when, what it means. */
  watchStatusTitle: (p: { state: string; stopped: boolean; at: number; zone?: string; detail: string }) =>
    `ctdial watch: ${p.state} ${p.stopped ? "at" : "since"} ${at(p.at, p.zone)}${p.detail === "" ? "" : `: ${p.detail}`}`,
  watchStatusFolder: (p: { dir: string }) => `Folder: ${p.dir}`,
  watchStatusUpdated: (p: { at: number; zone?: string; stopped: boolean; minutes: number }) =>
    `Updated: ${readableTime("en", p.at, { zone: p.zone, seconds: true })} ${
      p.stopped
        ? "(ctdial watch is not running; start it again to serve the folder)"
        : `(rewritten at least every ${p.minutes} ${enNoun(p.minutes, ["minute", "minutes"])} while ctdial watch runs: an older time means it is not running)`
    }`,
  watchStatusPausedWhy: (p: { stopped: boolean; code: string | number; message: string }) =>
    `${p.stopped ? "It was paused: " : "Why: "}${pauseReason(p)}`,
  watchStatusWhatToDo: (p: { advice: string }) => `What to do: ${p.advice}`,
  watchStatusPausedFiles: (p: { stopped: boolean; nextCheck: number; zone?: string }) =>
    p.stopped
      ? "Files stay where they are; started again, ctdial goes on with them once Calltouch accepts requests."
      : `Files stay where they are. Nothing needs restarting: ctdial checks again by itself at ${at(p.nextCheck, p.zone)} and resumes once Calltouch accepts requests.`,
  watchStatusSenderWaiting: (p: { pid?: number; command?: string; since?: string }) =>
    `Waiting: ${senderBusy(p)}.`,
  watchStatusRunningHeader: () => "Running:",
  watchStatusRunningLine: (p: {
    name: string;
    done: number;
    parts: readonly string[];
    opensAt?: number;
    zone?: string;
  }) =>
    `${p.name}: ${enCount(p.done, ROW)} done${p.parts.length === 0 ? "" : ` (${p.parts.join(", ")})`}${
      p.opensAt === undefined ? "" : `; waits for its call window, which opens at ${at(p.opensAt, p.zone)}`
    }`,
  watchStatusWaitingHeader: (p: { stopped: boolean }): string =>
    p.stopped ? "Left in the folder:" : "Waiting:",
  watchStatusRecentHeader: () => "Recently finished:",
  watchStatusRecentDone: (p: { line: string; to: string }) => `${p.line} (moved to ${p.to}/)`,
  watchStatusRecentFailed: (p: { file: string; to: string; note: string }) =>
    `${p.file}: could not be run (see ${p.to}/${p.note})`,
  /** What a state means, after its word. */
  watchStateDetail: (p: { state: "paused" | "waiting-for-sender" | "idle" }): string =>
    p.state === "paused"
      ? "Calltouch refuses requests; ctdial resumes by itself once it accepts them"
      : p.state === "waiting-for-sender"
        ? "another ctdial is sending from this machine"
        : "drop a .csv, .tsv, .txt or .xlsx file here to dial it",
  watchStateWaiting: (p: { for: readonly FolderWaitWord[]; until?: number; zone?: string }) =>
    `no file can send now: ${p.for.map((reason) => WAITING_FOR[reason]).join("; ")}${
      p.until === undefined ? "" : `; the first goes on at ${at(p.until, p.zone)}`
    }`,
  watchStopCause: (p: { cause: "signal" | "once" | "error"; message?: string }) =>
    p.cause === "signal"
      ? "asked to stop; files not finished stay here and go on when ctdial watch starts again"
      : p.cause === "once"
        ? "--once ran what was in the folder"
        : p.message === undefined || p.message === ""
          ? "an error ended it (see its log)"
          : `an error ended it: ${p.message}`,
  /** Why a file of the folder is not running now. */
  watchWaitingWhy: (p: { why: "leaving" | "waiting" | "paused" | "next" }): string =>
    p.why === "leaving"
      ? "finished; it moves once no other program holds it open"
      : p.why === "waiting"
        ? "waiting"
        : p.why === "paused"
          ? "paused with the folder"
          : "next in line",

  // ---- <name>.error.txt ----
  watchNoteWidgetRefused: (p: {
    file: string;
    routeKeys: readonly string[];
    calltouchMessage: string;
    advice?: string;
    sent: number;
  }) => {
    const keys = p.routeKeys;
    const which = keys.length === 0 ? " of this file" : `${keys.length > 1 ? "s" : ""} ${keys.join(", ")}`;
    const sent = `${enCount(p.sent, ROW)} ${p.sent === 1 ? "was" : "were"} sent before that`;
    const advice = p.advice === undefined ? "" : `${p.advice} `;
    return `${p.file} was stopped: Calltouch refused the widget key${which}: ${p.calltouchMessage} (error 10003). ${advice}${sent}; the report lists every row. ${AGAIN}`;
  },
  watchNoteInputChanged: (p: { message: string }) => `${p.message} ${AGAIN}`,
  watchNoteCannotRun: (p: { file: string; message: string }) =>
    `${p.file} could not be run: ${p.message} ${AGAIN}`,
  watchNoteReportNameTaken: (p: { file: string; report: string }) =>
    `${p.file} could not be run: its report would be written as ${p.report}, and the ${p.report} in the campaigns folder is not a ctdial report; ctdial never writes over a file it did not write, so ${p.report} was left where it is. Rename ${p.report}, or rename ${p.file} (its report is named after it), then put ${p.file} back into the campaigns folder; rows already sent will not be sent again.`,
  /** What to do about Calltouch's refusal in a folder (which resumes by itself). */
  watchFolderAdvice: (p: { which: FolderAdviceWord }) =>
    ({
      "10001": "Top up callback minutes in Calltouch.",
      "10002": "Switch on the callback service in Calltouch.",
      "10003": 'Switch on the "site form" widget with this routeKey in Calltouch or correct the routeKey.',
      token:
        "Check CALLTOUCH_TOKEN (or CALLTOUCH_TOKEN_FILE): Calltouch refused the token; copy it from Integrations -> API and Webhooks -> API.",
      endpoint: "Check CALLTOUCH_API_URL: the server there does not offer the Calltouch callback API.",
    })[p.which],

  // ---- errors ----
  /**
   * `ctdial watch <target>` given something that is not a folder: a table's name that is not there
   * (`no-table`), a folder that is not there (`missing`; `gone`: the service's own check), a file.
   */
  E_WATCH_FOLDER: (p: {
    target: string;
    problem: "no-table" | "missing" | "gone" | "file";
    name?: string;
  }) => {
    switch (p.problem) {
      case "no-table":
        return `there is no ${p.target} here, and \`ctdial watch\` serves a folder: to dial one file use \`ctdial run <file>\` with the file's right name, or give the folder to serve: ctdial watch <folder>.`;
      case "missing":
        return `the campaigns folder ${p.target} does not exist; create it (mkdir ${p.target}), or name the folder to serve: ctdial watch <folder>.`;
      case "gone":
        return `the campaigns folder ${p.target} does not exist; create it, or give the folder to watch: ctdial watch <folder>.`;
      case "file":
        return `${p.target} is a file, not a folder: to dial one file use \`ctdial run ${p.target}\`; \`ctdial watch\` serves a folder that files are dropped into (${p.name ?? p.target} could go into one).`;
    }
  },
  /** Options of one service given to the other (`--no-wait` to a sheet, `--once` to a sheet, `--interval` to a folder). */
  E_WATCH_OPTIONS: (p: { options: readonly string[]; for: "folder" | "sheet" }) => {
    const names = p.options.join(", ");
    const one = p.options.length === 1;
    return p.for === "folder"
      ? `${names} ${one ? "applies" : "apply"} to a campaigns folder, not to a Google Sheet; leave ${one ? "it" : "them"} out.`
      : `${names} ${one ? "applies" : "apply"} to following a Google Sheet, not to a campaigns folder (a file's own campaign file sets its tab and mapping); leave ${one ? "it" : "them"} out.`;
  },
  watchParallelInvalid: (p: { value: string }) => `expected a whole number from 1 up, got "${p.value}".`,

  // ---- ctdial watch --help ----
  watchHelpDescription: () =>
    "serve a campaigns folder (every .csv/.tsv/.txt/.xlsx file dropped in is dialed), or follow a Google Sheet (new rows are dialed, results written back)",
  watchHelpTarget: () =>
    "the campaigns folder (default ./campaigns), or a Google Sheets link or campaign file",
  watchHelpRate: () => "requests per second, 0 < n <= 5 (default 5)",
  watchHelpSandbox: () => "send to the built-in Calltouch emulator instead of Calltouch",
  watchHelpLogLevel: () => "how much to log on stderr",
  watchHelpOnce: () => "a folder: run what is in it now, wait for it, and exit with the worst exit code",
  watchHelpNoWait: () => "a folder: when another ctdial sends from this machine, exit 3 instead of waiting",
  watchHelpParallel: () => "a folder: files dialed at once, sharing the rate (default 4)",
  watchHelpInterval: () => "a sheet: seconds between looks at it (default 15)",
  watchHelpYes: () => "a sheet: do not ask for confirmation before sending",
} satisfies Messages;
