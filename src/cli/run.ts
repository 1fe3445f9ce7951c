import { basename } from "node:path";
import { type Command, Option } from "commander";
import type { Logger } from "pino";
import { systemClock } from "../clock.js";
import { createRateLimiter } from "../dispatch/rate-limiter.js";
import { countRows } from "../engine/plan.js";
import { type CampaignOptions, type ResolvedCampaign, resolveCampaign } from "../engine/resolve.js";
import { runCampaign } from "../engine/run.js";
import type { RunSummary } from "../engine/summary.js";
import { validateCampaign } from "../engine/validate.js";
import type { Said } from "../i18n/catalog.js";
import { said } from "../i18n/catalog.js";
import { acquireSenderLock } from "../journal/sender-lock.js";
import {
  refuseInapplicableSourceOptions,
  refuseIncludeUnknownOnRun,
  sendingOptionWarnings,
} from "./applicable.js";
import { logAttempt } from "./attempt-log.js";
import { type CleanupStep, runCleanup } from "./cleanup.js";
import { confirmationQuestion, confirmOrStop, countRowsToSend, willAsk } from "./confirm.js";
import { type Endpoint, openEndpoint } from "./endpoint.js";
import { exitCodeOf } from "./exit.js";
import { currentLang, t, tell } from "./lang.js";
import { createLogger } from "./logger.js";
import { hookErrorText, runWaitText, senderWaitText, sinkFailureText } from "./messages.js";
import {
  campaignOptions,
  csvThreadOf,
  parseRate,
  SOURCE_KINDS,
  sandboxAware,
  stateDirOf,
} from "./options.js";
import { formatSummary, type Output, processOutput, summaryJson } from "./output.js";
import { createProgressBar, type ProgressBar } from "./progress.js";
import { sheetWriteWarningText } from "./sheet-write-warning.js";
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
  /** --log-level was typed, not defaulted (only to warn that --dry-run ignores it). */
  logLevelGiven?: boolean;
}

type Mode = "run" | "retry";

export function registerRun(program: Command): void {
  const words = t();
  addSendingOptions(
    program
      .command("run")
      .description(words.helpRunDescription())
      .argument("<source>", words.helpSourceArgument({ kinds: SOURCE_KINDS }))
      // Not run's option: accepted only to say where it belongs instead of "unknown option".
      .addOption(new Option("--include-unknown").hideHelp()),
    "run",
  );
  addSendingOptions(
    program
      .command("retry")
      .description(words.helpRetryDescription())
      .argument("<source>", words.helpSourceArgument({ kinds: SOURCE_KINDS }))
      .addOption(new Option("--include-unknown", words.helpOptionIncludeUnknown())),
    "retry",
  );
}

function addSendingOptions(command: Command, mode: Mode): void {
  const words = t();
  for (const option of campaignOptions()) command.addOption(option);
  command
    .addOption(new Option("--rate <n>", words.helpOptionRate()).argParser(parseRate))
    .addOption(new Option("--dry-run", words.helpOptionDryRun()))
    .addOption(new Option("--sandbox", words.helpOptionSandbox()))
    .addOption(new Option("--yes", words.helpOptionYes()))
    .addOption(new Option("--no-wait", words.helpOptionNoWait()))
    .addOption(
      new Option("--log-level <level>", words.helpOptionLogLevel())
        .choices(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
        .default("info"),
    )
    .action(async (sourceArg: string, flags: RunFlags, self: Command) => {
      const logLevelGiven = self.getOptionValueSource("logLevel") === "cli";
      process.exitCode = await sendCommand(sourceArg, { ...flags, logLevelGiven }, mode);
    });
}

export async function sendCommand(sourceArg: string, flags: RunFlags, mode: Mode): Promise<number> {
  if (mode === "run" && flags.includeUnknown) refuseIncludeUnknownOnRun();
  const output = processOutput(flags.json === true);
  const resolved = await resolveCampaign(sourceArg, flags, process.env, { clock: systemClock });
  refuseInapplicableSourceOptions(resolved.source, flags);
  // The sandbox accepts anything: its runs must never make rows look sent to a real run.
  const stateDir = sandboxAware(stateDirOf(flags.stateDir, process.env), flags.sandbox === true);
  const onWarning = (message: string, said?: Said): void =>
    output.error(t().cliWarning({ text: said === undefined ? message : tell(said) }));
  if (flags.dryRun) {
    for (const warning of sendingOptionWarnings(`${mode} --dry-run`, flags)) onWarning(warning);
    return printSummary(
      await validateCampaign(resolved, {
        ...flags,
        csvThread: csvThreadOf(process.env),
        stateDir,
        clock: systemClock,
        onWarning,
        lang: currentLang(),
      }),
      flags,
      output,
    );
  }

  const progress = createProgressBar(process.stderr);
  const logger = createLogger(flags.logLevel ?? "info", undefined, undefined, () => progress.stop());
  const endpoint = await openEndpoint(flags.sandbox === true, process.env);
  const stop = stopOnSignals(() => {
    progress.stop();
    logger.warn(t().cliStopping());
  });
  let summary: RunSummary;
  /** Sheet rows whose result was written elsewhere than where they were read: read row -> row now. */
  const moved = new Map<number, number>();
  let releaseSender: (() => Promise<void>) | undefined;
  try {
    const total = await confirmRun(resolved, flags, mode, stateDir, endpoint);
    // One sender per machine (Calltouch's limit is per IP); the in-process sandbox has no such limit.
    if (!endpoint.sandbox) {
      releaseSender = await acquireSenderLock(stateDirOf(flags.stateDir, process.env), {
        wait: flags.wait !== false,
        signal: stop.signal,
        onWait: (holder) => logger.warn(senderWaitText(holder)),
      });
    }
    const startedAt = Date.now();
    let lastNote: string | undefined;
    summary = await runCampaign(resolved, {
      ...flags,
      csvThread: csvThreadOf(process.env),
      mode,
      stateDir,
      lang: currentLang(),
      token: endpoint.token,
      noWait: flags.wait === false,
      client: endpoint.client,
      limiter: createRateLimiter({ rate: resolved.campaign.rate }),
      signal: stop.signal,
      onReady: () => {
        logger.info(
          { source: resolved.source, endpoint: endpoint.description, rate: resolved.campaign.rate, mode },
          t().cliSending(),
        );
      },
      clock: systemClock,
      onAttempt: (attempt) => logAttempt(logger, attempt),
      onWarning,
      sheetWriteback: {
        onWarning: (warning) => onWarning(sheetWriteWarningText(warning)),
        onRowMoved: (readAt, writtenAt) => moved.set(readAt, writtenAt),
      },
      onSinkFailure: (name, error, target) => onWarning(sinkFailureText(name, error, target)),
      onHookError: (error) => onWarning(hookErrorText(error)),
      onProgress: (p) => {
        // Without a terminal there is no countdown to redraw: say once that sending waits.
        const note = p.waiting === undefined ? undefined : runWaitText(p.waiting, systemClock.now());
        if (note !== undefined && lastNote === undefined && !process.stderr.isTTY) logger.info(note);
        lastNote = note;
        const elapsed = Math.max(1, (Date.now() - startedAt) / 1000);
        const rate = p.done / elapsed;
        const rows = total.value;
        progress.update({
          done: p.done,
          total: rows,
          rate: (p.counts.sent ?? 0) / elapsed,
          etaSeconds: rows !== undefined && rate > 0 ? (rows - p.done) / rate : undefined,
          counts: p.counts,
          note,
        });
      },
    });
  } finally {
    // Each step runs whatever the others do: a progress line that cannot be cleared must not leave
    // the sandbox server open (the process would never exit) or hide the run's own error.
    await runCleanup([
      { what: said("cliCleanupReleaseSender", {}), run: () => releaseSender?.() },
      ...closingSteps({ progress, signals: stop, endpoint, logger }),
    ]);
  }
  return printSummary(summary, flags, output, moved);
}

/** What a sending run closes, in order; each step runs whatever the others do (see cleanup.ts). */
export function closingSteps(parts: {
  progress: Pick<ProgressBar, "stop">;
  signals: { dispose(): void };
  endpoint: Pick<Endpoint, "close">;
  logger: Pick<Logger, "flush">;
}): CleanupStep[] {
  return [
    { what: said("cliCleanupProgress", {}), run: () => parts.progress.stop() },
    { what: said("cliCleanupSignals", {}), run: () => parts.signals.dispose() },
    { what: said("cliCleanupConnection", {}), run: () => parts.endpoint.close() },
    { what: said("cliCleanupLog", {}), run: () => parts.logger.flush() },
  ];
}

/**
 * Asks before sending when a person is at the terminal, saying how many rows are about to go, and
 * learns the file's row count for the progress bar's total and ETA (on a terminal only).
 */
async function confirmRun(
  resolved: ResolvedCampaign,
  flags: RunFlags,
  mode: Mode,
  stateDir: string,
  endpoint: Endpoint,
): Promise<{ value: number | undefined }> {
  const total: { value: number | undefined } = { value: undefined };
  if (!process.stderr.isTTY) return total;
  const options = {
    encoding: flags.encoding,
    delimiter: flags.delimiter,
    stateDir,
    csvThread: csvThreadOf(process.env),
  };
  // A sheet is not counted ahead: that would read the whole tab once more against Google's read quota.
  const sheet = resolved.sheetTab !== undefined;
  if (willAsk(flags.yes === true || endpoint.sandbox)) {
    const includeUnknown = flags.includeUnknown === true;
    const counted = sheet
      ? { rows: { kind: "estimate" as const, inFile: undefined }, status: Promise.resolve(undefined) }
      : await countRowsToSend(resolved, options, mode, includeUnknown);
    counted.status.then((status) => {
      total.value = status?.total;
    });
    // Nothing to send (all sent, or no failed rows to retry): no question; the run reports it.
    if (counted.rows.kind === "exact" && counted.rows.toSend === 0) return total;
    await confirmOrStop(
      confirmationQuestion({
        mode,
        includeUnknown,
        source: resolved.source,
        name: displayName(resolved),
        endpoint: endpoint.description,
        routeKey: resolved.campaign.routeKey,
        rows: counted.rows,
      }),
      false,
    );
    return total;
  }
  if (sheet) return total;
  // Only for the bar; a file that cannot be read fails the run itself, loudly.
  countRows(resolved, { ...flags, csvThread: csvThreadOf(process.env) }).then(
    (n) => {
      total.value = n;
    },
    () => {},
  );
  return total;
}

/** The file's name, or a sheet's "Spreadsheet" / tab. */
function displayName(resolved: ResolvedCampaign): string {
  const tab = resolved.sheetTab;
  return tab === undefined ? basename(resolved.source) : `"${tab.spreadsheetTitle}" / ${tab.title}`;
}

function printSummary(
  summary: RunSummary,
  flags: RunFlags,
  output: Output,
  moved?: ReadonlyMap<number, number>,
): number {
  for (const line of formatSummary(summary, moved)) output.info(line);
  if (flags.json) output.json(summaryJson(summary));
  return exitCodeOf(summary);
}
