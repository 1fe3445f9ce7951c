import type { sourcesEn } from "../../../src/i18n/catalog/sources.en.js";
import type { Samples } from "./samples.js";

/** Sample parameters for every message of the "sources" area: each list is rendered in every language. */
export const sourcesSamples: Samples<typeof sourcesEn> = {};
