import type { Translation } from "../messages.js";
import type { sourcesEn } from "./sources.en.js";

/** Русские слова области "sources": те же ключи и параметры, что в sources.en.ts. */
export const sourcesRu: Translation<typeof sourcesEn> = {};
