import type { Translation } from "../messages.js";
import type { campaignEn } from "./campaign.en.js";

/** Русские слова области "campaign": те же ключи и параметры, что в campaign.en.ts. */
export const campaignRu: Translation<typeof campaignEn> = {};
