import type { RunWait } from "../engine/run-state.js";
import type { ReportNotWritten, RunStop, RunSummary } from "../engine/summary.js";
import { type CtdialError, type ErrorParams, errorSentence, isCtdialError } from "../errors.js";
import type { SenderHolder } from "../journal/sender-lock.js";
import { formatCountdown } from "./countdown.js";
import { currentLang } from "./lang.js";
import { noun, plural } from "./plural.js";
import { readableTime } from "./readable-time.js";

/**
 * Every sentence the CLI makes from what the engine, the dispatcher and the journal hand it (codes,
 * kinds, parameters), in one place: a later catalog in another language replaces this file. An error
 * whose code is not here is shown in its own (default English) message.
 */

type Render = (params: ErrorParams) => string;

const text = (value: unknown): string => (Array.isArray(value) ? value.join(" ") : String(value));

const ERRORS: Readonly<Record<string, Render>> = {
  E_STATE_DIR: (p) =>
    `cannot use the state directory ${text(p.dir)} (${text(p.errno)}); check its permissions and free space, or choose another with --state-dir`,
  E_JOURNAL_WRITE: (p) =>
    `cannot write the journal ${text(p.path)} (${text(p.errno)}); free disk space or fix its permissions, then run the same command again`,
  E_JOURNAL_LOCKED: (p) =>
    `this campaign is being run by ${p.pid === undefined ? "another ctdial" : `another ctdial (process ${text(p.pid)})`}; wait for it to finish, or delete ${text(p.lockFile)} if no ctdial is running`,
  E_JOURNAL_VERSION: (p) =>
    Number(p.version) > Number(p.supported)
      ? `the journal ${text(p.path)} was written by a newer ctdial (format ${text(p.version)}); upgrade ctdial to continue this campaign`
      : `the journal ${text(p.path)} has format ${text(p.version)}, which this ctdial cannot read; use the ctdial that wrote it`,
  E_JOURNAL_NOT_JOURNAL: (p) =>
    `${text(p.path)} is not a ctdial journal (its first line is not a journal header); move it out of the journals folder and run again`,
  E_JOURNAL_CORRUPT: (p) =>
    `the journal ${text(p.path)} is damaged at line ${text(p.line)}; move the file aside to start the campaign afresh (ctdial then forgets which rows were already sent)`,
  E_JOURNAL_OWNER: (p) =>
    `the journal ${text(p.path)} belongs to another campaign (${text(p.source)}, routeKey "${text(p.routeKey)}"); move it aside and run again`,
  E_SENDER_BUSY: (p) =>
    senderBusyText(
      typeof p.pid === "number" ? { pid: p.pid, command: text(p.command), since: text(p.since) } : undefined,
    ),
  E_INPUT_MIDRUN: (p) =>
    `${text(p.inputMessage)} Sending stopped there after ${sentRows(Number(p.sent))}; fix the file and run the same command again (rows already sent will not be sent twice).`,
};

/** Who sends from this machine now, as a person reads it (the time in the machine's zone). */
export function senderBusyText(holder: SenderHolder | undefined): string {
  if (holder === undefined) return "another ctdial is sending from this machine";
  const since = Date.parse(holder.since);
  const when = Number.isNaN(since) ? holder.since : readableTime(since);
  return `another ctdial is sending from this machine (process ${holder.pid}: ${holder.command}, since ${when})`;
}

/** Said once when this ctdial waits for the other sender. */
export function senderWaitText(holder: SenderHolder | undefined): string {
  return `${senderBusyText(holder)}; waiting for it to finish (Calltouch's limit is per machine)`;
}

/** The sentence stderr (and --json's error object) shows for a CtdialError. */
export function errorText(error: CtdialError): string {
  if (error.said !== undefined) return errorSentence(currentLang(), error);
  const render = ERRORS[error.code];
  return render === undefined ? error.message : render(error.params);
}

function sentRows(n: number): string {
  return `${plural(n, "row")} ${noun(n, "was", "were")} sent`;
}

const PENDING_ADVICE = "Run the same command again to send the pending rows.";

/** When the call window opens, as a person reads it, in the campaign's zone (the engine gives ISO). */
function opensAtText(opensAt: unknown, zone: unknown): string {
  const at = Date.parse(String(opensAt));
  return Number.isNaN(at) ? text(opensAt) : readableTime(at, typeof zone === "string" ? zone : undefined);
}

/** A stop as the summary tells it: what happened, and what to do next. */
export function stopText(stop: RunStop): { readonly message: string; readonly advice: string } {
  const p = stop.params ?? {};
  switch (stop.kind) {
    case "calltouch-refusal": {
      const keys = p.routeKeys;
      if (Array.isArray(keys) && keys.length > 0) {
        return {
          message: `Calltouch refused the widget ${noun(keys.length, "key")} ${keys.join(", ")}: ${stop.message}`,
          advice: stop.advice ?? "Switch on the widget with this routeKey in Calltouch, then run again.",
        };
      }
      return { message: stop.message, advice: stop.advice ?? PENDING_ADVICE };
    }
    case "signal":
      return {
        message:
          p.while === "call-window"
            ? "stopped while waiting for the call window"
            : "the run was interrupted by a signal before the row was sent",
        advice: PENDING_ADVICE,
      };
    case "daily-limit":
      return {
        message: `the daily limit of ${text(p.limit)} accepted requests is reached (${text(p.used)} accepted today)`,
        advice: "Run the same command again tomorrow, or raise dailyLimit in the campaign file.",
      };
    case "call-window":
      return {
        message: `outside the call window (${text(p.from)}-${text(p.to)}, ${text(p.days)}, ${text(p.zone)}); it opens at ${opensAtText(p.opensAt, p.zone)}`,
        advice: "Run the same command again then, or leave out --no-wait to wait for it.",
      };
    default:
      return {
        message: ERRORS[String(stop.code)]?.(p) ?? stop.message,
        advice:
          stop.advice ??
          (stop.code === "E_HOOK"
            ? "Fix the problem above, then run the same command again."
            : PENDING_ADVICE),
      };
  }
}

/** The "Stopped:" line of the summary; Calltouch's refusals name its code. */
export function stoppedLine(stop: RunStop): string {
  const { message } = stopText(stop);
  return stop.kind === "calltouch-refusal"
    ? `Stopped: Calltouch answered ${stop.code}: ${message}`
    : `Stopped: ${message}`;
}

/** Why the report was not (re)written, and how to get it. */
export function reportNoteText(report: string, why: ReportNotWritten): string {
  switch (why.reason) {
    case "another-run":
      return `${report} was left alone: a ctdial run of this campaign (process ${why.pid}) is sending and writes it when it ends`;
    case "failed":
      return `${failureText(why).replace(/\.$/, "")}; the journal has every result: \`ctdial validate\` on the same file writes the report again`;
    case "cut-short":
      return `${report} was not rewritten, to exit at once; the journal has every result: \`ctdial validate\` on the same file writes the report again, or the next \`ctdial run\` does`;
  }
}

/** The summary's "Report:" line. */
export function reportLine(summary: RunSummary): string {
  const { reportNotWritten: why } = summary;
  return why === undefined ? `Report: ${summary.report}` : `Report: ${reportNoteText(summary.report, why)}`;
}

/** A sink (`name`: "the report <path>", "the sheet ...") failed mid-run. */
export function sinkFailureText(name: string, error: unknown): string {
  return `${name} could not be written (${messageOf(error)}); sending goes on, and the journal keeps every result for the next run to write`;
}

/** A log line of an attempt could not be written. */
export function hookErrorText(error: unknown): string {
  return `a log line could not be written: ${messageOf(error)}`;
}

function messageOf(error: unknown): string {
  if (isCtdialError(error)) return errorText(error);
  return error instanceof Error ? error.message : String(error);
}

function failureText(why: {
  readonly code?: string;
  readonly message: string;
  readonly params?: ErrorParams;
}): string {
  const render = why.code === undefined ? undefined : ERRORS[why.code];
  return render === undefined ? why.message : render(why.params ?? {});
}

/** What sending waits for, as the progress line and STATUS.txt say it at `now`. */
export function runWaitText(wait: RunWait, now: number): string {
  return `waiting for the call window, opens in ${formatCountdown(wait.opensAt - now)}`;
}
