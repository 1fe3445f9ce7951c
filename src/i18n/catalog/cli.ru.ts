import type { Translation } from "../messages.js";
import type { cliEn } from "./cli.en.js";

/** Русские слова области "cli": те же ключи и параметры, что в cli.en.ts. */
export const cliRu: Translation<typeof cliEn> = {};
