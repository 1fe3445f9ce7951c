import type { z } from "zod";
import type { ConfigProblem } from "../errors.js";
import { type Said, said } from "../i18n/catalog.js";
import { describeValue } from "./describe-value.js";
import { didYouMean } from "./did-you-mean.js";
import { issueText, saidOfIssue, typeIssue } from "./issue-said.js";

/**
 * zod 4 issues -> problems a person can act on, as data (`{ path, problem }`, worded by the catalog),
 * e.g. `rate: expected a number, got "fast"` or `mappng: unknown key (did you mean mapping?)`. Two
 * halves:
 *  - `friendlyErrorMap` says what is wrong with one value (a catalog key and its parameters, written
 *    into the issue's text by issue-said.ts); passed as the parse context's `error`, so the messages
 *    written on the schema itself still win (zod asks the schema first).
 *  - `formatIssues` turns the finished issues into problems: one per unknown key (with a suggestion
 *    from the keys the schema allows at that level), union and record-key issues opened up.
 * Parse with `{ reportInput: true }`: the messages quote what the user wrote.
 */

/** zod's names of types -> the catalog's tokens for what a key expects. */
const EXPECTED: Record<string, string> = {
  string: "text",
  number: "number",
  int: "int",
  boolean: "boolean",
  array: "array",
  object: "object",
  record: "object",
  null: "null",
};

type RawIssue = z.core.$ZodRawIssue;

export const friendlyErrorMap: z.core.$ZodErrorMap = (issue: RawIssue) => {
  switch (issue.code) {
    case "invalid_type":
      return typeIssue([EXPECTED[issue.expected] ?? issue.expected], issue.input, keysOf(issue));
    case "too_small":
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false, issue.input);
    case "too_big":
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false, issue.input);
    case "invalid_value":
      return oneOf(issue.values, issue.input);
    case "invalid_format":
      return issueText("campaignIssueFormat", { got: describeValue(issue.input) });
    case "not_multiple_of":
      return issueText("campaignIssueMultipleOf", {
        divisor: Number(issue.divisor),
        got: describeValue(issue.input),
      });
    case "invalid_union":
      return typeIssue(unionExpected(issue.errors), issue.input);
    case "unrecognized_keys":
      return issueText("campaignIssueUnknownKeys", { keys: issue.keys });
    case "invalid_key":
      return issueText("campaignIssueBadName", {});
    default:
      return issueText("campaignIssueInvalid", { got: describeValue(issue.input) });
  }
};

function keysOf(issue: RawIssue & { code: "invalid_type" }): string[] | undefined {
  return issue.expected === "object" && issue.inst !== undefined
    ? objectKeys(issue.inst as z.core.$ZodType)
    : undefined;
}

type Origin = "string" | "array" | "number";

function originOf(origin: string): Origin {
  return origin === "string" ? "string" : origin === "array" || origin === "set" ? "array" : "number";
}

function tooSmall(zodOrigin: string, minimum: number, inclusive: boolean, input: unknown): string {
  const origin = originOf(zodOrigin);
  if (origin === "string" && minimum <= 1) return issueText("campaignIssueEmpty", {});
  if (origin === "array" && minimum <= 1) return issueText("campaignIssueEmptyList", {});
  const got = origin === "array" ? countOf(input) : describeValue(input);
  return issueText("campaignIssueTooSmall", { origin, min: minimum, inclusive, got });
}

function tooBig(zodOrigin: string, maximum: number, inclusive: boolean, input: unknown): string {
  const origin = originOf(zodOrigin);
  const got = origin === "number" ? describeValue(input) : countOf(input);
  return issueText("campaignIssueTooBig", { origin, max: maximum, inclusive, got });
}

function countOf(input: unknown): string {
  if (typeof input === "string" || Array.isArray(input)) return String(input.length);
  return describeValue(input);
}

function oneOf(values: readonly unknown[], input: unknown): string {
  // Plain words read best ("mon, tue"); values with spaces or commas keep quotes so the list stays readable.
  const shown =
    values.length === 1
      ? [JSON.stringify(values[0])]
      : values.map((value) =>
          typeof value === "string" && /^[\w.-]+$/.test(value) ? value : JSON.stringify(value),
        );
  const got = describeValue(input);
  if (typeof input !== "string") return issueText("campaignIssueOneOf", { values: shown, got });
  // "monday" is far from "mon" by edit distance, but its start says what was meant.
  const strings = values.filter((value) => typeof value === "string");
  const guess =
    didYouMean(input, strings) ??
    strings.find((value) => input.toLowerCase().startsWith(value.toLowerCase()));
  return issueText("campaignIssueOneOf", { values: shown, got, ...(guess === undefined ? {} : { guess }) });
}

function unionExpected(branches: readonly (readonly z.core.$ZodIssue[])[]): string[] {
  const names = branches.flatMap((branch) =>
    branch.length === 1 && branch[0]?.code === "invalid_type"
      ? [EXPECTED[branch[0].expected] ?? branch[0].expected]
      : [],
  );
  return names.length > 0 ? [...new Set(names)] : ["other"];
}

/** Every issue as a problem at its key's path, in the order zod found them. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], schema: z.core.$ZodType): ConfigProblem[] {
  return issues.flatMap((issue) => formatIssue(issue, [], schema));
}

function formatIssue(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[],
  schema: z.core.$ZodType,
): ConfigProblem[] {
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = objectKeys(schemaAt(schema, path));
      const input = (issue.input ?? {}) as Record<string, unknown>;
      return issue.keys.map((key) =>
        problemAt([...path, key], unknownKey(key, input[key], allowed, path, schema)),
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
      return [problemAt(path, problemOf(issue))];
    }
    case "invalid_key": {
      // The bad name is the last path segment; showing it there would hide an empty one.
      const name = describeValue(String(path.at(-1)));
      return issue.issues.map((inner) => {
        const problem = problemOf(inner);
        return problemAt(path.slice(0, -1), {
          code: problem.code,
          params: { ...problem.params, name },
        } as Said);
      });
    }
    default:
      return [problemAt(path, problemOf(issue))];
  }
}

/** The problem an issue's text holds; a text zod made itself (none should reach here) says "is not valid". */
function problemOf(issue: { message: string; input?: unknown }): Said {
  return saidOfIssue(issue.message) ?? said("campaignIssueInvalid", { got: describeValue(issue.input) });
}

function problemAt(path: readonly PropertyKey[], problem: Said): ConfigProblem {
  return path.length === 0 ? { problem } : { path: path.map(String).join("."), problem };
}

function unknownKey(
  key: string,
  value: unknown,
  allowed: readonly string[],
  parent: readonly PropertyKey[],
  root: z.core.$ZodType,
): Said {
  // `Телефон: phone` under mapping: the user wrote the pair the wrong way round.
  if (typeof value === "string" && allowed.includes(value.trim())) {
    return said("campaignUnknownKeySwapped", { key, field: value.trim() });
  }
  const guess = didYouMean(key, allowed);
  if (guess !== undefined) return said("campaignUnknownKeyGuess", { guesses: [guess] });
  // `phone:` at the top level belongs under mapping; say where such a key does exist.
  const elsewhere = objectLevels(root, [])
    .filter((level) => level.path.join(".") !== parent.join("."))
    .flatMap((level) => {
      const near = didYouMean(key, level.keys);
      return near === undefined ? [] : [[...level.path, near].join(".")];
    });
  if (elsewhere.length > 0) return said("campaignUnknownKeyGuess", { guesses: elsewhere });
  if (allowed.includes("fields") && parent.length > 0) {
    return said("campaignUnknownKeyAllowed", {
      allowed,
      fieldsUnder: [...parent, "fields"].map(String).join("."),
    });
  }
  return said("campaignUnknownKeyAllowed", { allowed });
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
