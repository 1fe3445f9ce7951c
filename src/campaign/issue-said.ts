import { isKey, type Key, type ParamsOf, type Said, said } from "../i18n/catalog.js";
import { describeValue } from "./describe-value.js";

/**
 * zod keeps one text per issue (`issue.message`); a campaign problem is data (a catalog key and its
 * parameters), worded later in the user's language. So every message the schema and the error map
 * give zod is a `Said` written as text with a mark in front, and format-issues.ts reads it back.
 */
const MARK = "\u0000said:";

/** The text zod keeps for a campaign problem: `issueText("campaignIssueTime", { got })`. */
export function issueText<K extends Key>(code: K, params: ParamsOf<K>): string {
  return `${MARK}${JSON.stringify(said(code, params))}`;
}

/** The problem written by `issueText`, or undefined for a text zod made itself. */
export function saidOfIssue(message: string): Said | undefined {
  if (!message.startsWith(MARK)) return undefined;
  try {
    const parsed = JSON.parse(message.slice(MARK.length)) as { code?: unknown; params?: unknown };
    if (!isKey(parsed.code) || typeof parsed.params !== "object" || parsed.params === null) return undefined;
    return parsed as Said;
  } catch {
    return undefined;
  }
}

/** "expected X, got Y", or "required, expected X" when the key is missing; `expected`: tokens (text, header, time, ...). */
export function typeIssue(expected: readonly string[], input: unknown, keys?: readonly string[]): string {
  return issueText("campaignIssueType", {
    expected,
    ...(keys === undefined || keys.length === 0 ? {} : { keys }),
    ...(input === undefined ? {} : { got: describeValue(input) }),
  });
}
