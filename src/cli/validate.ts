import { type Command, Option } from "commander";
import { systemClock } from "../clock.js";
import { type CampaignOptions, resolveCampaign } from "../engine/resolve.js";
import { validateCampaign } from "../engine/validate.js";
import type { Said } from "../i18n/catalog.js";
import { refuseInapplicableSourceOptions, sendingOptionWarnings } from "./applicable.js";
import { exitCodeOf } from "./exit.js";
import { currentLang, t, tell } from "./lang.js";
import {
  campaignOptions,
  csvThreadOf,
  parseRate,
  SOURCE_KINDS,
  sandboxAware,
  stateDirOf,
} from "./options.js";
import { formatSummary, processOutput, summaryJson } from "./output.js";

interface ValidateFlags extends CampaignOptions {
  json?: boolean;
  sandbox?: boolean;
}

export function registerValidate(program: Command): void {
  const words = t();
  const command = program
    .command("validate")
    .description(words.helpValidateDescription())
    .argument("<source>", words.helpSourceArgument({ kinds: SOURCE_KINDS }));
  for (const option of campaignOptions()) command.addOption(option);
  // docs/contract.md's common options, accepted so that one command line works for validate and run alike;
  // validate sends nothing whatever they say (--rate is checked, and a warning says it has no effect).
  command
    .addOption(new Option("--rate <n>", words.helpValidateRate()).argParser(parseRate))
    .addOption(new Option("--dry-run", words.helpValidateDryRun()))
    .addOption(new Option("--sandbox", words.helpValidateSandbox()))
    .addOption(new Option("--yes", words.helpValidateYes()));
  command.action(async (sourceArg: string, flags: ValidateFlags) => {
    process.exitCode = await validateCommand(sourceArg, flags);
  });
}

export async function validateCommand(sourceArg: string, flags: ValidateFlags): Promise<number> {
  const output = processOutput(flags.json === true);
  const resolved = await resolveCampaign(sourceArg, flags, process.env, { clock: systemClock });
  refuseInapplicableSourceOptions(resolved.source, flags);
  const onWarning = (message: string, said?: Said): void =>
    output.error(t().cliWarning({ text: said === undefined ? message : tell(said) }));
  for (const warning of sendingOptionWarnings("validate", flags)) onWarning(warning);
  const summary = await validateCampaign(resolved, {
    ...flags,
    csvThread: csvThreadOf(process.env),
    // As run --sandbox --dry-run and status --sandbox do: rows the sandbox took show as already sent.
    stateDir: sandboxAware(stateDirOf(flags.stateDir, process.env), flags.sandbox === true),
    clock: systemClock,
    onWarning,
    lang: currentLang(),
  });
  for (const line of formatSummary(summary)) output.info(line);
  if (flags.json) output.json(summaryJson(summary));
  return exitCodeOf(summary);
}
