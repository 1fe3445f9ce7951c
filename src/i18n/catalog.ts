import { campaignEn } from "./catalog/campaign.en.js";
import { campaignRu } from "./catalog/campaign.ru.js";
import { cliEn } from "./catalog/cli.en.js";
import { cliRu } from "./catalog/cli.ru.js";
import { googleEn } from "./catalog/google.en.js";
import { googleRu } from "./catalog/google.ru.js";
import { helpEn } from "./catalog/help.en.js";
import { helpRu } from "./catalog/help.ru.js";
import { rowsEn } from "./catalog/rows.en.js";
import { rowsRu } from "./catalog/rows.ru.js";
import { runEn } from "./catalog/run.en.js";
import { runRu } from "./catalog/run.ru.js";
import { sourcesEn } from "./catalog/sources.en.js";
import { sourcesRu } from "./catalog/sources.ru.js";
import { uiEn } from "./catalog/ui.en.js";
import { uiRu } from "./catalog/ui.ru.js";
import { watchEn } from "./catalog/watch.en.js";
import { watchRu } from "./catalog/watch.ru.js";
import type { Lang } from "./lang.js";
import type { Translation } from "./messages.js";

/**
 * Every sentence ctdial says to a person, in every language, from one catalog per language made of
 * areas (catalog/<area>.<lang>.ts). Stages hand each other `Said` values (a key and its parameters);
 * the CLI, the report sinks (for `ctdial_error`) and the folder's notes turn them into words with
 * `say`. A key missing in a language, or a parameter missing in a call, fails the typecheck.
 */
export const AREAS = {
  sources: { en: sourcesEn, ru: sourcesRu },
  campaign: { en: campaignEn, ru: campaignRu },
  google: { en: googleEn, ru: googleRu },
  rows: { en: rowsEn, ru: rowsRu },
  run: { en: runEn, ru: runRu },
  watch: { en: watchEn, ru: watchRu },
  help: { en: helpEn, ru: helpRu },
  cli: { en: cliEn, ru: cliRu },
  ui: { en: uiEn, ru: uiRu },
} as const;

const en = {
  ...sourcesEn,
  ...campaignEn,
  ...googleEn,
  ...rowsEn,
  ...runEn,
  ...watchEn,
  ...helpEn,
  ...cliEn,
  ...uiEn,
};

const ru: Translation<typeof en> = {
  ...sourcesRu,
  ...campaignRu,
  ...googleRu,
  ...rowsRu,
  ...runRu,
  ...watchRu,
  ...helpRu,
  ...cliRu,
  ...uiRu,
};

export type Catalog = typeof en;
export type Key = keyof Catalog;

/** No parameters: `said("E_X", {})`. */
export type NoParams = Readonly<Record<string, never>>;

/** The parameters message `K` takes. */
export type ParamsOf<K extends Key> =
  Parameters<Catalog[K]> extends [] ? NoParams : Parameters<Catalog[K]>[0];

/**
 * Something to be said, as data: a message key and its parameters. A union over every key, so an
 * object literal `{ code: "E_X", params: {...} }` is checked against that key's parameters.
 */
export type Said = { [K in Key]: { readonly code: K; readonly params: ParamsOf<K> } }[Key];

/** A `Said` for key `K` (type-checked parameters). */
export function said<K extends Key>(code: K, params: ParamsOf<K>): Said {
  return { code, params } as unknown as Said;
}

const CATALOGS: Readonly<Record<Lang, Catalog>> = { en, ru };

/** The whole catalog of a language, for callers that word things directly: `words(lang).runSummary({...})`. */
export function words(lang: Lang): Catalog {
  return CATALOGS[lang];
}

/** The sentence for a `Said` in `lang`. */
export function say(lang: Lang, what: Said): string {
  const render = CATALOGS[lang][what.code] as (params: unknown) => string;
  return render(what.params);
}

/** Whether `code` is a message key (codes read back from JSON or a journal may not be). */
export function isKey(code: unknown): code is Key {
  return typeof code === "string" && Object.hasOwn(en, code);
}
