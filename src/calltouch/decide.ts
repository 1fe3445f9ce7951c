import { said } from "../i18n/catalog.js";
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

const AGAIN = "then run the same command again";

/** Advice for each campaign-stopping code: one sentence a user can act on. */
export const STOP_ADVICE = {
  10001: `Top up callback minutes in Calltouch, ${AGAIN}.`,
  10002: `Switch on the callback service in Calltouch, ${AGAIN}.`,
  10003: `Switch on the "site form" widget with this routeKey in Calltouch or correct the routeKey, ${AGAIN}.`,
  token: `Check CALLTOUCH_TOKEN (or CALLTOUCH_TOKEN_FILE): Calltouch refused the token; copy it from Integrations -> API and Webhooks -> API, ${AGAIN}.`,
  endpoint: `Check CALLTOUCH_API_URL: the server there does not offer the Calltouch callback API, ${AGAIN}.`,
} as const;

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
        advice: "Calltouch refused a field of this row; correct it in the source and run `ctdial retry`.",
      };
    case "http-error":
      return decideStatus(outcome.status, outcome.message, outcome.retryAfterMs, context);
    case "bad-body":
      return decideBadBody(outcome, context);
    case "network":
      return decideNetwork(outcome, context);
  }
}

/** `said`: Calltouch's message verbatim, or ctdial's words when it gave none. */
function decideApiError(code: number, given: string, context: DecideContext): Decision {
  // Stops keep a text: what stopped a run is told by code (see dispatch/types.ts DispatchStop).
  const message = given || `Calltouch error ${code}`;
  const row: OutcomeText = given || said("rowsCalltouchError", { code });
  switch (code) {
    case 1:
      return {
        action: "fail",
        code,
        message: row,
        bug: true,
        advice:
          "Calltouch could not read the request ctdial sent: this is a bug in ctdial, please report it.",
      };
    case 10001:
    case 10002:
      return { action: "stop-campaign", code, message, advice: STOP_ADVICE[code] };
    case 10003:
      return context.routeKeyIsCampaignWide
        ? { action: "stop-campaign", code, message, advice: STOP_ADVICE[10003] }
        : { action: "stop-route", code, message, advice: STOP_ADVICE[10003] };
    case 10004:
      if (context.resendWithoutSessionId) return { action: "resend-without-session", code, message };
      return {
        action: "fail",
        code,
        message: row,
        advice:
          "Calltouch does not know this sessionId; correct or remove it, or set resendWithoutSessionId: true to call without it.",
      };
    case 10005:
      return {
        action: "fail",
        code,
        message: row,
        advice: "Calltouch allows no more requests within this session.",
      };
    case 10006:
      return {
        action: "fail",
        code,
        message: row,
        advice: "Calltouch limits requests to this phone: do not retry it today.",
      };
    case 10007:
      return { action: "retry-later", code, message };
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
    return { action: "stop-campaign", code: status, message: text, advice: STOP_ADVICE.token };
  }
  if (status === 429) return { action: "retry", code: status, message: text, slowDown: true, ...wait };
  if (status >= 500 || status === 408) return { action: "retry", code: status, message: text, ...wait };
  // A redirect or a missing path hits every row alike: the base URL is wrong, so stop rather than fail all.
  if (isWrongEndpoint(status)) {
    return { action: "stop-campaign", code: status, message: text, advice: STOP_ADVICE.endpoint };
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
    // Stops keep a text (see decideApiError); the run area words stops.
    const message = `HTTP ${status}, not a Calltouch answer: ${snippet || "(empty page)"}`;
    return { action: "stop-campaign", code: status, message, advice: STOP_ADVICE.endpoint };
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
