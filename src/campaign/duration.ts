import { configError } from "./config-error.js";
import { describeValue } from "./describe-value.js";

/**
 * `dedupeWindow: 24h` and the like, as milliseconds. The campaign schema validates with DURATION
 * below, so a value cannot pass `ctdial validate` and then fail in `run`. Pure.
 */

/** The one grammar of durations: the campaign schema validates with it, parseDuration reads with it. */
export const DURATION = /^(?:0|(\d+(?:\.\d+)?)\s*(ms|s|m|h|d))$/;

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * "24h" -> 86400000, "1.5h" -> 5400000, "500ms" -> 500, "0" (or the number 0) -> 0, which turns a
 * window off. Fractions of a millisecond are rounded.
 */
export function parseDuration(text: string | 0): number {
  if (text === 0 || text === "0") return 0;
  const match = typeof text === "string" ? DURATION.exec(text) : null;
  if (match === null || match[1] === undefined) {
    throw configError("E_DURATION_INVALID", { got: describeValue(text) });
  }
  const ms = Math.round(Number(match[1]) * UNIT_MS[match[2]!]!);
  // "99999999999999999999d" matches the grammar but is no time span anyone can wait for.
  if (!Number.isSafeInteger(ms)) {
    throw configError("E_DURATION_TOO_LONG", { got: describeValue(text) });
  }
  return ms;
}
