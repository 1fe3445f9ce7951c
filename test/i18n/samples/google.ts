import type { googleEn } from "../../../src/i18n/catalog/google.en.js";
import type { Samples } from "./samples.js";

/** Sample parameters for every message of the "google" area: each list is rendered in every language. */
export const googleSamples: Samples<typeof googleEn> = {};
