import { say } from "../i18n/catalog.js";
import type { RowOutcome } from "../outcome.js";

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

/** The default English reason of an `unknown` row whose answer was lost (the catalog's runNoAnswer). */
export const NO_ANSWER_MESSAGE = say("en", { code: "runNoAnswer", params: {} });

/** The report row for a prior state, so that a report written after any run reflects the journal. */
export function priorToOutcome(prior: PriorState): RowOutcome {
  switch (prior.status) {
    case "sent":
      return { status: "sent", requestId: prior.requestId, sentAt: prior.sentAt, attempts: prior.attempts };
    case "unknown":
      return withCode({ status: "unknown", message: prior.message, attempts: prior.attempts }, prior.code);
    case "failed":
      return withCode({ status: "failed", message: prior.message, attempts: prior.attempts }, prior.code);
    case "invalid":
      return { status: "invalid", problems: [{ message: prior.message }] };
    case "pending":
      return { status: "pending", attempts: prior.attempts };
  }
}

function withCode<T extends object>(outcome: T, code: number | string | undefined): T {
  return code === undefined ? outcome : { ...outcome, code };
}
