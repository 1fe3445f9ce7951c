import type { RunWait } from "../engine/run-state.js";
import type { ReportNotWritten, RunStop, RunSummary } from "../engine/summary.js";
import { type CtdialError, type ErrorParams, errorSentence, isCtdialError } from "../errors.js";
import { isKey, type Said, say } from "../i18n/catalog.js";
import type { SenderHolder } from "../journal/sender-lock.js";
import type { SinkTarget } from "../sinks/outcome-sink.js";
import { currentLang, t, tell } from "./lang.js";

/**
 * The sentences the CLI makes from what the engine, the dispatcher and the journal hand it (codes,
 * kinds, parameters), in the user's language (src/i18n/catalog/run.*.ts). A few codes the CLI words
 * its own way (it can name --state-dir, show a time as a person reads it); every other code that is
 * a catalog key is said from its parameters; anything else is shown in its own message.
 */

type Render = (params: ErrorParams) => string;

/** Codes the CLI words differently from the library's sentence. */
const CLI_WORDS: Readonly<Record<string, Render>> = {
  E_STATE_DIR: (p) => t().runStateDirCli(p as { dir: string; errno: string }),
  E_JOURNAL_WRITE: (p) => t().runJournalWriteCli(p as { path: string; errno: string }),
  E_SENDER_BUSY: (p) =>
    senderBusyText(
      typeof p.pid === "number"
        ? { pid: p.pid, command: String(p.command), since: String(p.since) }
        : undefined,
    ),
  E_INPUT_MIDRUN: (p) => t().runInputMidrunCli({ input: inputSentence(p), sent: Number(p.sent) }),
};

/** The input error a mid-run stop carries (its code and params are spread into the stop's params). */
function inputSentence(p: ErrorParams): string {
  const code = p.inputCode;
  if (typeof code === "string" && isKey(code)) return say(currentLang(), { code, params: p } as Said);
  return String(p.inputMessage);
}

/** A code and its parameters in the user's language, if the code is one the CLI or the catalog knows. */
function wordsFor(code: string | number | undefined, params: ErrorParams): string | undefined {
  if (code === undefined) return undefined;
  const own = CLI_WORDS[String(code)];
  if (own !== undefined) return own(params);
  const key = String(code);
  return isKey(key) ? say(currentLang(), { code: key, params } as Said) : undefined;
}

/** Who sends from this machine now, as a person reads it (the time in the machine's zone). */
export function senderBusyText(holder: SenderHolder | undefined): string {
  return t().runSenderBusy(holder ?? {});
}

/** Said once when this ctdial waits for the other sender. */
export function senderWaitText(holder: SenderHolder | undefined): string {
  return t().runSenderWait({ busy: senderBusyText(holder) });
}

/** The sentence stderr (and --json's error object) shows for a CtdialError. */
export function errorText(error: CtdialError): string {
  const own = CLI_WORDS[error.code];
  if (own !== undefined) return own(error.params);
  if (error.said !== undefined) return errorSentence(currentLang(), error);
  return error.message;
}

/** What the thrower advises, in the user's language (Calltouch's refusals carry their own). */
function adviceOf(stop: RunStop): string | undefined {
  return stop.adviceSaid !== undefined ? tell(stop.adviceSaid) : stop.advice;
}

/** A stop as the summary tells it: what happened, and what to do next. */
export function stopText(stop: RunStop): { readonly message: string; readonly advice: string } {
  const p = stop.params ?? {};
  const words = t();
  switch (stop.kind) {
    case "calltouch-refusal": {
      // Calltouch's own message verbatim; ctdial's words for it (when Calltouch gave none) as data.
      const message = stop.messageSaid !== undefined ? tell(stop.messageSaid) : stop.message;
      const keys = p.routeKeys;
      if (Array.isArray(keys) && keys.length > 0) {
        return {
          message: words.runStopWidgets({ keys: keys as readonly string[], message }),
          advice: adviceOf(stop) ?? words.runAdviceWidget(),
        };
      }
      return { message, advice: adviceOf(stop) ?? words.runAdvicePending() };
    }
    case "signal":
      return {
        message: words.SIGNAL(typeof p.while === "string" ? { while: p.while } : {}),
        advice: words.runAdvicePending(),
      };
    case "daily-limit":
      return {
        message: words.E_DAILY_LIMIT({ limit: Number(p.limit), used: Number(p.used) }),
        advice: words.runAdviceDailyLimit(),
      };
    case "call-window":
      return {
        message: words.runCallWindowCli({
          from: String(p.from),
          to: String(p.to),
          days: Array.isArray(p.days) ? (p.days as readonly string[]) : [String(p.days)],
          zone: String(p.zone),
          opensAt: String(p.opensAt),
        }),
        advice: words.runAdviceCallWindow(),
      };
    default:
      return {
        message: wordsFor(stop.code, p) ?? stop.message,
        advice:
          adviceOf(stop) ?? (stop.code === "E_HOOK" ? words.runAdviceFixAbove() : words.runAdvicePending()),
      };
  }
}

/** The "Stopped:" line of the summary; Calltouch's refusals name its code. */
export function stoppedLine(stop: RunStop): string {
  const { message } = stopText(stop);
  return stop.kind === "calltouch-refusal"
    ? t().runStopped({ message, code: String(stop.code) })
    : t().runStopped({ message });
}

/** Why the report was not (re)written, and how to get it. */
export function reportNoteText(report: string, why: ReportNotWritten): string {
  switch (why.reason) {
    case "another-run":
      return t().runReportAnotherRun({ report, pid: why.pid });
    case "failed":
      return t().runReportFailed({ failure: failureText(why).replace(/\.$/, "") });
    case "cut-short":
      return t().runReportCutShort({ report });
  }
}

/** The summary's "Report:" line. */
export function reportLine(summary: RunSummary): string {
  const { reportNotWritten: why } = summary;
  return t().runReportLine({
    text: why === undefined ? summary.report : reportNoteText(summary.report, why),
  });
}

/** A sink (`name`: "the report <path>", "the sheet ...") failed mid-run. */
export function sinkFailureText(name: string, error: unknown, target?: SinkTarget): string {
  const named = target === undefined ? name : t().runSinkName(target);
  return t().runSinkFailure({ name: named, message: messageOf(error) });
}

/** A log line of an attempt could not be written. */
export function hookErrorText(error: unknown): string {
  return t().runHookError({ message: messageOf(error) });
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
  return wordsFor(why.code, why.params ?? {}) ?? why.message;
}

/** What sending waits for, as the progress line and STATUS.txt say it at `now`. */
export function runWaitText(wait: RunWait, now: number): string {
  return t().runWaitCallWindow({ ms: wait.opensAt - now });
}
