import type { CallOutcome } from "./types.js";

/**
 * Replace every occurrence of the token in the outcome's texts. Defence in depth: ctdial never puts the
 * token into an outcome, but a proxy's debug page or an echoing server could send it back to us, and
 * outcomes go into logs and reports.
 */
export function redactOutcome(outcome: CallOutcome, token: string): CallOutcome {
  if (token === "") return outcome;
  const scrub = (text: string): string => text.split(token).join("***");
  switch (outcome.kind) {
    case "accepted":
      return typeof outcome.requestId === "string"
        ? { ...outcome, requestId: scrub(outcome.requestId) }
        : outcome;
    case "api-error":
    case "network":
      return { ...outcome, message: scrub(outcome.message) };
    case "http-error":
      return outcome.message === undefined ? outcome : { ...outcome, message: scrub(outcome.message) };
    case "bad-body":
      return { ...outcome, snippet: scrub(outcome.snippet) };
    case "validation-error":
      return {
        ...outcome,
        violations: outcome.violations.map((v) => ({
          ...v,
          message: scrub(v.message),
          ...(v.propertyPath === undefined ? {} : { propertyPath: scrub(v.propertyPath) }),
        })),
      };
  }
}
