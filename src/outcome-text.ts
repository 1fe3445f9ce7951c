import { type Said, say } from "./i18n/catalog.js";
import type { Lang } from "./i18n/lang.js";

/**
 * What an outcome says about a row: ctdial's own words as data (a `Said`, worded in the reader's
 * language where the report or the terminal shows it), or a text ctdial did not write and passes on
 * verbatim (Calltouch's own message, which stays in its words in every language). Its own file so that
 * the Calltouch client's types can name it without importing the row outcome (and mapping with it).
 */
export type OutcomeText = Said | string;

/** The sentence of an outcome's text in `lang`: a verbatim text as it is. */
export function outcomeText(lang: Lang, text: OutcomeText): string {
  return typeof text === "string" ? text : say(lang, text);
}
