/**
 * The last line of defence for secrets: every text that leaves ctdial through an error message passes
 * `redact`. Code must not put the token into messages in the first place; this catches the case where
 * a library echoes it back (a proxy page that prints request headers, an error that quotes a URL).
 */
const secrets = new Set<string>();

/** Remember a secret for the life of the process; values too short to be secrets are ignored. */
export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= 6) secrets.add(value);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  return out;
}
