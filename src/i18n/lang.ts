/**
 * Which language ctdial speaks: Russian to a Russian-speaking user, English to everyone else. The
 * order is the one a person expects: the command line, then ctdial's own variable, then the POSIX
 * locale (LC_ALL over LC_MESSAGES over LANG, as gettext reads them), then the system's locale as
 * `Intl` reports it (on Windows LANG is usually unset). Pure: the caller hands in what it has.
 */
export type Lang = "en" | "ru";

export const LANGS: readonly Lang[] = ["en", "ru"];

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "ru";
}

/** `ru`, `ru_RU.UTF-8`, `ru-RU` -> ru; `C`, `POSIX`, `en_US.UTF-8`, `de` -> en. */
export function langOfLocale(locale: string): Lang {
  return /^ru(?:[_\-.@]|$)/i.test(locale.trim()) ? "ru" : "en";
}

export interface LangInputs {
  /** `--lang` as given, if it was. */
  readonly option?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * The system's locale, e.g. `Intl.DateTimeFormat().resolvedOptions().locale`; a function is asked
   * only when nothing else decides (asking Intl loads its date data: 8 MB a command would pay).
   */
  readonly systemLocale?: string | (() => string) | undefined;
}

export function detectLang({ option, env, systemLocale }: LangInputs): Lang {
  if (option !== undefined && isLang(option)) return option;
  for (const name of ["CTDIAL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") return langOfLocale(value);
  }
  if (systemLocale === undefined) return "en";
  return langOfLocale(typeof systemLocale === "function" ? systemLocale() : systemLocale);
}

/** The system's locale as the JavaScript runtime sees it. */
export function systemLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
