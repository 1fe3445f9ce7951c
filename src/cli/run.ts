import { basename } from "node:path";
import { type Command, Option } from "commander";
import { createRateLimiter } from "../dispatch/rate-limiter.js";
import { countRows } from "../engine/report-pass.js";
import { type CampaignOptions, resolveCampaign } from "../engine/resolve.js";
import { runCampaign } from "../engine/run.js";
import { exitCodeOf, type RunSummary } from "../engine/summary.js";
import { validateCampaign } from "../engine/validate.js";
import { acquireSenderLock } from "../watch/sender-lock.js";
import { confirmOrStop } from "./confirm.js";
import { openEndpoint } from "./endpoint.js";
import { createLogger } from "./logger.js";
import { campaignOptions, parseRate, sandboxAware, stateDirOf } from "./options.js";
import { formatSummary, type Output, processOutput, summaryJson } from "./output.js";
import { createProgressBar } from "./progress.js";
import { stopOnSignals } from "./signals.js";

export interface RunFlags extends CampaignOptions {
  dryRun?: boolean;
  sandbox?: boolean;
  yes?: boolean;
  json?: boolean;
  logLevel?: string;
  /** commander's --no-wait sets wait: false. */
  wait?: boolean;
  includeUnknown?: boolean;
}

type Mode = "run" | "retry";

export function registerRun(program: Command): void {
  addSendingOptions(
    program
      .command("run")
      .description("validate, map and send every row of a campaign; resumes where the last run stopped")
      .argument("<source>", ".csv/.tsv/.txt/.xlsx file, or a campaign file naming one"),
    "run",
  );
  addSendingOptions(
    program
      .command("retry")
      .description(
        "send again only the rows whose last outcome was failed (and unknown with --include-unknown)",
      )
      .argument("<source>", ".csv/.tsv/.txt/.xlsx file, or a campaign file naming one")
      .addOption(
        new Option(
          "--include-unknown",
          "also resend rows whose answer was lost (they may have created a callback)",
        ),
      ),
    "retry",
  );
}

function addSendingOptions(command: Command, mode: Mode): void {
  for (const option of campaignOptions()) command.addOption(option);
  command
    .addOption(new Option("--rate <n>", "requests per second, 0 < n <= 5 (default 5)").argParser(parseRate))
    .addOption(new Option("--dry-run", "check every row and write the report, sending nothing"))
    .addOption(new Option("--sandbox", "send to the built-in Calltouch emulator instead of Calltouch"))
    .addOption(new Option("--yes", "do not ask for confirmation before sending"))
    .addOption(
      new Option(
        "--no-wait",
        "outside the call window, or while another ctdial sends from this machine, stop (exit 3) instead of waiting",
      ),
    )
    .addOption(
      new Option("--log-level <level>", "how much to log on stderr")
        .choices(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
        .default("info"),
    )
    .action(async (sourceArg: string, flags: RunFlags) => {
      process.exitCode = await sendCommand(sourceArg, flags, mode);
    });
}

export async function sendCommand(sourceArg: string, flags: RunFlags, mode: Mode): Promise<number> {
  const output = processOutput(flags.json === true);
  const resolved = await resolveCampaign(sourceArg, flags, process.env);
  // The sandbox accepts anything: its runs must never make rows look sent to a real run.
  const stateDir = sandboxAware(stateDirOf(flags.stateDir, process.env), flags.sandbox === true);
  const onWarning = (message: string): void => output.error(`warning: ${message}`);
  if (flags.dryRun)
    return finish(await validateCampaign(resolved, { ...flags, stateDir, onWarning }), flags, output);

  const logger = createLogger(flags.logLevel ?? "info");
  const endpoint = await openEndpoint(flags.sandbox === true, process.env);
  const progress = createProgressBar(process.stderr);
  const stop = stopOnSignals(() => {
    progress.stop();
    logger.warn(
      "stopping: requests in flight finish, then the report is written (press Ctrl+C again to quit at once)",
    );
  });
  let releaseSender: (() => Promise<void>) | undefined;
  try {
    await confirmOrStop(
      `${mode === "retry" ? "Resend the failed rows" : "Send the rows"} of ${basename(resolved.source)} to ${endpoint.description} (routeKey ${resolved.campaign.routeKey ?? "from the file"})?`,
      flags.yes === true || endpoint.sandbox,
    );
    // One sender per machine (Calltouch's limit is per IP); the in-process sandbox has no such limit.
    if (!endpoint.sandbox) {
      releaseSender = await acquireSenderLock(stateDirOf(flags.stateDir, process.env), {
        wait: flags.wait !== false,
        signal: stop.signal,
        onWait: (message) => logger.warn(message),
      });
    }
    logger.info(
      { source: resolved.source, endpoint: endpoint.description, rate: resolved.campaign.rate, mode },
      "sending",
    );
    const startedAt = Date.now();
    let lastNote: string | undefined;
    let total: number | undefined;
    if (process.stderr.isTTY) {
      // Only for the bar's total and ETA; a file that cannot be read fails the run itself, loudly.
      countRows(resolved, flags).then(
        (n) => {
          total = n;
        },
        () => {},
      );
    }
    const summary = await runCampaign(resolved, {
      ...flags,
      mode,
      stateDir,
      token: endpoint.token,
      noWait: flags.wait === false,
      client: endpoint.client,
      limiter: createRateLimiter({ rate: resolved.campaign.rate }),
      signal: stop.signal,
      logger,
      onWarning,
      onProgress: (p) => {
        // Without a terminal there is no countdown to redraw: say once that sending waits.
        if (p.note !== undefined && lastNote === undefined && !process.stderr.isTTY) logger.info(p.note);
        lastNote = p.note;
        const elapsed = Math.max(1, (Date.now() - startedAt) / 1000);
        const rate = p.done / elapsed;
        progress.update({
          done: p.done,
          total,
          rate: (p.counts.sent ?? 0) / elapsed,
          etaSeconds: total !== undefined && rate > 0 ? (total - p.done) / rate : undefined,
          counts: p.counts,
          note: p.note,
        });
      },
    });
    progress.stop();
    return finish(summary, flags, output);
  } finally {
    await releaseSender?.();
    progress.stop();
    stop.dispose();
    await endpoint.close();
  }
}

function finish(summary: RunSummary, flags: RunFlags, output: Output): number {
  for (const line of formatSummary(summary)) output.info(line);
  if (flags.json) output.json(summaryJson(summary));
  return exitCodeOf(summary);
}
