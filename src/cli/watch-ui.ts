import { Option } from "commander";
import type { Logger } from "pino";
import { systemClock } from "../clock.js";
import { type RunOptions, runCampaign } from "../engine/run.js";
import { ConfigError } from "../errors.js";
import { observeSheets } from "../google-sheets/api.js";
import { hostPort, isLoopback, parseUiAddress, type UiAddress } from "../ui/address.js";
import type { UiMetrics } from "../ui/metrics.js";
import type { UiServer } from "../ui/server.js";
import type { FolderWords } from "../watch/folder-events.js";
import type { WatchOptions } from "../watch/service.js";
import type { SheetWatchOptions } from "../watch/sheet-service.js";
import { Hold } from "../watch/supervisor.js";
import { currentLang, t } from "./lang.js";

/**
 * `ctdial watch --ui [HOST:]PORT`: the page, its live stream, its pause button and `/metrics`, fed by
 * the hooks the folder service offers (src/ui/ holds the server, the page and the model). The page
 * listens on 127.0.0.1 unless told otherwise; another address needs CTDIAL_UI_TOKEN.
 */

export const UI_TOKEN_ENV = "CTDIAL_UI_TOKEN";

export function uiOption(): Option {
  return new Option("--ui [address]", t().uiOptionHelp());
}

/** Where the page will listen and with which token; refused (exit 2) before anything starts. */
export interface UiPlan {
  readonly address: UiAddress;
  readonly token?: string;
}

export function planUi(value: string | boolean | undefined, env: NodeJS.ProcessEnv): UiPlan | undefined {
  if (value === undefined || value === false) return undefined;
  const address = parseUiAddress(value);
  const token = env[UI_TOKEN_ENV]?.trim() || undefined;
  if (!isLoopback(address.host) && token === undefined) {
    throw new ConfigError({
      code: "E_UI_TOKEN_NEEDED",
      params: { address: hostPort(address.host, address.port) },
    });
  }
  return { address, ...(token === undefined ? {} : { token }) };
}

/** The page, running beside one folder service. */
export interface UiSession {
  readonly url: string;
  /** The service's options with the page's hooks added (each existing hook still runs first). */
  wrap(options: WatchOptions): WatchOptions;
  /** A followed sheet's options with the page's hooks added; `intervalMs`: the time between looks. */
  wrapSheet(options: SheetWatchOptions, intervalMs: number): SheetWatchOptions;
  /** The service ended: the page says so, the stream ends, the server closes. */
  close(): Promise<void>;
}

export interface UiContext {
  /** The folder (absolute), or the followed sheet (`sheet`: its title and tab). */
  readonly dir: string;
  readonly sheet?: { readonly title: string; readonly tab: string };
  readonly sandbox: boolean;
  /** Where requests go, as the endpoint describes it. */
  readonly endpoint: string;
  readonly logger: Logger;
}

export async function startUi(plan: UiPlan, ctx: UiContext): Promise<UiSession> {
  // Loaded only when the page is asked for: prom-client and the page cost every other command
  // start-up time and memory (about 7 MB) for nothing.
  const [{ heldLimiter }, { UiMetrics }, { UiModel }, { startUiServer }, { SheetView }] = await Promise.all([
    import("../ui/gate.js"),
    import("../ui/metrics.js"),
    import("../ui/model.js"),
    import("../ui/server.js"),
    import("../ui/sheet-view.js"),
  ]);
  const clock = systemClock;
  const hold = new Hold();
  let words: FolderWords | undefined;
  let calltouchPaused = false;
  let metrics: UiMetrics | undefined;
  let lockHeld = false;
  const sheet =
    ctx.sheet === undefined ? undefined : new SheetView(ctx.sheet.tab, ctx.dir, clock, hold, () => lockHeld);
  const model = new UiModel({
    clock,
    dir: ctx.dir,
    kind: sheet === undefined ? "folder" : "sheet",
    endpoint: {
      sandbox: ctx.sandbox,
      address: /https?:\/\/[^\s)]+/.exec(ctx.endpoint)?.[0] ?? ctx.endpoint,
    },
    hold,
    noteText: (lang, note) => words?.errorNote(note, lang) ?? "",
    onSettled: (file, row) => metrics?.settled(file, row),
  });
  metrics = new UiMetrics(model, hold, () => calltouchPaused);
  const address = hostPort(plan.address.host, plan.address.port);
  let server: UiServer;
  try {
    server = await startUiServer({
      host: plan.address.host,
      port: plan.address.port,
      ...(plan.token === undefined ? {} : { token: plan.token }),
      model,
      metrics,
      hold,
      lang: currentLang(),
      clock,
      onAction: (action, by) =>
        action === "pause"
          ? ctx.logger.warn({ by }, t().uiPausedLog({ by }))
          : ctx.logger.info({ by }, t().uiResumedLog({ by })),
    });
  } catch (error) {
    throw new ConfigError(
      {
        code: "E_UI_LISTEN",
        params: { address, reason: (error as NodeJS.ErrnoException).code ?? String(error) },
      },
      { cause: error },
    );
  }
  ctx.logger.info({ url: server.url }, t().uiListening({ url: server.url }));
  const ui = metrics;
  // Every request to Google Sheets and every wait for its quota, whoever makes it (reads, writes).
  const unobserve = observeSheets((activity) =>
    activity.kind === "request" ? ui.sheetRequest(activity.action) : ui.sheetQuotaWait(),
  );
  if (sheet !== undefined) model.attach(sheet);
  return {
    url: server.url,
    wrap(options) {
      words = options.words;
      return {
        ...options,
        hold,
        limiter: ui.timed(options.limiter),
        onEvent: (event) => {
          options.onEvent(event);
          if (event.kind === "paused") calltouchPaused = true;
          if (event.kind === "resumed") calltouchPaused = false;
          ui.event(event);
          model.event(event);
        },
        onAttempt: (file, attempt) => {
          options.onAttempt?.(file, attempt);
          ui.attempt(file, attempt);
          model.attempt(file, attempt);
        },
        onFileReady: (file, estimatedRows) => {
          options.onFileReady?.(file, estimatedRows);
          model.ready(file, estimatedRows);
        },
        extraSinks: (file) => [...(options.extraSinks?.(file) ?? []), model.sinkFor(file)],
        onServing: (handle) => {
          options.onServing?.(handle);
          model.attach(handle);
        },
      };
    },
    wrapSheet(options, intervalMs) {
      const name = ctx.sheet?.tab ?? ctx.dir;
      const acquire = options.acquireSender;
      const runOnce = options.runOnce ?? runCampaign;
      return {
        ...options,
        // Paused from the page: the look goes on, its rows wait for their slot until resumed.
        limiter: ui.timed(heldLimiter(options.limiter, hold)),
        onAttempt: (attempt) => {
          options.onAttempt?.(attempt);
          ui.attempt(name, attempt);
          model.attempt(name, attempt);
        },
        onProgress: (progress) => {
          options.onProgress?.(progress);
          sheet?.progress(progress);
        },
        sinks: [...(options.sinks ?? []), model.sinkFor(name)],
        runOnce: async (resolved, runOptions: RunOptions) => {
          sheet?.lookStarted();
          try {
            const summary = await runOnce(resolved, runOptions);
            model.lookEnded(name, summary);
            return summary;
          } finally {
            sheet?.lookEnded(clock.now() + intervalMs);
          }
        },

        ...(acquire === undefined
          ? {}
          : {
              acquireSender: async () => {
                const release = await acquire();
                lockHeld = true;
                return async () => {
                  lockHeld = false;
                  await release();
                };
              },
            }),
      };
    },
    close: async () => {
      unobserve();
      model.stopped();
      await server.close();
    },
  };
}
