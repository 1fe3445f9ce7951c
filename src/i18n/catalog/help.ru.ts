import type { Translation } from "../messages.js";
import type { helpEn } from "./help.en.js";

/** Русские слова области "help": те же ключи и параметры, что в help.en.ts. */
export const helpRu: Translation<typeof helpEn> = {};
