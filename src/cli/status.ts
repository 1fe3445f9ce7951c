import type { Command } from "commander";
import { systemClock } from "../clock.js";
import { type CampaignOptions, resolveCampaign } from "../engine/resolve.js";
import { type CampaignStatus, campaignStatus } from "../engine/status.js";
import { isoInZone } from "../time/local-time.js";
import { refuseInapplicableSourceOptions } from "./applicable.js";
import { campaignOptions, csvThreadOf, sandboxAware, stateDirOf } from "./options.js";
import { processOutput } from "./output.js";
import { noun, plural } from "./plural.js";

interface StatusFlags extends CampaignOptions {
  json?: boolean;
  sandbox?: boolean;
}

export function registerStatus(program: Command): void {
  const command = program
    .command("status")
    .description("what the journal knows: counts by status, when last run, what is left")
    .argument("<source>", ".csv/.tsv/.txt/.xlsx file, a Google Sheets link, or a campaign file naming one");
  for (const option of campaignOptions()) if (option.long !== "--report") command.addOption(option);
  command.option("--sandbox", "show the journal of --sandbox runs");
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

const ORDER = ["sent", "pending", "failed", "unknown", "invalid", "skipped"] as const;

export function formatStatus(status: CampaignStatus): string[] {
  const { journal } = status;
  const counts = ORDER.filter((s) => (status.rows[s] ?? 0) > 0).map((s) => `${s} ${status.rows[s]}`);
  const lines = [`${plural(status.total, "row")}: ${counts.join(", ") || "none"}`];
  if (!journal.exists) lines.push("Never run: nothing has been sent for this campaign.");
  else {
    const at = journal.lastRunAt === undefined ? "unknown" : isoInZone(journal.lastRunAt, status.timezone);
    lines.push(`Last run: ${at} (${plural(journal.runs, "run")})`);
  }
  if (status.left > 0)
    lines.push(`Left to send: ${status.left} (ctdial run continues with ${them(status.left)})`);
  else if (journal.exists) lines.push("Nothing left to send.");
  if (status.retryable > 0)
    lines.push(`Failed: ${status.retryable} (ctdial retry sends ${them(status.retryable)} again)`);
  const unknown = status.rows.unknown ?? 0;
  if (unknown > 0) {
    lines.push(
      `Unknown: ${unknown} (the answer was lost; ${noun(unknown, "it", "they")} may have been called; ctdial retry --include-unknown resends ${them(unknown)})`,
    );
  }
  if (journal.tornLine !== undefined)
    lines.push(
      `Note: the journal's last line was cut off by a crash (line ${journal.tornLine}); it was ignored.`,
    );
  lines.push(`Journal: ${journal.path}`);
  return lines;
}

function them(count: number): string {
  return noun(count, "it", "them");
}
