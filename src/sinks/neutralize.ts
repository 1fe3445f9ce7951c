/**
 * Formula-injection defence for report cells (docs/contract.md "Report"; OWASP "CSV Injection", ASVS 5
 * V1.2.10, CWE-1236).
 *
 * A cell whose text starts with `=`, `+`, `-` or `@` is run as a formula by Excel, LibreOffice and
 * Google Sheets when a CSV is opened (`=HYPERLINK(...)`, `=cmd|'/c calc'!A1`). Tab, CR and NUL are
 * in the OWASP/ASVS lists too: some importers strip them and then see the formula sign behind them.
 * Such text gets a leading apostrophe, the OWASP recommendation and Excel's own marker for "this is
 * text": it is inert everywhere, and a person can still read the original value. The price is that
 * the apostrophe is visible when a CSV is opened (Excel hides it only when it was typed), so a phone
 * written `+7 999 222-33-44` shows as `'+7 999 222-33-44` in the report. We accept that: the phone
 * column holds any text the source had, and a cell we cannot tell from a formula must not run.
 *
 * Exception: text that is a plain number (`-5`, `+79992223344`, `-1,5`, `2e3`) is left as it is. A
 * spreadsheet reads it as a number, and a number cannot call anything, so the apostrophe would only
 * turn numbers into text for nothing. Text that only starts like a number (`-1+1`, `+7 999 ...`) is
 * neutralised.
 *
 * CSV reports only: an XLSX report writes text as a typed text cell (no formula element), which
 * no spreadsheet runs, so there the value is written exactly as the source had it and `+7 999 ...`
 * reads as written. The function is idempotent: neutralised text starts with `'`.
 */
const FORMULA_SIGNS = new Set(["=", "+", "-", "@", "\t", "\r", "\0"].map((sign) => sign.charCodeAt(0)));

/** A signed decimal with `.` or `,` as the separator and an optional exponent. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

export function neutralizeFormula(text: string): string {
  if (!FORMULA_SIGNS.has(text.charCodeAt(0)) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}
