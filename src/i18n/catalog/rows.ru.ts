import type { Translation } from "../messages.js";
import type { rowsEn } from "./rows.en.js";

/** Русские слова области "rows": те же ключи и параметры, что в rows.en.ts. */
export const rowsRu: Translation<typeof rowsEn> = {};
