import { describe, expect, it } from "vitest";
import { decide, STOP_ADVICE } from "../../src/calltouch/decide.js";
import type { CallOutcome, Decision } from "../../src/calltouch/types.js";
import { said } from "../../src/i18n/catalog.js";
import { english as worded } from "../english.js";

/**
 * A decision in English, as the expectations below were written: a stop's or a row's words as data
 * (`adviceSaid`, `messageSaid`) must word exactly its English `advice` and `message`, then are left out.
 */
// biome-ignore lint/suspicious/noExplicitAny: a test reads the worded copy as it reads the original
function english(decision: Decision): any {
  const { adviceSaid, messageSaid, ...rest } = worded(decision);
  if (adviceSaid !== undefined) expect(adviceSaid).toBe(rest.advice);
  if (messageSaid !== undefined) expect(messageSaid).toBe(rest.message);
  return rest;
}

const api = (code: number, message = `сообщение ${code}`): CallOutcome => ({
  kind: "api-error",
  status: 400,
  code,
  message,
});
const http = (status: number, message?: string, retryAfterMs?: number): CallOutcome => ({
  kind: "http-error",
  status,
  ...(message === undefined ? {} : { message }),
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});
const page = (status: number, retryAfterMs?: number): CallOutcome => ({
  kind: "bad-body",
  status,
  snippet: "502 Bad Gateway nginx",
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});
const net = (phase: "before-send" | "after-send", errorCode: string): CallOutcome => ({
  kind: "network",
  phase,
  errorCode,
  message: said("rowsVerbatim", { text: `${errorCode} happened` }),
});

const TABLE: [string, CallOutcome, Decision][] = [
  ["accepted", { kind: "accepted", status: 200, requestId: 42 }, { action: "done", requestId: 42 }],
  [
    "1: our bug",
    api(1),
    {
      action: "fail",
      code: 1,
      message: "сообщение 1",
      bug: true,
      advice: "Calltouch could not read the request ctdial sent: this is a bug in ctdial, please report it.",
    },
  ],
  [
    "10001",
    api(10001),
    { action: "stop-campaign", code: 10001, message: "сообщение 10001", advice: STOP_ADVICE[10001] },
  ],
  [
    "10002",
    api(10002),
    { action: "stop-campaign", code: 10002, message: "сообщение 10002", advice: STOP_ADVICE[10002] },
  ],
  [
    "10003",
    api(10003),
    { action: "stop-route", code: 10003, message: "сообщение 10003", advice: STOP_ADVICE[10003] },
  ],
  [
    "10004",
    api(10004),
    {
      action: "fail",
      code: 10004,
      message: "сообщение 10004",
      advice:
        "Calltouch does not know this sessionId; correct or remove it, or set resendWithoutSessionId: true to call without it.",
    },
  ],
  [
    "10005",
    api(10005),
    {
      action: "fail",
      code: 10005,
      message: "сообщение 10005",
      advice: "Calltouch allows no more requests within this session.",
    },
  ],
  [
    "10006",
    api(10006),
    {
      action: "fail",
      code: 10006,
      message: "сообщение 10006",
      advice: "Calltouch limits requests to this phone: do not retry it today.",
    },
  ],
  ["10007", api(10007), { action: "retry-later", code: 10007, message: "сообщение 10007" }],
  ["10013", api(10013), { action: "fail", code: 10013, message: "сообщение 10013", invalid: true }],
  ["undocumented code", api(10099), { action: "fail", code: 10099, message: "сообщение 10099" }],
  ["api error without text", api(10006, ""), expect.objectContaining({ message: "Calltouch error 10006" })],
  [
    "violations",
    {
      kind: "validation-error",
      status: 400,
      violations: [
        { message: "Значение не должно быть пустым.", propertyPath: "phone" },
        { message: "Плохо" },
      ],
    },
    {
      action: "fail",
      code: 400,
      message: "phone: Значение не должно быть пустым.; Плохо",
      advice: "Calltouch refused a field of this row; correct it in the source and run `ctdial retry`.",
    },
  ],
  [
    "403 refused token",
    http(403, "Invalid credentials"),
    { action: "stop-campaign", code: 403, message: "Invalid credentials", advice: STOP_ADVICE.token },
  ],
  ["401", http(401), { action: "stop-campaign", code: 401, message: "HTTP 401", advice: STOP_ADVICE.token }],
  [
    "429 slows everyone down",
    http(429, "Too Many Requests", 1000),
    { action: "retry", code: 429, message: "Too Many Requests", slowDown: true, retryAfterMs: 1000 },
  ],
  ["429 without Retry-After", http(429), { action: "retry", code: 429, message: "HTTP 429", slowDown: true }],
  [
    "500",
    http(500, "Internal Server Error"),
    { action: "retry", code: 500, message: "Internal Server Error" },
  ],
  [
    "503 with Retry-After",
    http(503, undefined, 5000),
    { action: "retry", code: 503, message: "HTTP 503", retryAfterMs: 5000 },
  ],
  ["408", http(408), { action: "retry", code: 408, message: "HTTP 408" }],
  [
    "400 with a bare message",
    http(400, "Bad Request"),
    { action: "fail", code: 400, message: "Bad Request" },
  ],
  ["413", http(413), { action: "fail", code: 413, message: "HTTP 413" }],
  [
    "404: wrong URL",
    http(404),
    { action: "stop-campaign", code: 404, message: "HTTP 404", advice: STOP_ADVICE.endpoint },
  ],
  [
    "301: wrong URL",
    http(301),
    { action: "stop-campaign", code: 301, message: "HTTP 301", advice: STOP_ADVICE.endpoint },
  ],
  [
    "200 without an id",
    http(200),
    {
      action: "unknown",
      code: 200,
      message: "Calltouch answered HTTP 200 without a widgetRequestId; the callback may have been created.",
    },
  ],
  [
    "HTML 502",
    page(502),
    { action: "retry", code: 502, message: "HTTP 502, not a Calltouch answer: 502 Bad Gateway nginx" },
  ],
  [
    "HTML 503 with Retry-After",
    page(503, 2000),
    {
      action: "retry",
      code: 503,
      message: "HTTP 503, not a Calltouch answer: 502 Bad Gateway nginx",
      retryAfterMs: 2000,
    },
  ],
  ["HTML 429", page(429), expect.objectContaining({ action: "retry", slowDown: true })],
  ["HTML 403 from a firewall", page(403), expect.objectContaining({ action: "retry", code: 403 })],
  [
    "HTML 404",
    page(404),
    expect.objectContaining({ action: "stop-campaign", code: 404, advice: STOP_ADVICE.endpoint }),
  ],
  ["HTML 200", page(200), expect.objectContaining({ action: "unknown", code: 200 })],
  [
    "refused",
    net("before-send", "ECONNREFUSED"),
    { action: "retry", code: "ECONNREFUSED", message: "ECONNREFUSED happened" },
  ],
  [
    "DNS",
    net("before-send", "ENOTFOUND"),
    { action: "retry", code: "ENOTFOUND", message: "ENOTFOUND happened" },
  ],
  [
    "connect timeout",
    net("before-send", "ETIMEDOUT"),
    { action: "retry", code: "ETIMEDOUT", message: "ETIMEDOUT happened" },
  ],
  [
    "reset after sending",
    net("after-send", "ECONNRESET"),
    { action: "unknown", code: "ECONNRESET", message: "ECONNRESET happened" },
  ],
  [
    "answer timeout",
    net("after-send", "ETIMEDOUT"),
    { action: "unknown", code: "ETIMEDOUT", message: "ETIMEDOUT happened" },
  ],
];

describe("decide(): docs/calltouch-api.md's error table", () => {
  it.each(TABLE)("%s", (_name, outcome, decision) => {
    expect(english(decide(outcome))).toEqual(decision);
  });
});

describe("decide() with campaign context", () => {
  it("10004 sends the row again without its sessionId only when the campaign allows it", () => {
    expect(english(decide(api(10004), { resendWithoutSessionId: true }))).toEqual({
      action: "resend-without-session",
      code: 10004,
      message: "сообщение 10004",
    });
    expect(english(decide(api(10004), { resendWithoutSessionId: false }))).toMatchObject({
      action: "fail",
      code: 10004,
    });
    // The option concerns 10004 alone.
    expect(english(decide(api(10005), { resendWithoutSessionId: true }))).toMatchObject({
      action: "fail",
      code: 10005,
    });
  });

  it("10003 stops the whole campaign when the routeKey is campaign-wide", () => {
    expect(english(decide(api(10003), { routeKeyIsCampaignWide: true }))).toEqual({
      action: "stop-campaign",
      code: 10003,
      message: "сообщение 10003",
      advice: STOP_ADVICE[10003],
    });
  });

  it("lost answers are retried only when the campaign allows it", () => {
    expect(english(decide(net("after-send", "ECONNRESET"), { retryUnknown: true }))).toEqual({
      action: "retry",
      code: "ECONNRESET",
      message: "ECONNRESET happened",
    });
    expect(english(decide(http(200), { retryUnknown: true }))).toMatchObject({ action: "retry", code: 200 });
    expect(english(decide(net("before-send", "ECONNREFUSED"), { retryUnknown: false }))).toMatchObject({
      action: "retry",
    });
  });

  it("every stop advice is one sentence that says to run the same command again", () => {
    for (const advice of Object.values(STOP_ADVICE)) {
      expect(advice).toMatch(/then run the same command again\.$/);
      expect(advice.split(". ")).toHaveLength(1);
    }
  });
});
