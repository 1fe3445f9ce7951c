import type { campaignEn } from "../../../src/i18n/catalog/campaign.en.js";
import type { Samples } from "./samples.js";

/** Sample parameters for every message of the "campaign" area: each list is rendered in every language. */
export const campaignSamples: Samples<typeof campaignEn> = {};
