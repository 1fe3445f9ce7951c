/**
 * How a value the user wrote is shown back in a message, as a "shown" token that the catalog words in
 * each language (gotEn / gotRu in src/i18n/catalog/campaign.*.ts): a string keeps its quotes
 * (`"fast"`) so that `"5"` (text) and `5` (a number) can be told apart, and long ones are shortened
 * so that one bad cell cannot flood the terminal; numbers and booleans are written as they are; what
 * has no short form is a word starting with `~`: `~nothing`, `~empty`, `~list`, `~emptyList`,
 * `~group`, `~date:2026-01-02`.
 */
const MAX_SHOWN = 60;

export function describeValue(value: unknown): string {
  if (value === undefined) return "~nothing";
  if (value === null) return "~empty";
  if (typeof value === "string") {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "~emptyList" : "~list";
  if (value instanceof Date) return `~date:${value.toISOString().slice(0, 10)}`;
  if (typeof value === "object") return "~group";
  return `~other:${typeof value}`;
}
