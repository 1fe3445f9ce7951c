import { type Catalog, type Said, say, words } from "../i18n/catalog.js";
import { detectLang, type Lang, systemLocale } from "../i18n/lang.js";

/**
 * The language this ctdial process speaks to its user, chosen once at start (`--lang`, CTDIAL_LANG,
 * the locale: src/i18n/lang.ts) before the commands and their help are built. One process serves one
 * person; only the folder service words a folder's notes in the folder's own `lang:` when it has one.
 */
let current: Lang = "en";

export function setLang(lang: Lang): void {
  current = lang;
}

export function currentLang(): Lang {
  return current;
}

/** The catalog in the current language: `t().E_NO_ROUTE_KEY({...})`. */
export function t(): Catalog {
  return words(current);
}

/** A `Said` in the current language. */
export function tell(what: Said): string {
  return say(current, what);
}

/** `--lang X` or `--lang=X` as given on the command line (before a lone `--`), if it was. */
export function langOption(args: readonly string[]): string | undefined {
  const end = args.indexOf("--");
  const own = end === -1 ? args : args.slice(0, end);
  let found: string | undefined;
  own.forEach((arg, at) => {
    if (arg === "--lang" && at + 1 < own.length) found = own[at + 1];
    else if (arg.startsWith("--lang=")) found = arg.slice("--lang=".length);
  });
  return found;
}

/** The language for this process from its arguments and environment. */
export function langOfProcess(args: readonly string[], env: NodeJS.ProcessEnv): Lang {
  return detectLang({ option: langOption(args), env, systemLocale });
}
