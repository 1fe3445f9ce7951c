import type { Said } from "../i18n/catalog.js";
import { say } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import { formatProblems } from "../mapping/types.js";
import { outcomeText, type RowOutcome } from "../outcome.js";
import { REPORT_COLUMNS } from "../report-columns.js";

/** A report cell: text, a number (codes, ids, attempts stay numbers in XLSX), or empty. */
export type ReportValue = string | number | null;

/**
 * The report cells of one outcome, in `REPORT_COLUMNS` order; `phone` is the normalised number the
 * row was (or would be) dialed at; `lang` the language `ctdial_error` is worded in (Calltouch's own
 * messages stay as it wrote them). Values are raw: formula neutralisation belongs to the writers,
 * because only they know they write to a spreadsheet.
 */
export function outcomeCells(outcome: RowOutcome, phone?: string, lang: Lang = "en"): readonly ReportValue[] {
  const cells = cellsOf(outcome, lang);
  if (phone === undefined) return cells;
  const withPhone = cells === WOULD_SEND ? [...cells] : (cells as ReportValue[]);
  withPhone[PHONE_AT] = phone;
  return withPhone;
}

const PHONE_AT = REPORT_COLUMNS.indexOf("ctdial_phone");

function cellsOf(outcome: RowOutcome, lang: Lang): readonly ReportValue[] {
  const note = (said: Said | undefined): string | undefined =>
    said === undefined ? undefined : say(lang, said);
  switch (outcome.status) {
    case "would-send":
      // Most rows of a dry run: the same cells every time (a copy is made only to add a phone).
      return outcome.note === undefined ? WOULD_SEND : row(outcome.status, { error: note(outcome.note) });
    case "invalid":
      return row(outcome.status, { error: formatProblems(lang, outcome.problems) });
    case "skipped":
      return row(outcome.status, { error: say(lang, outcome.reason) });
    case "pending":
      return row(outcome.status, {
        code: outcome.code,
        error: outcome.reason === undefined ? note(outcome.note) : outcomeText(lang, outcome.reason),
        attempts: outcome.attempts,
      });
    case "sent":
      return row(outcome.status, {
        // A sent row has no error; the column then holds the note, if any.
        error: note(outcome.note),
        requestId: outcome.requestId,
        sentAt: outcome.sentAt,
        attempts: outcome.attempts,
      });
    case "failed":
    case "unknown":
      return row(outcome.status, {
        code: outcome.code,
        error: outcomeText(lang, outcome.message),
        attempts: outcome.attempts,
      });
    default:
      return assertNever(outcome);
  }
}

const WOULD_SEND: readonly ReportValue[] = Object.freeze(["would-send", null, null, null, null, null, null]);

interface Details {
  readonly code?: number | string | undefined;
  readonly error?: string | undefined;
  readonly requestId?: number | string | undefined;
  readonly sentAt?: string | undefined;
  readonly attempts?: number | undefined;
}

function row(status: RowOutcome["status"], details: Details = {}): ReportValue[] {
  return [
    status,
    details.code ?? null,
    details.error ?? null,
    details.requestId ?? null,
    details.sentAt ?? null,
    details.attempts ?? null,
    null,
  ];
}

function assertNever(outcome: never): never {
  throw new TypeError(`unknown row outcome ${JSON.stringify(outcome)}`);
}
