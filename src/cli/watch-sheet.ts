import { createRateLimiter } from "../dispatch/rate-limiter.js";
import { type CampaignOptions, resolveCampaign } from "../engine/resolve.js";
import { type CtdialError, errorSentence, InputError } from "../errors.js";
import { acquireSenderLock } from "../journal/sender-lock.js";
import { type SheetWatchOptions, watchSheet } from "../watch/sheet-service.js";
import { logAttempt } from "./attempt-log.js";
import { runCleanup } from "./cleanup.js";
import { confirmOrStop } from "./confirm.js";
import { openEndpoint } from "./endpoint.js";
import { currentLang, t, tell } from "./lang.js";
import { createLogger } from "./logger.js";
import { senderWaitText, stopText } from "./messages.js";
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
    throw new InputError({ code: "E_WATCH_TARGET", params: { target } });
  }
  const tab = resolved.sheetTab;
  const uiPlan = planUi(flags.ui, process.env);
  const stateDir = sandboxAware(stateDirOf(flags.stateDir, process.env), flags.sandbox === true);
  const logger = createLogger(flags.logLevel ?? "info");
  const endpoint = await openEndpoint(flags.sandbox === true, process.env);
  const stop = stopOnSignals(() => logger.warn(t().googleWatchStopping()));
  let ui: UiSession | undefined;
  try {
    await confirmOrStop(
      t().googleWatchConfirm({
        spreadsheet: tab.spreadsheetTitle,
        tab: tab.title,
        endpoint: endpoint.description,
      }),
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
    logger.info({ sheet: tab.title, intervalMs, endpoint: endpoint.description }, t().googleWatchStarted());
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
      // ctdial_error written beside each row in the user's language.
      lang: currentLang(),
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
      onWarning: (message, said) => logger.warn(said === undefined ? message : tell(said)),
      sheetWriteback: { onWarning: (warning) => logger.warn(sheetWriteWarningText(warning)) },
      onCycle: (summary) => {
        if (sentBefore !== undefined && summary.sent > sentBefore) {
          logger.info(
            { sent: summary.sent - sentBefore, total: summary.total },
            t().googleWatchNewRowsSent(),
          );
        }
        sentBefore = summary.sent;
      },
      // sheet-service hands over only ctdial's own errors (anything else ends the watch).
      onCycleError: (error) => logger.warn(cycleErrorText(error as CtdialError, intervalMs)),
    };
    const result = await watchSheet(resolved, ui === undefined ? options : ui.wrapSheet(options, intervalMs));
    if (result.stopped !== undefined) {
      const { message, advice } = stopText(result.stopped);
      output.error(`${message} ${advice}`);
      return 3;
    }
    return 0;
  } finally {
    await ui?.close();
    // Each step runs whatever the others do (see cleanup.ts).
    await runCleanup([
      { what: t().googleCleanupSignals(), run: () => stop.dispose() },
      { what: t().googleCleanupConnection(), run: () => endpoint.close() },
      { what: t().googleCleanupLog(), run: () => logger.flush() },
    ]);
  }
}

/** A later look at the sheet failed: its error, and that the watch goes on. */
export function cycleErrorText(error: CtdialError, intervalMs: number): string {
  return t().googleWatchGoesOn({ reason: errorSentence(currentLang(), error), seconds: intervalMs / 1000 });
}
