import type { Said } from "../i18n/catalog.js";
import type { OutcomeText } from "../outcome-text.js";
/** The free-text attribution fields of a request (docs/calltouch-api.md "Body fields"): sent as strings when not empty. */
export const TEXT_FIELDS = [
  "utmSource",
  "utmMedium",
  "utmCampaign",
  "utmContent",
  "utmTerm",
  "callUrl",
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** The body of one Calltouch callback request, exactly as sent (docs/calltouch-api.md "Body fields"). */
export interface CallbackRequest {
  routeKey: string;
  /** 11 digits, `7xxxxxxxxxx`. */
  phone: string;
  fields?: { name: string; value: string }[];
  sessionId?: string;
  /** `yyyy-mm-dd hh:mm:ss` (or the campaign's scheduleTimeFormat), in calltouchTimezone. */
  scheduleTime?: string;
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  utmContent?: string;
  utmTerm?: string;
  callUrl?: string;
  tags?: string[];
  unitId?: number;
}

/**
 * What one HTTP exchange with Calltouch produced, read defensively (docs/calltouch-api.md "Responses"). The client
 * turns every answer, and every failure to get one, into exactly one of these; it never throws for
 * an answer.
 */
export type CallOutcome =
  | { readonly kind: "accepted"; readonly status: number; readonly requestId: number | string }
  /** `data.apiErrorData`: a documented Calltouch error code (1, 10001..10007, 10013, ...). */
  | { readonly kind: "api-error"; readonly status: number; readonly code: number; readonly message: string }
  /** `data.validationErrorData.violations`. */
  | {
      readonly kind: "validation-error";
      readonly status: number;
      readonly violations: readonly { readonly message: string; readonly propertyPath?: string }[];
    }
  /** JSON (or empty) answer with no known error shape: 403, 429, 5xx, a bare `message`. */
  | {
      readonly kind: "http-error";
      readonly status: number;
      readonly message?: string;
      /** From a Retry-After header, in ms. */
      readonly retryAfterMs?: number;
    }
  /** A body that is not JSON at all: a proxy's HTML page. Transient. */
  | {
      readonly kind: "bad-body";
      readonly status: number;
      /** The first characters of the body, for the log, tags stripped. */
      readonly snippet: string;
      readonly retryAfterMs?: number;
    }
  /**
   * No answer. `before-send`: the request certainly did not reach the server (refused, DNS, connect
   * timeout, reset before the body was written), so nothing was created. `after-send`: the request was
   * written and the answer was lost (reset, response timeout): a callback may have been created.
   */
  | {
      readonly kind: "network";
      readonly phase: "before-send" | "after-send";
      /** Node's error code, e.g. ECONNREFUSED, ECONNRESET, ETIMEDOUT. */
      readonly errorCode: string;
      /** ctdial's own words for it (Node's messages are not passed on). */
      readonly message: Said;
    };

/** What a batch sender must do with an outcome (docs/calltouch-api.md "Error codes"). Decided by one pure function. */
export type Decision =
  | { readonly action: "done"; readonly requestId: number | string }
  /** Transient: retry through the rate limiter after backoff. `slowDown`: the whole limiter backs off (429). */
  | {
      readonly action: "retry";
      readonly code?: number | string;
      readonly message: OutcomeText;
      readonly retryAfterMs?: number;
      readonly slowDown?: boolean;
    }
  /** 10004 with the campaign's consent: send the row again at once, without its sessionId. */
  | { readonly action: "resend-without-session"; readonly code: number; readonly message: OutcomeText }
  /** 10007: retry after a long delay, at the end of the campaign. */
  | { readonly action: "retry-later"; readonly code: number; readonly message: OutcomeText }
  /**
   * The row is failed; `invalid` when Calltouch says the data itself is wrong (10013). `bug`: the
   * request ctdial built was malformed (code 1): log it loudly. `advice`: one sentence for the user,
   * kept apart from `message`, which stays Calltouch's text verbatim.
   */
  | {
      readonly action: "fail";
      readonly code?: number | string;
      readonly message: OutcomeText;
      readonly invalid?: boolean;
      readonly bug?: boolean;
      readonly advice?: string;
      /** `advice` as data, so that the CLI and the report word it in the user's language. */
      readonly adviceSaid?: Said;
    }
  /** The answer was lost after the request was written: maybe created; never retried automatically. */
  | { readonly action: "unknown"; readonly code?: number | string; readonly message: OutcomeText }
  /** 10003: stop every row with this routeKey. `advice` is one sentence saying what to do. */
  | {
      readonly action: "stop-route";
      readonly code: number;
      readonly message: string;
      /** `message` as data when ctdial wrote it (Calltouch gave no text): worded in the reader's language. */
      readonly messageSaid?: Said;
      readonly advice?: string;
      /** `advice` as data (the stop's `adviceSaid`). */
      readonly adviceSaid?: Said;
    }
  /** 10001, 10002, refused token: stop the whole campaign. `advice` is one sentence saying what to do. */
  | {
      readonly action: "stop-campaign";
      readonly code: number | string;
      readonly message: string;
      /** `message` as data when ctdial wrote it (Calltouch gave no text): worded in the reader's language. */
      readonly messageSaid?: Said;
      readonly advice: string;
      /** `advice` as data (the stop's `adviceSaid`). */
      readonly adviceSaid?: Said;
    };

/** The seam between the dispatcher and HTTP: one request in, one outcome out. */
export interface CalltouchClient {
  send(request: CallbackRequest, options?: { signal?: AbortSignal }): Promise<CallOutcome>;
  close(): Promise<void>;
}
