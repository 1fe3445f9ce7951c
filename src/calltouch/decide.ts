import type { RowAdviceWhich, StopAdviceWhich } from "../i18n/catalog/run.en.js";
import { type Said, said, say } from "../i18n/catalog.js";
import type { OutcomeText } from "../outcome-text.js";
import type { CallOutcome, Decision } from "./types.js";

/** Facts about the row and the campaign that change what an outcome means. */
export interface DecideContext {
  /**
   * The row's routeKey is the campaign-wide one (not from a per-row column): 10003 then stops the whole
   * campaign, because every remaining row would meet the same refusal.
   * @default false
   */
  readonly routeKeyIsCampaignWide?: boolean;
  /**
   * The campaign allows resending a request whose answer was lost after it was written (it may
   * create a second callback).
   * @default false
   */
  readonly retryUnknown?: boolean;
  /**
   * The request carried a sessionId and the campaign allows sending it again without one when
   * Calltouch does not know the session (10004).
   * @default false
   */
  readonly resendWithoutSessionId?: boolean;
}

/** The campaign-stopping refusals' advice as data: the CLI and a folder word it in the reader's language. */
export const STOP_ADVICE_SAID: Readonly<Record<StopAdviceWhich, Said>> = {
  10001: said("runStopAdvice", { which: "10001" }),
  10002: said("runStopAdvice", { which: "10002" }),
  10003: said("runStopAdvice", { which: "10003" }),
  token: said("runStopAdvice", { which: "token" }),
  endpoint: said("runStopAdvice", { which: "endpoint" }),
};

/**
 * Advice for each campaign-stopping code, in English (for library users): one sentence a user can act
 * on. The same as data: STOP_ADVICE_SAID, and each stop's `adviceSaid`.
 */
export const STOP_ADVICE: Readonly<Record<StopAdviceWhich, string>> = {
  10001: say("en", STOP_ADVICE_SAID[10001]),
  10002: say("en", STOP_ADVICE_SAID[10002]),
  10003: say("en", STOP_ADVICE_SAID[10003]),
  token: say("en", STOP_ADVICE_SAID.token),
  endpoint: say("en", STOP_ADVICE_SAID.endpoint),
};

/** A stop's advice, in English and as data. */
function stopAdvice(which: StopAdviceWhich): { readonly advice: string; readonly adviceSaid: Said } {
  return { advice: STOP_ADVICE[which], adviceSaid: STOP_ADVICE_SAID[which] };
}

/** A failed row's advice, in English and as data. */
function rowAdvice(which: RowAdviceWhich): { readonly advice: string; readonly adviceSaid: Said } {
  const adviceSaid = said("runRowAdvice", { which });
  return { advice: say("en", adviceSaid), adviceSaid };
}

/** A stop's text: Calltouch's verbatim, or ctdial's words in English and as data. */
function stopMessage(text: string | Said): { readonly message: string; readonly messageSaid?: Said } {
  return typeof text === "string" ? { message: text } : { message: say("en", text), messageSaid: text };
}

/**
 * What a batch sender must do with one outcome: docs/calltouch-api.md's error table as one pure function. Calltouch's
 * own messages go into `message` verbatim; what ctdial adds goes into `advice`.
 */
export function decide(outcome: CallOutcome, context: DecideContext = {}): Decision {
  switch (outcome.kind) {
    case "accepted":
      return { action: "done", requestId: outcome.requestId };
    case "api-error":
      return decideApiError(outcome.code, outcome.message, context);
    case "validation-error":
      return {
        action: "fail",
        code: outcome.status,
        message: joinViolations(outcome.violations),
        ...rowAdvice("field"),
      };
    case "http-error":
      return decideStatus(outcome.status, outcome.message, outcome.retryAfterMs, context);
    case "bad-body":
      return decideBadBody(outcome, context);
    case "network":
      return decideNetwork(outcome, context);
  }
}

/**
 * Calltouch's message verbatim, or ctdial's words when it gave none (a stop keeps an English `message`
 * for library users and the words as data in `messageSaid`).
 */
function decideApiError(code: number, given: string, context: DecideContext): Decision {
  const row: OutcomeText = given || said("rowsCalltouchError", { code });
  const stop = stopMessage(row);
  switch (code) {
    case 1:
      return {
        action: "fail",
        code,
        message: row,
        bug: true,
        ...rowAdvice("bug"),
      };
    case 10001:
    case 10002:
      return { action: "stop-campaign", code, ...stop, ...stopAdvice(code === 10001 ? "10001" : "10002") };
    case 10003:
      return context.routeKeyIsCampaignWide
        ? { action: "stop-campaign", code, ...stop, ...stopAdvice("10003") }
        : { action: "stop-route", code, ...stop, ...stopAdvice("10003") };
    case 10004:
      if (context.resendWithoutSessionId) return { action: "resend-without-session", code, message: row };
      return {
        action: "fail",
        code,
        message: row,
        ...rowAdvice("10004"),
      };
    case 10005:
      return {
        action: "fail",
        code,
        message: row,
        ...rowAdvice("10005"),
      };
    case 10006:
      return {
        action: "fail",
        code,
        message: row,
        ...rowAdvice("10006"),
      };
    case 10007:
      return { action: "retry-later", code, message: row };
    case 10013:
      return { action: "fail", code, message: row, invalid: true };
    default:
      // An undocumented code: failing one row is the least harmful reading; the code is kept for the report.
      return { action: "fail", code, message: row };
  }
}

function decideStatus(
  status: number,
  message: string | undefined,
  retryAfterMs: number | undefined,
  context: DecideContext,
): Decision {
  const text = message ?? `HTTP ${status}`;
  const wait = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (status >= 200 && status < 300) return lostAnswer(status, missingId(status), context);
  if (status === 401 || status === 403) {
    return { action: "stop-campaign", code: status, message: text, ...stopAdvice("token") };
  }
  if (status === 429) return { action: "retry", code: status, message: text, slowDown: true, ...wait };
  if (status >= 500 || status === 408) return { action: "retry", code: status, message: text, ...wait };
  // A redirect or a missing path hits every row alike: the base URL is wrong, so stop rather than fail all.
  if (isWrongEndpoint(status)) {
    return { action: "stop-campaign", code: status, message: text, ...stopAdvice("endpoint") };
  }
  return { action: "fail", code: status, message: text };
}

function decideBadBody(
  outcome: Extract<CallOutcome, { kind: "bad-body" }>,
  context: DecideContext,
): Decision {
  const { status, snippet } = outcome;
  const text = said("rowsNotCalltouchAnswer", { status, snippet });
  if (status >= 200 && status < 300) return lostAnswer(status, missingId(status), context);
  if (isWrongEndpoint(status)) {
    return { action: "stop-campaign", code: status, ...stopMessage(text), ...stopAdvice("endpoint") };
  }
  // A proxy's or balancer's page (502, 504, a WAF): Calltouch itself never saw or never answered it.
  const wait = outcome.retryAfterMs === undefined ? {} : { retryAfterMs: outcome.retryAfterMs };
  return {
    action: "retry",
    code: status,
    message: text,
    ...(status === 429 ? { slowDown: true } : {}),
    ...wait,
  };
}

function decideNetwork(outcome: Extract<CallOutcome, { kind: "network" }>, context: DecideContext): Decision {
  if (outcome.phase === "before-send") {
    return { action: "retry", code: outcome.errorCode, message: outcome.message };
  }
  return lostAnswer(outcome.errorCode, outcome.message, context);
}

/** The request reached something and the answer does not prove what happened: never resent by default. */
function lostAnswer(code: number | string, message: OutcomeText, context: DecideContext): Decision {
  return context.retryUnknown ? { action: "retry", code, message } : { action: "unknown", code, message };
}

function missingId(status: number): OutcomeText {
  return said("rowsAnswerWithoutId", { status });
}

function isWrongEndpoint(status: number): boolean {
  return (status >= 300 && status < 400) || status === 404 || status === 405;
}

function joinViolations(violations: readonly { message: string; propertyPath?: string }[]): OutcomeText {
  if (violations.length === 0) return said("rowsRefusedWithoutReason", {});
  return violations.map((v) => (v.propertyPath ? `${v.propertyPath}: ${v.message}` : v.message)).join("; ");
}
