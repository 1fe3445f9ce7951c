import { createRateLimiter } from "../dispatch/rate-limiter.js";
import { type CampaignOptions, resolveCampaign } from "../engine/resolve.js";
import { InputError } from "../errors.js";
import { acquireSenderLock } from "../journal/sender-lock.js";
import { type SheetWatchOptions, watchSheet } from "../watch/sheet-service.js";
import { logAttempt } from "./attempt-log.js";
import { runCleanup } from "./cleanup.js";
import { confirmOrStop } from "./confirm.js";
import { openEndpoint } from "./endpoint.js";
import { createLogger } from "./logger.js";
import { senderWaitText } from "./messages.js";
import { sandboxAware, stateDirOf } from "./options.js";
import { processOutput } from "./output.js";
import { sheetWriteWarningText } from "./sheet-write-warning.js";
import { stopOnSignals } from "./signals.js";
import { planUi, startUi, type UiSession } from "./watch-ui.js";

export interface WatchSheetFlags extends CampaignOptions {
  interval?: number;
  sandbox?: boolean;
  yes?: boolean;
  json?: boolean;
  logLevel?: string;
  /** `--ui [HOST:]PORT`: the page (true when given bare). */
  ui?: string | true;
}

export async function watchSheetCommand(target: string, flags: WatchSheetFlags): Promise<number> {
  const output = processOutput(flags.json === true);
  const resolved = await resolveCampaign(target, flags, process.env);
  if (resolved.sheetTab === undefined) {
    throw new InputError(`${target} does not name a Google Sheet; ctdial watch follows a sheet's link.`, {
      code: "E_WATCH_TARGET",
    });
  }
  const tab = resolved.sheetTab;
  const uiPlan = planUi(flags.ui, process.env);
  const stateDir = sandboxAware(stateDirOf(flags.stateDir, process.env), flags.sandbox === true);
  const logger = createLogger(flags.logLevel ?? "info");
  const endpoint = await openEndpoint(flags.sandbox === true, process.env);
  const stop = stopOnSignals(() =>
    logger.warn("stopping: requests in flight finish and results are written, then the watch ends"),
  );
  let ui: UiSession | undefined;
  try {
    await confirmOrStop(
      `Dial every new row of "${tab.spreadsheetTitle}" / ${tab.title} through ${endpoint.description} until stopped?`,
      flags.yes === true || endpoint.sandbox,
    );
    const intervalMs = (flags.interval ?? 15) * 1000;
    if (uiPlan !== undefined) {
      ui = await startUi(uiPlan, {
        dir: `${tab.spreadsheetTitle} / ${tab.title}`,
        sheet: { title: tab.spreadsheetTitle, tab: tab.title },
        sandbox: endpoint.sandbox,
        endpoint: endpoint.description,
        logger,
      });
    }
    logger.info({ sheet: tab.title, intervalMs, endpoint: endpoint.description }, "watching the sheet");
    let sentBefore: number | undefined;
    const options: SheetWatchOptions = {
      ...flags,
      intervalMs,
      stateDir,
      token: endpoint.token,
      client: endpoint.client,
      // One limiter for every cycle: the 5 requests a second are the process's, not a cycle's.
      limiter: createRateLimiter({ rate: resolved.campaign.rate }),
      signal: stop.signal,
      csvThread: false,
      onAttempt: (attempt) => logAttempt(logger, attempt),
      acquireSender: endpoint.sandbox
        ? undefined
        : () =>
            acquireSenderLock(stateDirOf(flags.stateDir, process.env), {
              wait: true,
              signal: stop.signal,
              onWait: (holder) => logger.warn(senderWaitText(holder)),
            }),
      onWarning: (message) => logger.warn(message),
      sheetWriteback: { onWarning: (warning) => logger.warn(sheetWriteWarningText(warning)) },
      onCycle: (summary) => {
        if (sentBefore !== undefined && summary.sent > sentBefore) {
          logger.info({ sent: summary.sent - sentBefore, total: summary.total }, "new rows sent");
        }
        sentBefore = summary.sent;
      },
      onCycleError: (error) =>
        logger.warn(`${(error as Error).message} (the watch goes on; next look in ${intervalMs / 1000} s)`),
    };
    const result = await watchSheet(resolved, ui === undefined ? options : ui.wrapSheet(options, intervalMs));
    if (result.stopped !== undefined) {
      output.error(`${result.stopped.message}${result.stopped.advice ? ` ${result.stopped.advice}` : ""}`);
      return 3;
    }
    return 0;
  } finally {
    await ui?.close();
    // Each step runs whatever the others do (see cleanup.ts).
    await runCleanup([
      { what: "stop listening for Ctrl+C", run: () => stop.dispose() },
      { what: "close the connection", run: () => endpoint.close() },
      { what: "flush the log", run: () => logger.flush() },
    ]);
  }
}
