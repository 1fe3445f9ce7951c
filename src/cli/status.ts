import type { Command } from "commander";
import { type CampaignOptions, resolveCampaign } from "../engine/resolve.js";
import { type CampaignStatus, campaignStatus } from "../engine/status.js";
import { campaignOptions, sandboxAware, stateDirOf } from "./options.js";
import { processOutput } from "./output.js";

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
    const resolved = await resolveCampaign(sourceArg, flags, process.env);
    const status = await campaignStatus(resolved, {
      ...flags,
      // The same folder the sandbox runs wrote to, or --sandbox would show the real journal.
      stateDir: sandboxAware(stateDirOf(flags.stateDir, process.env), flags.sandbox === true),
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
  const lines = [`${status.total} rows: ${counts.join(", ") || "none"}`];
  if (!journal.exists) lines.push("Never run: nothing has been sent for this campaign.");
  else
    lines.push(
      `Last run: ${journal.lastRunAt ?? "unknown"} (${journal.runs} run${journal.runs === 1 ? "" : "s"})`,
    );
  if (status.left > 0) lines.push(`Left to send: ${status.left} (ctdial run continues with them)`);
  else if (journal.exists) lines.push("Nothing left to send.");
  if (status.retryable > 0) lines.push(`Failed: ${status.retryable} (ctdial retry sends them again)`);
  if ((status.rows.unknown ?? 0) > 0) {
    lines.push(
      `Unknown: ${status.rows.unknown} (the answer was lost; they may have been called; ctdial retry --include-unknown resends them)`,
    );
  }
  if (journal.tornLine !== undefined)
    lines.push(
      `Note: the journal's last line was cut off by a crash (line ${journal.tornLine}); it was ignored.`,
    );
  lines.push(`Journal: ${journal.path}`);
  return lines;
}
