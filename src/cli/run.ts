import { basename } from "node:path";
import { type Command, Option } from "commander";
import { createRateLimiter } from "../dispatch/rate-limiter.js";
import { type CampaignOptions, resolveCampaign } from "../engine/resolve.js";
import { runCampaign } from "../engine/run.js";
import { exitCodeOf, type RunSummary } from "../engine/summary.js";
import { validateCampaign } from "../engine/validate.js";
import { confirmOrStop } from "./confirm.js";
import { openEndpoint } from "./endpoint.js";
import { createLogger } from "./logger.js";
import { campaignOptions, parseRate } from "./options.js";
import { formatSummary, processOutput, summaryJson } from "./output.js";
import { createProgressBar } from "./progress.js";
import { stopOnSignals } from "./signals.js";

export interface RunFlags extends CampaignOptions {
  dryRun?: boolean;
  sandbox?: boolean;
  yes?: boolean;
  json?: boolean;
  logLevel?: string;
}

export function registerRun(program: Command): void {
  const command = program
    .command("run")
    .description("validate, map and send every row of a campaign at Calltouch's rate limit")
    .argument("<source>", ".csv/.tsv/.txt/.xlsx file, or a campaign file naming one");
  for (const option of campaignOptions()) command.addOption(option);
  command
    .addOption(new Option("--rate <n>", "requests per second, 0 < n <= 5 (default 5)").argParser(parseRate))
    .addOption(new Option("--dry-run", "check every row and write the report, sending nothing"))
    .addOption(new Option("--sandbox", "send to the built-in Calltouch emulator instead of Calltouch"))
    .addOption(new Option("--yes", "do not ask for confirmation before sending"))
    .addOption(
      new Option("--log-level <level>", "how much to log on stderr")
        .choices(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
        .default("info"),
    )
    .action(async (sourceArg: string, flags: RunFlags) => {
      process.exitCode = await runCommand(sourceArg, flags);
    });
}

export async function runCommand(sourceArg: string, flags: RunFlags): Promise<number> {
  const output = processOutput(flags.json === true);
  const resolved = await resolveCampaign(sourceArg, flags, process.env);
  if (flags.dryRun) return finish(await validateCampaign(resolved, flags), flags, output);

  const logger = createLogger(flags.logLevel ?? "info");
  const endpoint = await openEndpoint(flags.sandbox === true, process.env);
  const progress = createProgressBar(process.stderr);
  const stop = stopOnSignals(() => {
    progress.stop();
    logger.warn(
      "stopping: requests in flight finish, then the report is written (press Ctrl+C again to quit at once)",
    );
  });
  try {
    await confirmOrStop(
      `Send the rows of ${basename(resolved.source)} to ${endpoint.description} (routeKey ${resolved.campaign.routeKey ?? "from the file"})?`,
      flags.yes === true || endpoint.sandbox,
    );
    logger.info(
      { source: resolved.source, endpoint: endpoint.description, rate: resolved.campaign.rate },
      "sending",
    );
    const limiter = createRateLimiter({ rate: resolved.campaign.rate });
    const startedAt = Date.now();
    const summary = await runCampaign(resolved, {
      ...flags,
      client: endpoint.client,
      limiter,
      signal: stop.signal,
      logger,
      onProgress: (p) =>
        progress.update({
          done: p.done,
          rate: (p.counts.sent ?? 0) / Math.max(1, (Date.now() - startedAt) / 1000),
          counts: p.counts,
        }),
    });
    progress.stop();
    return finish(summary, flags, output);
  } finally {
    progress.stop();
    stop.dispose();
    await endpoint.close();
  }
}

function finish(summary: RunSummary, flags: RunFlags, output: ReturnType<typeof processOutput>): number {
  for (const line of formatSummary(summary)) output.info(line);
  if (flags.json) output.json(summaryJson(summary));
  return exitCodeOf(summary);
}
