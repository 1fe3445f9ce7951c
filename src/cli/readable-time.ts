import { readableTime as readableTimeIn } from "../i18n/format.js";
import type { Lang } from "../i18n/lang.js";
import { currentLang } from "./lang.js";

export { machineZone } from "../i18n/format.js";

/**
 * A time as a person reads it, in the CLI's language (src/i18n/format.ts): `7 Dec 2026, 09:00
 * (Europe/Moscow)`, `7 декабря 2026, 09:00 (Europe/Moscow)`, in the zone it matters in (a file's
 * campaign's, else the machine's), never bare UTC. Reports and JSON keep ISO 8601. `seconds` for
 * times that tell whether something is alive ("Updated"); `lang` where the words are for someone
 * else than this process's user (a folder's notes in its campaign's language).
 */
export function readableTime(
  epochMs: number,
  zone?: string,
  seconds = false,
  lang: Lang = currentLang(),
): string {
  return readableTimeIn(lang, epochMs, { zone, seconds });
}
