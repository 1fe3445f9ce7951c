import { campaignSamples } from "./campaign.js";
import { cliSamples } from "./cli.js";
import { googleSamples } from "./google.js";
import { helpSamples } from "./help.js";
import { rowsSamples } from "./rows.js";
import { runSamples } from "./run.js";
import { sourcesSamples } from "./sources.js";
import { uiSamples } from "./ui.js";
import { watchSamples } from "./watch.js";

export const SAMPLES: Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>> = {
  sources: sourcesSamples,
  campaign: campaignSamples,
  google: googleSamples,
  rows: rowsSamples,
  run: runSamples,
  watch: watchSamples,
  help: helpSamples,
  cli: cliSamples,
  ui: uiSamples,
};
