/**
 * How header names are compared everywhere (the sources' duplicate check, the mapping, auto-mapping):
 * trimmed, case-insensitive, ё = е, runs of spaces as one, and in NFC so that a `й` typed on a Mac
 * (и + combining breve) equals the one typed on Windows. One rule, so a file the source accepts
 * never has two columns the mapping cannot tell apart.
 */
export function headerKey(header: string): string {
  return header.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase().replace(/ё/g, "е");
}
