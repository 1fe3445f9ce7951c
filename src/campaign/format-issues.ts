import type { z } from "zod";
import { describeValue, typeMessage } from "./describe-value.js";
import { didYouMean } from "./did-you-mean.js";

/**
 * zod 4 issues -> `path: message` lines a person can act on, e.g. `rate: expected a number, got "fast"`
 * or `mappng: unknown key (did you mean mapping?)`. Two halves:
 *  - `friendlyErrorMap` writes the message of one issue; passed as the parse context's `error`, so the
 *    messages written on the schema itself still win (zod asks the schema first).
 *  - `formatIssues` turns the finished issues into lines: one line per unknown key (with a suggestion
 *    from the keys the schema allows at that level), union and record-key issues opened up.
 * Parse with `{ reportInput: true }`: the messages quote what the user wrote.
 */

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a group of keys",
  record: "a group of keys",
  null: "nothing",
};

type RawIssue = z.core.$ZodRawIssue;

export const friendlyErrorMap: z.core.$ZodErrorMap = (issue: RawIssue) => {
  switch (issue.code) {
    case "invalid_type":
      return typeMessage(expectedOf(issue), issue.input);
    case "too_small":
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false, issue.input);
    case "too_big":
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false, issue.input);
    case "invalid_value":
      return oneOf(issue.values, issue.input);
    case "invalid_format":
      return `has the wrong form, got ${describeValue(issue.input)}`;
    case "not_multiple_of":
      return `expected a multiple of ${issue.divisor}, got ${describeValue(issue.input)}`;
    case "invalid_union":
      return typeMessage(unionExpected(issue.errors), issue.input);
    case "unrecognized_keys":
      return `unknown key${issue.keys.length === 1 ? "" : "s"} ${issue.keys.join(", ")}`;
    case "invalid_key":
      return "has an invalid name";
    default:
      return `is not valid, got ${describeValue(issue.input)}`;
  }
};

function expectedOf(issue: RawIssue & { code: "invalid_type" }): string {
  const name = EXPECTED[issue.expected] ?? issue.expected;
  const keys =
    issue.expected === "object" && issue.inst !== undefined ? objectKeys(issue.inst as z.core.$ZodType) : [];
  if (keys.length === 0) return name;
  return `${name} (${keys.length > 4 ? `${keys.slice(0, 4).join(", ")}, …` : keys.join(", ")})`;
}

function tooSmall(origin: string, minimum: number, inclusive: boolean, input: unknown): string {
  const got = `, got ${describeValue(input)}`;
  if (origin === "string")
    return minimum <= 1 ? "cannot be empty" : `expected at least ${minimum} characters${got}`;
  if (origin === "array" || origin === "set") {
    return minimum <= 1
      ? "cannot be an empty list"
      : `expected at least ${minimum} items, got ${countOf(input)}`;
  }
  return inclusive ? `expected at least ${minimum}${got}` : `expected a number above ${minimum}${got}`;
}

function tooBig(origin: string, maximum: number, inclusive: boolean, input: unknown): string {
  if (origin === "string") return `expected at most ${maximum} characters, got ${countOf(input)}`;
  if (origin === "array" || origin === "set")
    return `expected at most ${maximum} items, got ${countOf(input)}`;
  const got = `, got ${describeValue(input)}`;
  return inclusive ? `expected at most ${maximum}${got}` : `expected a number below ${maximum}${got}`;
}

function countOf(input: unknown): string {
  if (typeof input === "string" || Array.isArray(input)) return String(input.length);
  return describeValue(input);
}

function oneOf(values: readonly unknown[], input: unknown): string {
  // Plain words read best ("mon, tue"); values with spaces or commas keep quotes so the list stays readable.
  const shown = values.map((value) =>
    typeof value === "string" && /^[\w.-]+$/.test(value) ? value : JSON.stringify(value),
  );
  const expected = shown.length === 1 ? `${JSON.stringify(values[0])}` : `one of ${shown.join(", ")}`;
  const base = `expected ${expected}, got ${describeValue(input)}`;
  if (typeof input !== "string") return base;
  // "monday" is far from "mon" by edit distance, but its start says what was meant.
  const strings = values.filter((value) => typeof value === "string");
  const guess =
    didYouMean(input, strings) ??
    strings.find((value) => input.toLowerCase().startsWith(value.toLowerCase()));
  return guess === undefined ? base : `${base} (did you mean ${guess}?)`;
}

function unionExpected(branches: readonly (readonly z.core.$ZodIssue[])[]): string {
  const names = branches.flatMap((branch) =>
    branch.length === 1 && branch[0]?.code === "invalid_type"
      ? [EXPECTED[branch[0].expected] ?? branch[0].expected]
      : [],
  );
  return names.length > 0 ? [...new Set(names)].join(" or ") : "another kind of value";
}

/** Every issue as `path: message`, in the order zod found them. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], schema: z.core.$ZodType): string[] {
  return issues.flatMap((issue) => formatIssue(issue, [], schema));
}

function formatIssue(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[],
  schema: z.core.$ZodType,
): string[] {
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = objectKeys(schemaAt(schema, path));
      const input = (issue.input ?? {}) as Record<string, unknown>;
      return issue.keys.map((key) =>
        line([...path, key], unknownKey(key, input[key], allowed, path, schema)),
      );
    }
    case "invalid_union": {
      // A union such as "a file name or a list of them": when the value had the shape of one branch,
      // that branch's own problems say more than "expected text or a list".
      const matched = issue.errors.find(
        (branch) => !branch.every((i) => i.code === "invalid_type" && i.path.length === 0),
      );
      if (matched !== undefined && matched.length > 0)
        return matched.flatMap((inner) => formatIssue(inner, path, schema));
      return [line(path, issue.message)];
    }
    case "invalid_key": {
      // The bad name is the last path segment; showing it there would hide an empty one.
      const name = describeValue(String(path.at(-1)));
      return issue.issues.map((inner) => line(path.slice(0, -1), `${inner.message} (the name ${name})`));
    }
    default:
      return [line(path, issue.message)];
  }
}

function line(path: readonly PropertyKey[], message: string): string {
  return `${path.length === 0 ? "(top level)" : path.map(String).join(".")}: ${message}`;
}

function unknownKey(
  key: string,
  value: unknown,
  allowed: readonly string[],
  parent: readonly PropertyKey[],
  root: z.core.$ZodType,
): string {
  // `Телефон: phone` under mapping: the user wrote the pair the wrong way round.
  if (typeof value === "string" && allowed.includes(value.trim())) {
    return `unknown key (did you mean ${value.trim()}: ${key}? name the Calltouch field first, then your column)`;
  }
  const guess = didYouMean(key, allowed);
  if (guess !== undefined) return `unknown key (did you mean ${guess}?)`;
  // `phone:` at the top level belongs under mapping; say where such a key does exist.
  const elsewhere = objectLevels(root, [])
    .filter((level) => level.path.join(".") !== parent.join("."))
    .flatMap((level) => {
      const near = didYouMean(key, level.keys);
      return near === undefined ? [] : [[...level.path, near].join(".")];
    });
  if (elsewhere.length > 0) return `unknown key (did you mean ${elsewhere.join(" or ")}?)`;
  const listed = `allowed here: ${allowed.join(", ")}`;
  if (allowed.includes("fields") && parent.length > 0) {
    return `unknown key; ${listed}. Other names go under ${[...parent, "fields"].map(String).join(".")}`;
  }
  return `unknown key; ${listed}`;
}

type Def = { type: string; [key: string]: unknown };

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as unknown as Def;
}

/** Sees through optional, default, pipe and the like to the schema that shapes the value. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (inner === undefined) return current;
    current = inner as z.core.$ZodType;
  }
  return current;
}

function schemaAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): z.core.$ZodType | undefined {
  let current: z.core.$ZodType | undefined = schema;
  for (const key of path) {
    if (current === undefined) return undefined;
    current = childOf(unwrap(current), key);
  }
  return current;
}

function childOf(schema: z.core.$ZodType, key: PropertyKey): z.core.$ZodType | undefined {
  const def = defOf(schema);
  if (def.type === "object") return (def.shape as Record<string, z.core.$ZodType>)[String(key)];
  if (def.type === "array") return def.element as z.core.$ZodType;
  if (def.type === "record") return def.valueType as z.core.$ZodType;
  if (def.type === "union") {
    for (const option of def.options as z.core.$ZodType[]) {
      const child = childOf(unwrap(option), key);
      if (child !== undefined) return child;
    }
  }
  return undefined;
}

function objectKeys(schema: z.core.$ZodType | undefined): string[] {
  if (schema === undefined) return [];
  const def = defOf(unwrap(schema));
  // `$schema` is for editors; it is allowed but never worth suggesting.
  return def.type === "object" ? Object.keys(def.shape as object).filter((key) => !key.startsWith("$")) : [];
}

/** Every group of keys in the schema (top level, mapping, callWindow, defaults, ...) with its path. */
function objectLevels(
  schema: z.core.$ZodType,
  path: readonly string[],
): { path: readonly string[]; keys: string[] }[] {
  const def = defOf(unwrap(schema));
  if (def.type !== "object") return [];
  const shape = def.shape as Record<string, z.core.$ZodType>;
  const keys = objectKeys(schema);
  return [{ path, keys }, ...keys.flatMap((key) => objectLevels(shape[key]!, [...path, key]))];
}
