import type { cliEn } from "../../../src/i18n/catalog/cli.en.js";
import type { Samples } from "./samples.js";

/** Sample parameters for every message of the "cli" area: each list is rendered in every language. */
export const cliSamples: Samples<typeof cliEn> = {};
