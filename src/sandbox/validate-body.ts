import { type CallbackRequest, TEXT_FIELDS } from "../calltouch/types.js";
import { VIOLATION_TEXT as T, type Violation } from "./messages.js";

export type BodyCheck =
  | { readonly kind: "ok"; readonly body: CallbackRequest }
  /** Empty, not JSON, or JSON that is not an object: Calltouch's code 1. */
  | { readonly kind: "syntax" }
  | { readonly kind: "violations"; readonly violations: readonly Violation[] };

const OPTIONAL_STRINGS = TEXT_FIELDS;
const SCHEDULE_TIME = /^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}) \d{2}:\d{2}:\d{2}$/;

/**
 * The field rules of docs/calltouch-api.md's "Body fields" table, as a server would check them: every violation at
 * once, each with its property path. The phone's format is not checked here: the real server answers
 * a malformed phone with error 10013, not with a violation (rules.ts).
 */
export function validateBody(raw: string): BodyCheck {
  let value: unknown;
  try {
    value = raw.trim() === "" ? undefined : JSON.parse(raw);
  } catch {
    return { kind: "syntax" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { kind: "syntax" };
  const body = value as Record<string, unknown>;
  const out: Violation[] = [];
  const add = (propertyPath: string, message: string): void => {
    out.push({ propertyPath, message });
  };

  requiredString(body.routeKey, "routeKey", 255, add);
  requiredString(body.phone, "phone", undefined, add);
  optionalString(body.sessionId, "sessionId", 100, add);
  for (const key of OPTIONAL_STRINGS) optionalString(body[key], key, undefined, add);
  if (body.scheduleTime !== undefined) {
    if (typeof body.scheduleTime !== "string") add("scheduleTime", T.string);
    else if (!SCHEDULE_TIME.test(body.scheduleTime)) add("scheduleTime", T.scheduleTime);
  }
  if (body.unitId !== undefined && !Number.isSafeInteger(body.unitId)) add("unitId", T.integer);
  checkFields(body.fields, add);
  checkTags(body.tags, add);

  return out.length > 0
    ? { kind: "violations", violations: out }
    : { kind: "ok", body: body as unknown as CallbackRequest };
}

type Add = (path: string, message: string) => void;

function requiredString(value: unknown, path: string, max: number | undefined, add: Add): void {
  if (value === undefined || value === null || value === "") add(path, T.required);
  else optionalString(value, path, max, add);
}

function optionalString(value: unknown, path: string, max: number | undefined, add: Add): void {
  if (value === undefined) return;
  if (typeof value !== "string") add(path, T.string);
  else if (max !== undefined && [...value].length > max) add(path, T.tooLong(max));
}

function checkFields(value: unknown, add: Add): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    add("fields", T.array);
    return;
  }
  if (value.length > 5) add("fields", T.tooMany(5));
  for (const [i, entry] of value.entries()) {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      add(`fields[${i}]`, T.object);
      continue;
    }
    const { name, value: text } = entry as Record<string, unknown>;
    requiredString(name, `fields[${i}].name`, 255, add);
    requiredString(text, `fields[${i}].value`, 255, add);
  }
}

function checkTags(value: unknown, add: Add): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    add("tags", T.array);
    return;
  }
  if (value.length > 10) add("tags", T.tooMany(10));
  for (const [i, tag] of value.entries()) requiredString(tag, `tags[${i}]`, 100, add);
}
