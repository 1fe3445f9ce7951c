import type { rowsEn } from "../../../src/i18n/catalog/rows.en.js";
import type { Samples } from "./samples.js";

/** Sample parameters for every message of the "rows" area: each list is rendered in every language. */
export const rowsSamples: Samples<typeof rowsEn> = {};
