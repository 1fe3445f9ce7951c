import type { helpEn } from "../../../src/i18n/catalog/help.en.js";
import type { Samples } from "./samples.js";

/** Sample parameters for every message of the "help" area: each list is rendered in every language. */
export const helpSamples: Samples<typeof helpEn> = {};
