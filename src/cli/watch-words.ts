/**
 * The folder service's events in words: one log line each, at its level (src/watch/ says only what
 * happened; see watch/folder-events.ts). STATUS.txt and the error notes are worded in watch-status.ts.
 */
import { basename } from "node:path";
import type { Logger } from "pino";
import type {
  CampaignNamed,
  FailureNote,
  FolderEvent,
  PauseCause,
  RecentEntry,
  WaitReason,
} from "../watch/folder-events.js";
import type { IgnoreReason } from "../watch/ignore-rules.js";
import { SOURCE_EXTENSIONS } from "../watch/ignore-rules.js";
import { reportNoteText, senderWaitText } from "./messages.js";
import { plural } from "./plural.js";
import { readableTime } from "./readable-time.js";

export type Level = "debug" | "info" | "warn" | "error";

export interface LogLine {
  readonly level: Level;
  readonly text: string;
  /** Structured fields for the JSON log (never a secret). */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** Logs a folder event in its words. */
export function logFolderEvent(logger: Logger, event: FolderEvent): void {
  const line = folderEventLine(event);
  if (line.fields === undefined) logger[line.level](line.text);
  else logger[line.level](line.fields, line.text);
}

export function folderEventLine(event: FolderEvent): LogLine {
  switch (event.kind) {
    case "watching":
      return {
        level: "info",
        text: `watching ${event.dir}${event.once ? " (once)" : ""}`,
        fields: { dir: event.dir, once: event.once },
      };
    case "picked-up": {
      const campaign = campaignText(event.campaign);
      return {
        level: "info",
        text: `${event.file}: picked up (${campaign})`,
        fields: { file: event.file, campaign },
      };
    }
    case "file-warning":
      return { level: "warn", text: `${event.file}: ${event.message}`, fields: { file: event.file } };
    case "unexpected-error":
      return {
        level: "error",
        text: `${event.file}: unexpected error: ${event.message} (this is a bug in ctdial)`,
        fields: { file: event.file },
      };
    case "paused": {
      const advice = folderPauseAdvice(event.cause);
      return {
        level: "error",
        text: `paused: ${pauseReason(event.cause)}.${advice === undefined ? "" : ` ${advice}`} Files stay in the folder; nothing needs restarting: ctdial checks again by itself at ${readableTime(event.nextCheck)} and resumes once Calltouch accepts requests.`,
        fields: { code: event.cause.code, nextCheck: new Date(event.nextCheck).toISOString() },
      };
    }
    case "resumed":
      return { level: "info", text: "Calltouch accepts requests again: the folder resumes" };
    case "file-waits": {
      const zone = event.why.kind === "daily-limit" ? event.why.zone : undefined;
      return {
        level: "warn",
        text: `${event.file}: waits: ${waitReasonText(event.why, readableTime(event.until, zone))}`,
        fields: { file: event.file, until: new Date(event.until).toISOString() },
      };
    }
    case "file-done":
      return { level: "info", text: `${doneLine(event.entry)}; moved to ${event.entry.to}/` };
    case "file-failed":
      return { level: "error", text: `${event.file}: moved to ${event.to}/: ${errorNoteText(event.note)}` };
    case "move-waits": {
      const text = event.left.map((l) => `${l.name} (${l.code ?? "busy"})`).join(", ");
      return {
        level: "warn",
        text: `${event.file}: cannot move ${text} yet (open in another program?); trying again`,
      };
    }
    case "file-left": {
      const renamed = event.renamedTo === undefined ? "" : ` (renamed to ${event.renamedTo})`;
      return {
        level: "warn",
        text: `${event.file}: left the folder while it ran${renamed}: stopping it; requests in flight finish, rows not sent stay in its journal`,
        fields: {
          file: event.file,
          ...(event.renamedTo === undefined ? {} : { renamedTo: event.renamedTo }),
        },
      };
    }
    case "file-left-stopped":
      return {
        level: "info",
        text: `${event.file}: stopped after sending ${plural(event.sent, "row")}; ${plural(event.notSent, "row")} not sent under this name`,
        fields: { file: event.file, sent: event.sent, notSent: event.notSent },
      };
    case "file-changed":
      return {
        level: "warn",
        text: `${event.file}: ${event.running ? "changed while it ran: stopping it" : "changed since it was read: not moved to done/"}; it runs again once the file is quiet, sending only rows not sent yet`,
        fields: { file: event.file },
      };
    case "file-came-back":
      return {
        level: "info",
        text: `${event.file}: the same list as ${event.was}, which left the folder while it ran: phones accepted under that name are not dialed again`,
        fields: { file: event.file, was: event.was },
      };
    case "finish-error":
      return { level: "error", text: `${event.file}: ${event.message}` };
    case "passed-over":
      return event.own
        ? { level: "debug", text: `${event.file}: passed over: ${ignoreReasonText(event.reason)}` }
        : { level: "info", text: `${event.file}: ignored: ${ignoreReasonText(event.reason)}` };
    case "scan-failed":
      return { level: "error", text: `cannot read the campaigns folder ${event.dir}: ${event.message}` };
    case "waiting-for-sender":
      return { level: "warn", text: senderWaitText(event.holder) };
    case "file-events-off":
      return { level: "debug", text: `no file events for ${event.dir} (${event.message}); scanning only` };
    case "stopped":
      return { level: "info", text: "stopped: requests in flight finished and reports were written" };
  }
}

/** "Calltouch answered 10001: no callback minutes left" */
export function pauseReason(cause: PauseCause): string {
  return `Calltouch answered ${cause.code}: ${cause.message}`;
}

/** Why a file waits, and when it goes on (`at`, already in words) where that is known. */
export function waitReasonText(why: WaitReason, at?: string): string {
  const then = at === undefined ? "" : ` at ${at}`;
  switch (why.kind) {
    case "report-held":
      return `${reportNoteText(why.report, why.notWritten)}; tried again${then || " shortly"}`;
    case "daily-limit":
      return `${why.message}; it goes on the next day${then}`;
    case "stopped":
      return `${why.message}; it is tried again${then || " shortly"}`;
    case "not-now":
      return at === undefined ? why.message : `${why.message}; tried again${then}`;
    case "unexpected":
      return `an unexpected error: ${why.message}; tried again${then || " shortly"}`;
    case "finishing-failed":
      return `an error while finishing it; tried again${then || " in a minute"}`;
  }
}

/**
 * What to do about a pause, in the folder's terms: the engine's advice ends "then run the same command
 * again", which is not true of a folder (it resumes by itself), so that clause is left out.
 */
export function folderPauseAdvice(cause: PauseCause): string | undefined {
  if (cause.advice === undefined) return undefined;
  const advice = cause.advice
    .replace(/,?\s*(and |then )?run the same command again[^.]*\.?$/i, ".")
    .replace(/^\s*\.$/, "")
    .trim();
  return advice === "" ? undefined : advice;
}

const AGAIN =
  "Fix it and put the file back into the campaigns folder; rows already sent will not be sent again.";

/** The paragraph of `<name>.error.txt`: what happened, then what to do. */
export function errorNoteText(note: FailureNote): string {
  switch (note.kind) {
    case "widget-refused": {
      const sent = `${plural(note.sent, "row")} ${note.sent === 1 ? "was" : "were"} sent before that`;
      const advice = note.advice === undefined ? "" : `${note.advice} `;
      const keys = note.routeKeys;
      const which = keys.length === 0 ? "of this file" : `${keys.length > 1 ? "s" : ""} ${keys.join(", ")}`;
      const said = `Calltouch refused the widget key${which.startsWith("of") ? ` ${which}` : which}: ${note.calltouchMessage}`;
      return `${note.file} was stopped: ${said} (error 10003). ${advice}${sent}; the report lists every row. ${AGAIN}`;
    }
    case "input-changed":
      return `${sentence(note.message)} ${AGAIN}`;
    case "cannot-run":
      return `${note.file} could not be run: ${sentence(note.message)} ${AGAIN}`;
    case "report-name-taken":
      return `${note.file} could not be run: its report would be written as ${note.report}, and the ${note.report} in the campaigns folder is not a ctdial report; ctdial never writes over a file it did not write, so ${note.report} was left where it is. Rename ${note.report}, or rename ${note.file} (its report is named after it), then put ${note.file} back into the campaigns folder; rows already sent will not be sent again.`;
  }
}

/**
 * "clients.csv: 12 rows: sent 10, invalid 2". Rows sent by an earlier run (the file was dropped again)
 * are told apart: "40 rows: already sent earlier, nothing to do", "12 rows: sent 2, already sent
 * earlier 10".
 */
export function doneLine(entry: Extract<RecentEntry, { kind: "done" }>): string {
  const sent = entry.counts.sent ?? 0;
  const now = Math.min(entry.sentNow, sent);
  const before = sent - now;
  const parts = Object.entries(entry.counts)
    .filter(([, n]) => n > 0)
    .flatMap(([status, n]) => {
      if (status !== "sent" || before === 0) return [`${status} ${n}`];
      return now === 0
        ? [`already sent earlier ${before}`]
        : [`sent ${now}`, `already sent earlier ${before}`];
    });
  const rows = `${entry.file}: ${plural(entry.total, "row")}`;
  if (parts.length === 0) return `${rows}: nothing to do`;
  // Every row was settled by an earlier run: this run had nothing to send.
  if (before > 0 && now === 0 && before === entry.total)
    return `${rows}: already sent earlier, nothing to do`;
  return `${rows}: ${parts.join(", ")}`;
}

const IGNORED: Record<Exclude<IgnoreReason, "not-a-table">, string> = {
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

export function ignoreReasonText(reason: IgnoreReason): string {
  if (reason === "not-a-table") return `not a table ctdial reads (${SOURCE_EXTENSIONS.join(", ")})`;
  return IGNORED[reason];
}

function campaignText(campaign: CampaignNamed | undefined): string {
  if (campaign === undefined) return "columns mapped by their headers";
  return campaign.beside ? `campaign file ${basename(campaign.path)}` : `campaign file ${campaign.path}`;
}

/** A message as one sentence of a paragraph: its lines joined ("path: problem; path: problem"), ending in a full stop. */
function sentence(message: string): string {
  const lines = message
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const [head = "", ...rest] = lines;
  const joined = rest.length === 0 ? head : `${head.replace(/:$/, "")}: ${rest.join("; ")}`;
  return /[.!?]$/.test(joined) ? joined : `${joined}.`;
}
