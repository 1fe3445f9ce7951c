import type { CallOutcome } from "./types.js";

/** Every occurrence of the token in `text`, replaced by the same mark the CLI's last-line redaction uses. */
export function scrubToken(text: string, token: string): string {
  return token === "" ? text : text.split(token).join("[redacted]");
}

/**
 * Replace every occurrence of the token in the outcome's texts. Defence in depth: ctdial never puts the
 * token into an outcome, but a proxy's debug page or an echoing server could send it back to us, and
 * outcomes go into logs and reports.
 */
export function redactOutcome(outcome: CallOutcome, token: string): CallOutcome {
  if (token === "") return outcome;
  const scrub = (text: string): string => scrubToken(text, token);
  switch (outcome.kind) {
    case "accepted":
      return typeof outcome.requestId === "string"
        ? { ...outcome, requestId: scrub(outcome.requestId) }
        : outcome;
    case "api-error":
      return { ...outcome, message: scrub(outcome.message) };
    case "network":
      // ctdial's own words: its parameters are a host name and an error code, never an answer's text.
      return outcome;
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
