import { type Command, Option } from "commander";
import { systemClock } from "../clock.js";
import { type CampaignOptions, resolveCampaign } from "../engine/resolve.js";
import { validateCampaign } from "../engine/validate.js";
import { refuseInapplicableSourceOptions, sendingOptionWarnings } from "./applicable.js";
import { exitCodeOf } from "./exit.js";
import { currentLang } from "./lang.js";
import { campaignOptions, csvThreadOf, parseRate, sandboxAware, stateDirOf } from "./options.js";
import { formatSummary, processOutput, summaryJson } from "./output.js";

interface ValidateFlags extends CampaignOptions {
  json?: boolean;
  sandbox?: boolean;
}

export function registerValidate(program: Command): void {
  const command = program
    .command("validate")
    .description("read, map and check every row and write the report, sending nothing")
    .argument("<source>", ".csv/.tsv/.txt/.xlsx file, a Google Sheets link, or a campaign file naming one");
  for (const option of campaignOptions()) command.addOption(option);
  // docs/contract.md's common options, accepted so that one command line works for validate and run alike;
  // validate sends nothing whatever they say (--rate is checked, and a warning says it has no effect).
  command
    .addOption(new Option("--rate <n>", "checked as for run; validate sends nothing").argParser(parseRate))
    .addOption(new Option("--dry-run", "validate never sends (accepted for symmetry with run)"))
    .addOption(new Option("--sandbox", "check against the journal of --sandbox runs"))
    .addOption(new Option("--yes", "validate asks nothing (accepted for symmetry with run)"));
  command.action(async (sourceArg: string, flags: ValidateFlags) => {
    process.exitCode = await validateCommand(sourceArg, flags);
  });
}

export async function validateCommand(sourceArg: string, flags: ValidateFlags): Promise<number> {
  const output = processOutput(flags.json === true);
  const resolved = await resolveCampaign(sourceArg, flags, process.env, { clock: systemClock });
  refuseInapplicableSourceOptions(resolved.source, flags);
  const onWarning = (message: string): void => output.error(`warning: ${message}`);
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
