import type { Command } from "commander";
import { systemClock } from "../clock.js";
import { type CampaignOptions, resolveCampaign } from "../engine/resolve.js";
import { type CampaignStatus, campaignStatus } from "../engine/status.js";
import { isoInZone } from "../time/local-time.js";
import { refuseInapplicableSourceOptions } from "./applicable.js";
import { t } from "./lang.js";
import { campaignOptions, csvThreadOf, SOURCE_KINDS, sandboxAware, stateDirOf } from "./options.js";
import { processOutput } from "./output.js";

interface StatusFlags extends CampaignOptions {
  json?: boolean;
  sandbox?: boolean;
}

export function registerStatus(program: Command): void {
  const words = t();
  const command = program
    .command("status")
    .description(words.helpStatusDescription())
    .argument("<source>", words.helpSourceArgument({ kinds: SOURCE_KINDS }));
  for (const option of campaignOptions()) if (option.long !== "--report") command.addOption(option);
  command.option("--sandbox", words.helpStatusSandbox());
  command.action(async (sourceArg: string, flags: StatusFlags) => {
    const output = processOutput(flags.json === true);
    const resolved = await resolveCampaign(sourceArg, flags, process.env, {
      writesReport: false,
      clock: systemClock,
    });
    refuseInapplicableSourceOptions(resolved.source, flags);
    const status = await campaignStatus(resolved, {
      ...flags,
      csvThread: csvThreadOf(process.env),
      // The same folder the sandbox runs wrote to, or --sandbox would show the real journal.
      stateDir: sandboxAware(stateDirOf(flags.stateDir, process.env), flags.sandbox === true),
      clock: systemClock,
    });
    for (const line of formatStatus(status)) output.info(line);
    if (flags.json) output.json(status);
    process.exitCode = 0;
  });
}

export function formatStatus(status: CampaignStatus): string[] {
  const words = t();
  const { journal, rows } = status;
  const lines = [
    words.cliStatusCounts({
      total: status.total,
      sent: rows.sent ?? 0,
      pending: rows.pending ?? 0,
      failed: rows.failed ?? 0,
      unknown: rows.unknown ?? 0,
      invalid: rows.invalid ?? 0,
      skipped: rows.skipped ?? 0,
    }),
  ];
  if (!journal.exists) lines.push(words.cliStatusNeverRun());
  else {
    lines.push(
      words.cliStatusLastRun({
        ...(journal.lastRunAt === undefined ? {} : { at: isoInZone(journal.lastRunAt, status.timezone) }),
        zone: status.timezone,
        runs: journal.runs,
      }),
    );
  }
  if (status.left > 0) lines.push(words.cliStatusLeft({ count: status.left }));
  else if (journal.exists) lines.push(words.cliStatusNothingLeft());
  if (status.retryable > 0) lines.push(words.cliStatusFailed({ count: status.retryable }));
  const unknown = rows.unknown ?? 0;
  if (unknown > 0) lines.push(words.cliStatusUnknown({ count: unknown }));
  if (journal.tornLine !== undefined) lines.push(words.cliStatusTornLine({ line: journal.tornLine }));
  lines.push(words.cliStatusJournal({ path: journal.path }));
  return lines;
}
