import type { Said } from "./i18n/catalog.js";
import type { RowProblem } from "./mapping/types.js";
import type { OutcomeText } from "./outcome-text.js";

export { type OutcomeText, outcomeText } from "./outcome-text.js";

/**
 * The result for one row, as the report shows it (docs/contract.md "Report"). Results are data: a row
 * that cannot be sent is an outcome, not an exception.
 */
export type RowOutcome =
  /** `note`: what the report adds about a row that is sent (a past schedule time called at once). */
  | { readonly status: "would-send"; readonly note?: Said }
  | { readonly status: "invalid"; readonly problems: readonly RowProblem[] }
  | {
      readonly status: "skipped";
      readonly reason: Said;
      /** Which rule skipped it, so a summary can say how many rows each rule held back and how to change it. */
      readonly because?: SkipCause;
    }
  /** Not sent yet; after a stop, `code` and `reason` say why (10001, 10003, ...). */
  | {
      readonly status: "pending";
      readonly code?: number | string;
      readonly reason?: OutcomeText;
      readonly attempts?: number;
      readonly note?: Said;
    }
  | {
      readonly status: "sent";
      readonly requestId: number | string;
      /** ISO 8601 with offset. */
      readonly sentAt: string;
      readonly attempts: number;
      readonly note?: Said;
    }
  | {
      readonly status: "failed";
      /** Calltouch error code or HTTP status, when there is one. */
      readonly code?: number | string;
      /** Calltouch's own message verbatim where it gave one; ctdial's own words (a network failure) as data. */
      readonly message: OutcomeText;
      readonly attempts: number;
    }
  | {
      readonly status: "unknown";
      readonly code?: number | string;
      readonly message: OutcomeText;
      readonly attempts: number;
    };

export type RowStatus = RowOutcome["status"];

/**
 * - `duplicate`: the same phone earlier in this file;
 * - `excluded`: listed in an `exclude` file;
 * - `dialed-recently`: accepted by a campaign on this machine within `dedupeWindow`;
 * - `past-schedule`: its call time has passed (`pastScheduleTime`);
 * - `sent-before`: the ctdial report it was read from says it was sent (or may have been).
 */
export type SkipCause = "duplicate" | "excluded" | "dialed-recently" | "past-schedule" | "sent-before";

export const ROW_STATUSES: readonly RowStatus[] = [
  "sent",
  "invalid",
  "failed",
  "skipped",
  "pending",
  "unknown",
  "would-send",
];
