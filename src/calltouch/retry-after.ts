/**
 * A Retry-After header (RFC 9110 10.2.3) in milliseconds: either delay-seconds or an HTTP date.
 * Pure: the caller passes the clock. Returns undefined for a missing or unreadable header, so that a
 * garbled value never turns into a zero wait or an endless one.
 */
export function parseRetryAfter(
  value: string | readonly string[] | undefined,
  now: number,
): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (/^\d+$/.test(raw)) {
    const seconds = Number(raw);
    return Number.isSafeInteger(seconds) ? seconds * 1000 : undefined;
  }
  // Only the IMF-fixdate shape and its obsolete cousins carry letters and a comma or spaces; a bare
  // "1.5" or "-3" is not a date even though Date.parse would accept some of them.
  if (!/[a-z]/i.test(raw)) return undefined;
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
