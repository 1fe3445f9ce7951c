import type { Messages } from "../messages.js";

/**
 * English words of the "help" area: `--help` of the commands ctdial's CLI defines (run, retry,
 * validate, status, init; watch and sandbox word their own), the options every campaign command
 * shares, and commander's own words (titles, usage, its error messages), worded exactly as commander
 * words them. catalog/help.ru.ts must have the same keys with the same parameters (the typecheck says
 * so). Keys are unique across areas (test/i18n/catalog.test.ts).
 */

/** commander's "(Did you mean --x?)" after an unknown option or command. */
function didYouMean(names: readonly string[] | undefined): string {
  if (names === undefined || names.length === 0) return "";
  return names.length === 1
    ? `\n(Did you mean ${names[0]}?)`
    : `\n(Did you mean one of ${names.join(", ")}?)`;
}

export const helpEn = {
  // The program and its commands.
  helpProgramDescription: () => "Turn a spreadsheet of clients into a Calltouch callback campaign.",
  helpRunDescription: () =>
    "validate, map and send every row of a campaign; resumes where the last run stopped",
  helpRetryDescription: () =>
    "send again only the rows whose last outcome was failed (and unknown with --include-unknown)",
  helpValidateDescription: () => "read, map and check every row and write the report, sending nothing",
  helpStatusDescription: () => "what the journal knows: counts by status, when last run, what is left",
  helpInitDescription: () =>
    "read the headers, propose a mapping and write <name>.campaign.yaml beside the source",
  helpSourceArgument: (p: { kinds: string }) =>
    `${p.kinds} file, a Google Sheets link, or a campaign file naming one`,
  helpInitSourceArgument: (p: { kinds: string }) => `${p.kinds} file or a Google Sheets link`,

  // Options every campaign command takes (cli/options.ts campaignOptions).
  helpOptionCampaign: () =>
    "campaign file (default: <name>.campaign.yaml or campaign.yaml beside the source)",
  helpOptionRouteKey: () =>
    "Calltouch widget key for every row (overrides the campaign and CALLTOUCH_ROUTE_KEY)",
  helpOptionSheet: () => "XLSX or Google Sheets tab to read (default: the link's tab, else the first)",
  helpOptionReport: () =>
    "where to write the report (default: <name>.report.csv/.xlsx beside the source; a Google Sheet: into the sheet)",
  helpOptionEncoding: (p: { examples: string }) =>
    `CSV encoding instead of detecting it (${p.examples}, ...)`,
  helpOptionDelimiter: (p: { examples: string }) => `CSV delimiter instead of detecting it (${p.examples})`,
  helpOptionStateDir: (p: { env: string; path: string }) =>
    `where journals are kept (default: ${p.env} or ${p.path})`,
  helpOptionJson: () => "print one JSON summary object as the last line of stdout",
  helpOptionLang: () => "language of messages and help: en or ru (default: CTDIAL_LANG, else the locale)",

  // run and retry.
  helpOptionRate: () => "requests per second, 0 < n <= 5 (default 5)",
  helpOptionDryRun: () => "check every row and write the report, sending nothing",
  helpOptionSandbox: () => "send to the built-in Calltouch emulator instead of Calltouch",
  helpOptionYes: () => "do not ask for confirmation before sending",
  helpOptionNoWait: () =>
    "outside the call window, or while another ctdial sends from this machine, stop (exit 3) instead of waiting",
  helpOptionLogLevel: () => "how much to log on stderr",
  helpOptionIncludeUnknown: () => "also resend rows whose answer was lost (they may have created a callback)",

  // validate, status, init.
  helpValidateRate: () => "checked as for run; validate sends nothing",
  helpValidateDryRun: () => "validate never sends (accepted for symmetry with run)",
  helpValidateSandbox: () => "check against the journal of --sandbox runs",
  helpValidateYes: () => "validate asks nothing (accepted for symmetry with run)",
  helpStatusSandbox: () => "show the journal of --sandbox runs",
  helpInitEncoding: () => "CSV encoding instead of detecting it",
  helpInitDelimiter: () => "CSV delimiter instead of detecting it",
  helpInitForce: () => "overwrite an existing campaign file",

  // Values an option refuses (a usage error, exit 2): commander puts them after its own words.
  helpExpectedRate: (p: { value: string }) =>
    `expected a number above 0 and at most 5 (Calltouch's limit), got "${p.value}".`,
  helpExpectedPort: (p: { value: string }) => `expected a port number from 0 to 65535, got "${p.value}".`,
  helpExpectedShare: (p: { value: string }) => `expected a share from 0 to 1 such as 0.2, got "${p.value}".`,
  helpExpectedSeconds: (p: { value: string }) => `expected seconds, at least 1, got "${p.value}".`,
  helpExpectedCount: (p: { value: string }) => `expected a whole number from 0 up, got "${p.value}".`,
  helpExpectedLang: () => "expected en or ru.",

  // commander's own words.
  helpVersionOption: () => "output the version number",
  helpHelpOption: () => "display help for command",
  helpHelpCommand: () => "display help for command",
  helpAfterError: () => "(run ctdial --help for usage)",
  helpTitleUsage: () => "Usage:",
  helpTitleArguments: () => "Arguments:",
  helpTitleOptions: () => "Options:",
  helpTitleGlobalOptions: () => "Global Options:",
  helpTitleCommands: () => "Commands:",
  helpUsageOptions: () => "[options]",
  helpUsageCommand: () => "[command]",
  helpChoices: (p: { values: string[] }) => `choices: ${p.values.join(", ")}`,
  helpDefault: (p: { value: string }) => `default: ${p.value}`,
  helpError: (p: { text: string }) => `error: ${p.text}`,
  helpUnknownOption: (p: { option: string; suggestions?: string[] }) =>
    `unknown option '${p.option}'${didYouMean(p.suggestions)}`,
  helpUnknownCommand: (p: { command: string; suggestions?: string[] }) =>
    `unknown command '${p.command}'${didYouMean(p.suggestions)}`,
  helpMissingArgument: (p: { argument: string }) => `missing required argument '${p.argument}'`,
  helpOptionMissingArgument: (p: { option: string }) => `option '${p.option}' argument missing`,
  helpMissingMandatoryOption: (p: { option: string }) => `required option '${p.option}' not specified`,
  helpExcessArguments: (p: { command?: string; expected: number; got: number }) =>
    `too many arguments${p.command === undefined ? "" : ` for '${p.command}'`}. Expected ${p.expected} argument${p.expected === 1 ? "" : "s"} but got ${p.got}.`,
  helpInvalidOptionValue: (p: { option: string; value: string; reason: string }) =>
    `option '${p.option}' argument '${p.value}' is invalid. ${p.reason}`,
  helpInvalidArgumentValue: (p: { argument: string; value: string; reason: string }) =>
    `command-argument value '${p.value}' is invalid for argument '${p.argument}'. ${p.reason}`,
  helpAllowedChoices: (p: { values: string[] }) => `Allowed choices are ${p.values.join(", ")}.`,
} satisfies Messages;
