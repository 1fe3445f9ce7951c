/**
 * How header names are compared everywhere (the sources' duplicate check, the mapping, auto-mapping):
 * trimmed, case-insensitive, ё = е, runs of spaces as one, and in NFC so that a `й` typed on a Mac
 * (и + combining breve) equals the one typed on Windows. One rule, so a file the source accepts
 * never has two columns the mapping cannot tell apart.
 */
export function headerKey(header: string): string {
  return header.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase().replace(/ё/g, "е");
}

/**
 * "named Телефон", or for names that differ only in what `headerKey` ignores, "named Ёлка / Елка
 * (case, spaces and ё/е do not count)": a user looking at the file sees two different names.
 */
export function sameNamesText(names: readonly string[]): string {
  const distinct = [...new Set(names)];
  if (distinct.length === 1) return `named ${distinct[0]}`;
  return `named ${distinct.join(" / ")} (case, spaces and ё/е do not count)`;
}
