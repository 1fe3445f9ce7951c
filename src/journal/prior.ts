import type { RowOutcome } from "../outcome.js";
import { readProblems, readText } from "./stored-text.js";

/**
 * What the journal knows about a row from earlier runs (and from this run so far).
 *
 * - `sent`, `unknown`: found by phone alone: such a phone is never dialed again by `run`, whatever
 *   happened to the rows around it or to its other cells.
 * - `failed`, `invalid`: found only when the row's content hash is unchanged; a fixed row is new.
 * - `pending`: an earlier run recorded the row as not sent (stopped); it simply continues.
 */
export type PriorState =
  | {
      readonly status: "sent";
      readonly requestId: number | string;
      /** ISO 8601 with offset, exactly as recorded. */
      readonly sentAt: string;
      readonly attempts: number;
      readonly rowNumber: number;
    }
  | {
      readonly status: "unknown";
      readonly code?: number | string;
      readonly message: string;
      readonly attempts: number;
      readonly rowNumber: number;
      /** True when no outcome was ever recorded: the run stopped between sending and the answer. */
      readonly noAnswer: boolean;
    }
  | {
      readonly status: "failed" | "invalid";
      readonly code?: number | string;
      readonly message: string;
      readonly attempts: number;
      readonly rowNumber: number;
    }
  | { readonly status: "pending"; readonly attempts: number; readonly rowNumber: number };

/**
 * What the journal's reader says of a row sent with no answer recorded (as stored: see
 * stored-text.ts): the catalog's runNoAnswer.
 */
export const NO_ANSWER_MESSAGE = "ctdial:runNoAnswer";

/** The report row for a prior state, so that a report written after any run reflects the journal. */
export function priorToOutcome(prior: PriorState): RowOutcome {
  switch (prior.status) {
    case "sent":
      return { status: "sent", requestId: prior.requestId, sentAt: prior.sentAt, attempts: prior.attempts };
    case "unknown":
      return withCode(
        { status: "unknown", message: readText(prior.message), attempts: prior.attempts },
        prior.code,
      );
    case "failed":
      return withCode(
        { status: "failed", message: readText(prior.message), attempts: prior.attempts },
        prior.code,
      );
    case "invalid":
      return { status: "invalid", problems: readProblems(prior.message) };
    case "pending":
      return { status: "pending", attempts: prior.attempts };
  }
}

function withCode<T extends object>(outcome: T, code: number | string | undefined): T {
  return code === undefined ? outcome : { ...outcome, code };
}
