/**
 * A file's headers as a message shows them, and the problem of a file with no phone column: the one
 * wording that auto-mapping, `ctdial init` and an explicit mapping share.
 */
const SHOWN_HEADERS = 20;

/**
 * The problem line for a file in which no phone column was named or recognised: the one wording both
 * auto-mapping and an explicit mapping use.
 */
export function noPhoneColumnProblem(
  headers: readonly string[],
  remedy = "Name the phone column Телефон or set mapping.phone",
): string {
  return `no phone column found; the file has: ${listHeaders(headers)}. ${remedy}`;
}

/** The named headers, at most 20 of them: "Телефон, Имя and 3 more". */
export function listHeaders(headers: readonly string[]): string {
  const named = headers.map((h) => h.trim()).filter((h) => h !== "");
  if (named.length === 0) return "no named columns";
  const shown = named.slice(0, SHOWN_HEADERS).join(", ");
  return named.length > SHOWN_HEADERS ? `${shown} and ${named.length - SHOWN_HEADERS} more` : shown;
}
