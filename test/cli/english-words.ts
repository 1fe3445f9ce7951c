import { LATIN_ALLOWED } from "../i18n/latin-allowed.js";

/**
 * English words left in a text meant to be Russian (a `--help` screen): option flags, placeholders
 * (<file>), paths, file names, quoted choices and the values a user types (utf-8, tab) are names,
 * not words, and so are the names in test/i18n/latin-allowed.ts. Anything else in Latin letters is
 * an untranslated word.
 */
export function englishWordsIn(text: string): string[] {
  const rest = text
    // An entry's term (a command's or an argument's name) at the start of its line, and [name] in usage.
    .replace(/^ {2}[a-z][\w-]*(?= )/gm, " ")
    .replace(/\[[a-z][\w-]*\]/g, " ")
    .replace(/<[^<>\n]*>/g, " ")
    .replace(/"[^"\n]*"/g, " ")
    .replace(/(^|[\s(,])--?[a-zA-Z][\w-]*/g, " ")
    .replace(/\S*[/~$]\S*/g, " ")
    .replace(/\b[\w.-]+\.(?:csv|tsv|txt|xlsx|xls|yaml|yml|json|env)\b/gi, " ")
    .replace(/\b(?:utf-8|utf-16le|windows-1251|tab)\b/g, " ");
  const words = rest.match(/[A-Za-z][A-Za-z_-]*[A-Za-z]|[A-Za-z]{2,}/g) ?? [];
  return words.filter((word) => !LATIN_ALLOWED.has(word) && !LATIN_ALLOWED.has(word.replace(/-+$/, "")));
}

/**
 * A help screen without the entries of the named commands (their description is worded by the
 * command's own area and checked by its own tests): an entry is its line and the lines wrapped under it.
 */
export function withoutEntries(help: string, names: readonly string[]): string {
  let skipping = false;
  return help
    .split("\n")
    .filter((line) => {
      const entry = line.match(/^ {2}(\S+)/);
      if (entry !== null) skipping = names.includes(entry[1] ?? "");
      else if (!/^ {3,}/.test(line)) skipping = false;
      return !skipping;
    })
    .join("\n");
}
