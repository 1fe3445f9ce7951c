import type { Translation } from "../messages.js";
import type { googleEn } from "./google.en.js";

/** Русские слова области "google": те же ключи и параметры, что в google.en.ts. */
export const googleRu: Translation<typeof googleEn> = {};
