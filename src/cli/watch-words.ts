/**
 * The folder service's events in words: one log line each, at its level (src/watch/ says only what
 * happened; see watch/folder-events.ts), from the catalog's watch area in the process's language.
 * STATUS.txt and the error notes are worded in watch-status.ts, in the folder's language.
 */
import { basename } from "node:path";
import type { Logger } from "pino";
import type { ReportNotWritten } from "../engine/summary.js";
import { configProblemText } from "../errors.js";
import type { FolderAdviceWord } from "../i18n/catalog/watch.en.js";
import { isKey, type Said, say, words } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import type { SenderHolder } from "../journal/sender-lock.js";
import type {
  CampaignNamed,
  FailureNote,
  FolderEvent,
  PauseCause,
  RecentEntry,
  SaidAs,
  WaitReason,
} from "../watch/folder-events.js";
import type { IgnoreReason } from "../watch/ignore-rules.js";
import { SOURCE_EXTENSIONS } from "../watch/ignore-rules.js";
import { currentLang } from "./lang.js";

export type Level = "debug" | "info" | "warn" | "error";

export interface LogLine {
  readonly level: Level;
  readonly text: string;
  /** Structured fields for the JSON log (never a secret). */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** Logs a folder event in its words. */
export function logFolderEvent(logger: Logger, event: FolderEvent, lang: Lang = currentLang()): void {
  const line = folderEventLine(event, lang);
  if (line.fields === undefined) logger[line.level](line.text);
  else logger[line.level](line.fields, line.text);
}

export function folderEventLine(event: FolderEvent, lang: Lang = currentLang()): LogLine {
  const w = words(lang);
  switch (event.kind) {
    case "watching":
      return {
        level: "info",
        text: w.watchWatching({ dir: event.dir, once: event.once }),
        fields: { dir: event.dir, once: event.once },
      };
    case "picked-up": {
      const campaignFile = campaignFileOf(event.campaign);
      return {
        level: "info",
        text: w.watchPickedUp({ file: event.file, ...campaignFile }),
        // The JSON log's field stays in English whatever the language: scripts read it.
        fields: { file: event.file, campaign: words("en").watchCampaignNamed(campaignFile) },
      };
    }
    case "file-warning":
      return {
        level: "warn",
        text: `${event.file}: ${event.said === undefined ? event.message : say(lang, event.said)}`,
        fields: { file: event.file },
      };
    case "unexpected-error":
      return {
        level: "error",
        text: w.watchUnexpectedError({ file: event.file, message: event.message }),
        fields: { file: event.file },
      };
    case "paused": {
      const advice = folderPauseAdvice(event.cause, lang);
      return {
        level: "error",
        text: w.watchPausedLog({
          code: event.cause.code,
          message: pauseMessage(event.cause, lang),
          ...(advice === undefined ? {} : { advice }),
          nextCheck: event.nextCheck,
        }),
        fields: { code: event.cause.code, nextCheck: new Date(event.nextCheck).toISOString() },
      };
    }
    case "resumed":
      return { level: "info", text: w.watchResumed() };
    case "file-waits": {
      const zone = event.why.kind === "daily-limit" ? event.why.zone : undefined;
      return {
        level: "warn",
        text: w.watchFileWaits({ file: event.file, why: waitReasonText(event.why, lang, event.until, zone) }),
        fields: { file: event.file, until: new Date(event.until).toISOString() },
      };
    }
    case "file-done":
      return {
        level: "info",
        text: w.watchFileDone({ line: doneLine(event.entry, lang), to: event.entry.to }),
      };
    case "file-failed":
      return {
        level: "error",
        text: w.watchFileFailed({ file: event.file, to: event.to, note: errorNoteText(event.note, lang) }),
      };
    case "move-waits": {
      const left = event.left.map((l) => `${l.name} (${l.code ?? w.watchBusy()})`);
      return { level: "warn", text: w.watchMoveWaits({ file: event.file, left }) };
    }
    case "file-left":
      return {
        level: "warn",
        text: w.watchFileLeft({
          file: event.file,
          ...(event.renamedTo === undefined ? {} : { renamedTo: event.renamedTo }),
        }),
        fields: {
          file: event.file,
          ...(event.renamedTo === undefined ? {} : { renamedTo: event.renamedTo }),
        },
      };
    case "file-left-stopped":
      return {
        level: "info",
        text: w.watchFileLeftStopped({ file: event.file, sent: event.sent, notSent: event.notSent }),
        fields: { file: event.file, sent: event.sent, notSent: event.notSent },
      };
    case "file-changed":
      return {
        level: "warn",
        text: w.watchFileChanged({ file: event.file, running: event.running }),
        fields: { file: event.file },
      };
    case "file-came-back":
      return {
        level: "info",
        text: w.watchFileCameBack({ file: event.file, was: event.was }),
        fields: { file: event.file, was: event.was },
      };
    case "finish-error":
      return { level: "error", text: `${event.file}: ${saidText(event, lang)}` };
    case "passed-over": {
      const text = w.watchPassedOver({
        file: event.file,
        own: event.own,
        reason: ignoreReasonText(event.reason, lang),
      });
      return { level: event.own ? "debug" : "info", text };
    }
    case "scan-failed":
      return { level: "error", text: w.watchScanFailed({ dir: event.dir, message: event.message }) };
    case "waiting-for-sender":
      return { level: "warn", text: w.watchSenderWait(holderParams(event.holder)) };
    case "file-events-off":
      return { level: "debug", text: w.watchEventsOff({ dir: event.dir, message: event.message }) };
    case "stopped":
      return { level: "info", text: w.watchStoppedLog() };
  }
}

/** "Calltouch answered 10001: no callback minutes left" */
export function pauseReason(cause: PauseCause, lang: Lang = currentLang()): string {
  return words(lang).watchPauseReason({ code: cause.code, message: pauseMessage(cause, lang) });
}

/**
 * A sentence another part of ctdial said, in `lang`: from its catalog key when it has one, else its
 * (English) message as it is. English is always the message itself, as it was written.
 */
export function saidText(what: { readonly message: string } & SaidAs, lang: Lang): string {
  if (lang === "en" || what.said === undefined || !isKey(what.said.code)) return what.message;
  const sentence = say(lang, what.said);
  // A stop's parameters that do not fit its key (an error still made the old way) leave holes.
  if (/undefined|NaN/.test(sentence)) return what.message;
  const found = (what.found ?? []).map((problem) => configProblemText(lang, problem));
  return [sentence, ...found].join("\n  ");
}

/** Why a file waits, and when it goes on (`at`, epoch ms, in `zone`, else the machine's) where that is known. */
export function waitReasonText(
  why: WaitReason,
  lang: Lang = currentLang(),
  at?: number,
  zone?: string,
): string {
  const w = words(lang);
  const when = { ...(at === undefined ? {} : { at }), ...(zone === undefined ? {} : { zone }) };
  switch (why.kind) {
    case "report-held":
      return w.watchWaitReportHeld({ note: reportNoteText(why.report, why.notWritten, lang), ...when });
    case "daily-limit":
      return w.watchWaitDailyLimit({ message: saidText(why, lang), ...when });
    case "stopped":
      return w.watchWaitStopped({ message: saidText(why, lang), ...when });
    case "not-now":
      return w.watchWaitNotNow({ message: saidText(why, lang), ...when });
    case "unexpected":
      return w.watchWaitUnexpected({ message: why.message, ...when });
    case "finishing-failed":
      return w.watchWaitFinishing(when);
  }
}

/** Why the report was not (re)written, and how to get it. */
export function reportNoteText(report: string, why: ReportNotWritten, lang: Lang = currentLang()): string {
  const w = words(lang);
  switch (why.reason) {
    case "another-run":
      return w.watchReportAnotherRun({ report, pid: why.pid });
    case "failed": {
      const said =
        why.code !== undefined && isKey(why.code)
          ? ({ code: why.code, params: why.params ?? {} } as unknown as Said)
          : undefined;
      return w.watchReportFailed({
        failure: saidText({ message: why.message, ...(said === undefined ? {} : { said }) }, lang),
      });
    }
    case "cut-short":
      return w.watchReportCutShort({ report });
  }
}

/** Which of Calltouch's stop advices `advice` is (they are worded again for a folder), if one. */
function adviceWord(advice: Said | undefined): FolderAdviceWord | undefined {
  return advice?.code === "runStopAdvice" ? (advice.params as { which: FolderAdviceWord }).which : undefined;
}

/** What Calltouch said, or ctdial's words for it (when Calltouch gave none) in `lang`. */
export function pauseMessage(cause: PauseCause, lang: Lang = currentLang()): string {
  return cause.messageSaid === undefined ? cause.message : say(lang, cause.messageSaid);
}

/**
 * What to do about a pause, in the folder's terms: the engine's advice ends "then run the same command
 * again", which is not true of a folder (it resumes by itself), so that clause is left out.
 */
export function folderPauseAdvice(cause: PauseCause, lang: Lang = currentLang()): string | undefined {
  const known = adviceWord(cause.adviceSaid);
  if (known !== undefined) return words(lang).watchFolderAdvice({ which: known });
  const given = cause.adviceSaid === undefined ? cause.advice : say(lang, cause.adviceSaid);
  if (given === undefined) return undefined;
  const advice = given
    .replace(/,?\s*(and |then )?run the same command again[^.]*\.?$/i, ".")
    .replace(/^\s*\.$/, "")
    .trim();
  return advice === "" ? undefined : advice;
}

/** The paragraph of `<name>.error.txt`: what happened, then what to do. */
export function errorNoteText(note: FailureNote, lang: Lang = currentLang()): string {
  const w = words(lang);
  switch (note.kind) {
    case "widget-refused": {
      // English keeps Calltouch's advice as the engine gave it; another language words it in the folder's terms.
      const known = lang === "en" ? undefined : adviceWord(note.adviceSaid);
      const advice =
        known !== undefined
          ? w.watchFolderAdvice({ which: known })
          : note.adviceSaid !== undefined
            ? say(lang, note.adviceSaid)
            : note.advice;
      return w.watchNoteWidgetRefused({
        file: note.file,
        routeKeys: note.routeKeys,
        calltouchMessage: note.calltouchMessage,
        ...(advice === undefined ? {} : { advice }),
        sent: note.sent,
      });
    }
    case "input-changed":
      return w.watchNoteInputChanged({ message: sentence(saidText(note, lang)) });
    case "cannot-run":
      return w.watchNoteCannotRun({ file: note.file, message: sentence(saidText(note, lang)) });
    case "report-name-taken":
      return w.watchNoteReportNameTaken({ file: note.file, report: note.report });
  }
}

/**
 * "clients.csv: 12 rows: sent 10, invalid 2". Rows sent by an earlier run (the file was dropped again)
 * are told apart: "40 rows: already sent earlier, nothing to do", "12 rows: sent 2, already sent
 * earlier 10".
 */
export function doneLine(entry: Extract<RecentEntry, { kind: "done" }>, lang: Lang = currentLang()): string {
  const w = words(lang);
  const sent = entry.counts.sent ?? 0;
  const now = Math.min(entry.sentNow, sent);
  const before = sent - now;
  const parts = Object.entries(entry.counts)
    .filter(([, n]) => n > 0)
    .flatMap(([status, n]) => {
      if (status !== "sent" || before === 0) return [w.watchCountPart({ status, count: n })];
      return now === 0
        ? [w.watchSentEarlierPart({ count: before })]
        : [w.watchCountPart({ status, count: now }), w.watchSentEarlierPart({ count: before })];
    });
  // Every row was settled by an earlier run: this run had nothing to send.
  const allEarlier = before > 0 && now === 0 && before === entry.total;
  return w.watchDoneLine({ file: entry.file, total: entry.total, parts, allEarlier });
}

/** The counts of a running or finished file: "sent 10, invalid 2" (zero counts left out). */
export function countParts(counts: Readonly<Record<string, number>>, lang: Lang): string[] {
  const w = words(lang);
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([status, count]) => w.watchCountPart({ status, count }));
}

export function ignoreReasonText(reason: IgnoreReason, lang: Lang = currentLang()): string {
  return words(lang).watchIgnoreReason({ reason, extensions: SOURCE_EXTENSIONS });
}

/** The sender lock's holder as the catalog takes it (none of it when the lock does not say). */
export function holderParams(holder: SenderHolder | undefined): {
  pid?: number;
  command?: string;
  since?: string;
} {
  return holder === undefined ? {} : { pid: holder.pid, command: holder.command, since: holder.since };
}

function campaignFileOf(campaign: CampaignNamed | undefined): { campaignFile?: string } {
  if (campaign === undefined) return {};
  return { campaignFile: campaign.beside ? basename(campaign.path) : campaign.path };
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
