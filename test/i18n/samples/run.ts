import type { runEn } from "../../../src/i18n/catalog/run.en.js";
import type { Samples } from "./samples.js";

/** Sample parameters for every message of the "run" area: each list is rendered in every language. */
export const runSamples: Samples<typeof runEn> = {
  E_NO_ROUTE_KEY: [
    { sheet: true },
    { campaignFile: "клиенты.campaign.yaml", create: true },
    { campaignFile: "campaign.yaml" },
  ],
};
