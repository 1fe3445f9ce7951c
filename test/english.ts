import { isKey, type Said, say } from "../src/i18n/catalog.js";

/** Whether `value` is a `Said` (a message key and its parameters). */
function isSaid(value: unknown): value is Said {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && isKey((value as Said).code) && typeof (value as Said).params === "object";
}

/**
 * `value` with every `Said` in it worded in English, and a row problem's `problem` named `message`
 * as it was before problems became data: tests written against the English sentences keep asserting
 * exactly those sentences (the English must stay byte-identical).
 */
// biome-ignore lint/suspicious/noExplicitAny: a test reads the worded copy as it reads the original
export function english(value: unknown): any {
  if (isSaid(value)) return say("en", value);
  if (Array.isArray(value)) return value.map(english);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    out[key === "problem" ? "message" : key] = english(member);
  }
  return out;
}
