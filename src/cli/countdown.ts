import { countdown } from "../i18n/format.js";
import type { Lang } from "../i18n/lang.js";
import { currentLang } from "./lang.js";

/**
 * The waiting time the CLI shows while the call window is closed, in the CLI's language
 * (src/i18n/format.ts): "2:05:30", "3 d 4:00:00" / "3 д 4:00:00". Seconds are rounded up, so the
 * countdown never reads 0:00:00 while there is still time to wait. Pure but for the language.
 */
export function formatCountdown(ms: number, lang: Lang = currentLang()): string {
  return countdown(lang, ms);
}
