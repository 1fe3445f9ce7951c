import type { Translation } from "../messages.js";
import type { watchEn } from "./watch.en.js";

/** Русские слова области "watch": те же ключи и параметры, что в watch.en.ts. */
export const watchRu: Translation<typeof watchEn> = {};
