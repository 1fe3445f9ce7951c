import type { uiEn } from "../../../src/i18n/catalog/ui.en.js";
import type { Samples } from "./samples.js";

/** Sample parameters for every message of the "ui" area: each list is rendered in every language. */
export const uiSamples: Samples<typeof uiEn> = {};
