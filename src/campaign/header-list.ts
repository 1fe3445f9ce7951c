import { type Said, said, say } from "../i18n/catalog.js";

/**
 * A file's headers as a message shows them, and the problem of a file with no phone column: the one
 * wording that auto-mapping, `ctdial init` and an explicit mapping share (catalog: campaignHeaderList,
 * campaignNoPhoneColumn).
 */
const SHOWN_HEADERS = 20;

/** The named headers, at most 20 of them, and how many more there are: the parameters of campaignHeaderList. */
export function headerListParams(headers: readonly string[]): { headers: string[]; more: number } {
  const named = headers.map((h) => h.trim()).filter((h) => h !== "");
  return { headers: named.slice(0, SHOWN_HEADERS), more: Math.max(0, named.length - SHOWN_HEADERS) };
}

/**
 * The problem for a file in which no phone column was named or recognised: the one wording both
 * auto-mapping and an explicit mapping use. `remedy`: set mapping.phone, or (init) run init again.
 */
export function noPhoneColumn(headers: readonly string[], remedy: "mapping" | "init" = "mapping"): Said {
  return said("campaignNoPhoneColumn", { ...headerListParams(headers), remedy });
}

/** @deprecated English words for modules that still pass sentences; use noPhoneColumn. */
export function noPhoneColumnProblem(headers: readonly string[]): string {
  return say("en", noPhoneColumn(headers));
}

/** @deprecated English words: "Телефон, Имя and 3 more"; use headerListParams with campaignHeaderList. */
export function listHeaders(headers: readonly string[]): string {
  return say("en", said("campaignHeaderList", headerListParams(headers)));
}
