/**
 * How a value the user wrote is shown back in a message: `"fast"`, `5`, `a list`. Strings keep their
 * quotes so that `"5"` (text) and `5` (a number) can be told apart; long ones are shortened so that one
 * bad cell cannot flood the terminal.
 */
const MAX_SHOWN = 60;

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === "object") return "a group of keys";
  return typeof value;
}

/** "expected X, got Y", or "required, expected X" when the key is missing. */
export function typeMessage(expected: string, input: unknown): string {
  return input === undefined
    ? `required, expected ${expected}`
    : `expected ${expected}, got ${describeValue(input)}`;
}
