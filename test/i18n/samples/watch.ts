import type { watchEn } from "../../../src/i18n/catalog/watch.en.js";
import type { Samples } from "./samples.js";

/** Sample parameters for every message of the "watch" area: each list is rendered in every language. */
export const watchSamples: Samples<typeof watchEn> = {};
