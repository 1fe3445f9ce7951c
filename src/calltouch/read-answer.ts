import { parseRetryAfter } from "./retry-after.js";
import type { CallOutcome } from "./types.js";

/** What came back over HTTP, before anyone interpreted it. */
export interface RawAnswer {
  readonly status: number;
  /** Lower-case header names, as node:http gives them. */
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: string;
}

const SNIPPET_LENGTH = 200;

/**
 * One HTTP answer -> one CallOutcome, read defensively in the order docs/calltouch-api.md gives: a widgetRequestId,
 * `data.apiErrorData`, `data.validationErrorData.violations`, a top-level or `data.message`, the
 * status alone; a body that is not JSON at all is `bad-body`. Pure: the clock is a parameter (for
 * Retry-After dates).
 *
 * A 2xx without a widgetRequestId is deliberately NOT `accepted`: it comes back as `http-error` (JSON
 * or empty body) or `bad-body` with the 2xx status, and decide() makes such a row `unknown`, because
 * something answered "OK" and a callback may exist, but there is no id to prove it.
 *
 * `redact` is applied to a non-JSON body before its snippet is cut, so that no prefix of a secret can
 * survive the cut. (JSON is parsed as it came: scrubbing before parsing could break a valid answer.)
 */
export function readAnswer(
  answer: RawAnswer,
  now: number = Date.now(),
  redact: (text: string) => string = (text) => text,
): CallOutcome {
  const { status, body } = answer;
  const retryAfterMs = parseRetryAfter(answer.headers?.["retry-after"], now);
  const withRetryAfter = retryAfterMs === undefined ? {} : { retryAfterMs };

  const parsed = parseJson(body);
  if (parsed === NOT_JSON) {
    return { kind: "bad-body", status, snippet: snippetOf(redact(body)), ...withRetryAfter };
  }
  const root = asRecord(parsed);
  const data = asRecord(root?.data);

  const requestId = data?.widgetRequestId;
  if (
    (typeof requestId === "number" && Number.isFinite(requestId)) ||
    (typeof requestId === "string" && requestId !== "")
  ) {
    return { kind: "accepted", status, requestId };
  }

  const apiError = asRecord(data?.apiErrorData);
  const code = apiError === undefined ? undefined : toCode(apiError.errorCode);
  if (apiError !== undefined && code !== undefined) {
    return { kind: "api-error", status, code, message: textOf(apiError.errorMessage) ?? "" };
  }

  const violations = asRecord(data?.validationErrorData)?.violations;
  if (Array.isArray(violations)) {
    return { kind: "validation-error", status, violations: violations.map(toViolation) };
  }

  const message =
    textOf(root?.message) ?? textOf(data?.message) ?? textOf(apiError?.errorMessage) ?? textOf(root?.error);
  return { kind: "http-error", status, ...(message === undefined ? {} : { message }), ...withRetryAfter };
}

const NOT_JSON = Symbol("not-json");

function parseJson(body: string): unknown {
  // An empty body is "nothing known", not garbage: a bare 403/429/502 from a load balancer often has none.
  if (body.trim() === "") return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return NOT_JSON;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function toCode(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function toViolation(value: unknown): { message: string; propertyPath?: string } {
  const record = asRecord(value);
  if (record === undefined) return { message: typeof value === "string" ? value : JSON.stringify(value) };
  const message = textOf(record.message) ?? JSON.stringify(record);
  const path = textOf(record.propertyPath) ?? textOf(record.property) ?? textOf(record.field);
  return path === undefined ? { message } : { message, propertyPath: path };
}

/** The first characters of a non-JSON body, readable in a log line: no markup, no runs of spaces. */
export function snippetOf(body: string): string {
  const text = body
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
}
