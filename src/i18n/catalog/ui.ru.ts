import type { Translation } from "../messages.js";
import type { uiEn } from "./ui.en.js";

/** Русские слова области "ui": те же ключи и параметры, что в ui.en.ts. */
export const uiRu: Translation<typeof uiEn> = {};
