import { statSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { createRateLimiter } from "../dispatch/rate-limiter.js";
import { ConfigError } from "../errors.js";
import { SOURCE_EXTENSIONS } from "../watch/ignore-rules.js";
import { serveFolder, type WatchOptions } from "../watch/service.js";
import { logAttempt } from "./attempt-log.js";
import { openEndpoint } from "./endpoint.js";
import { currentLang, t } from "./lang.js";
import { createLogger } from "./logger.js";
import { campaignOptions, parseCount, parseRate, parseSeconds, sandboxAware, stateDirOf } from "./options.js";
import { stopOnSignals } from "./signals.js";
import { type WatchSheetFlags, watchSheetCommand } from "./watch-sheet.js";
import { folderWords } from "./watch-status.js";
import { watchTargetKind } from "./watch-target.js";
import { planUi, startUi, uiOption } from "./watch-ui.js";
import { logFolderEvent } from "./watch-words.js";

export interface WatchFlags extends WatchSheetFlags {
  routeKey?: string;
  rate?: number;
  encoding?: string;
  stateDir?: string;
  once?: boolean;
  sandbox?: boolean;
  /** commander's --no-wait sets wait: false. */
  wait?: boolean;
  logLevel?: string;
  parallel?: number;
  settleMs?: number;
  scanMs?: number;
  recheckMs?: number;
  /** `--ui [HOST:]PORT`: the page (true when given bare). */
  ui?: string | true;
}

/**
 * `ctdial watch [target]` serves a campaigns folder, or follows a Google Sheet given by its link (or
 * by a campaign file naming one). One command, two services: the options of one are refused for the
 * other rather than ignored.
 */
export function registerWatch(program: Command): void {
  const w = t();
  const command = program
    .command("watch")
    .description(w.watchHelpDescription())
    .argument("[target]", w.watchHelpTarget(), "campaigns");
  for (const option of campaignOptions()) if (option.long !== "--report") command.addOption(option);
  command
    .addOption(new Option("--rate <n>", w.watchHelpRate()).argParser(parseRate))
    .addOption(new Option("--sandbox", w.watchHelpSandbox()))
    .addOption(
      new Option("--log-level <level>", w.watchHelpLogLevel())
        .choices(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
        .default("info"),
    )
    .addOption(new Option("--once", w.watchHelpOnce()))
    .addOption(new Option("--no-wait", w.watchHelpNoWait()))
    .addOption(new Option("--parallel <n>", w.watchHelpParallel()).argParser(parsePositive))
    .addOption(new Option("--interval <seconds>", w.watchHelpInterval()).argParser(parseSeconds))
    .addOption(new Option("--yes", w.watchHelpYes()))
    .addOption(uiOption())
    // Timing knobs for tests and benchmarks; the defaults are what a folder should use.
    .addOption(new Option("--settle-ms <ms>").argParser(parseCount).hideHelp())
    .addOption(new Option("--scan-ms <ms>").argParser(parseCount).hideHelp())
    .addOption(new Option("--recheck-ms <ms>").argParser(parseCount).hideHelp())
    .action(async (target: string, flags: WatchFlags) => {
      process.exitCode = await watchCommand(target, flags);
    });
}

/** Options of one service given to the other: a mistake, refused with what to do. */
const FOLDER_ONLY = ["once", "parallel", "settleMs", "scanMs", "recheckMs"] as const;
const SHEET_ONLY = ["interval", "yes", "json", "sheet", "campaign", "delimiter"] as const;

function refuseOtherKindOptions(kind: "sheet" | "folder", flags: WatchFlags): void {
  if (flags.wait === false && kind === "sheet") {
    throw new ConfigError({ code: "E_WATCH_OPTIONS", params: { options: ["--no-wait"], for: "folder" } });
  }
  const wrong = (kind === "sheet" ? FOLDER_ONLY : SHEET_ONLY).filter((key) => flags[key] !== undefined);
  if (wrong.length === 0) return;
  const options = wrong.map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  throw new ConfigError({
    code: "E_WATCH_OPTIONS",
    params: { options, for: kind === "sheet" ? "folder" : "sheet" },
  });
}

/** A sheet link, or a campaign file (which must name a sheet); anything else is a folder. */
function kindOf(target: string): "sheet" | "folder" {
  return watchTargetKind(target) === "sheet" || /\.(ya?ml|json)$/i.test(target) ? "sheet" : "folder";
}

export async function watchCommand(target: string, flags: WatchFlags): Promise<number> {
  const kind = kindOf(target);
  refuseOtherKindOptions(kind, flags);
  if (kind === "sheet") return watchSheetCommand(target, flags);
  refuseNonFolder(target);
  const uiPlan = planUi(flags.ui, process.env);
  const logger = createLogger(flags.logLevel ?? "info");
  const realStateDir = stateDirOf(flags.stateDir, process.env);
  const endpoint = await openEndpoint(flags.sandbox === true, process.env);
  const stop = stopOnSignals(() => logger.warn(t().watchStopping()));
  const ui =
    uiPlan === undefined
      ? undefined
      : await startUi(uiPlan, {
          dir: resolve(target),
          sandbox: endpoint.sandbox,
          endpoint: endpoint.description,
          logger,
        }).catch(async (error: unknown) => {
          stop.dispose();
          await endpoint.close();
          throw error;
        });
  try {
    const options: WatchOptions = {
      dir: resolve(target),
      stateDir: sandboxAware(realStateDir, endpoint.sandbox),
      // The in-process sandbox has no per-IP limit: it does not keep a real sender waiting.
      lockDir: endpoint.sandbox ? undefined : realStateDir,
      waitForLock: flags.wait !== false,
      campaign: {
        ...(flags.routeKey === undefined ? {} : { routeKey: flags.routeKey }),
        ...(flags.encoding === undefined ? {} : { encoding: flags.encoding }),
      },
      env: process.env,
      client: endpoint.client,
      token: endpoint.token,
      limiter: createRateLimiter({ rate: flags.rate ?? 5 }),
      onEvent: (event) => logFolderEvent(logger, event),
      words: folderWords,
      lang: currentLang(),
      onAttempt: (file, attempt) => logAttempt(logger.child({ file }), attempt),
      signal: stop.signal,
      once: flags.once === true,
      ...(flags.settleMs === undefined ? {} : { quietMs: flags.settleMs }),
      ...(flags.scanMs === undefined ? {} : { scanMs: flags.scanMs }),
      ...(flags.recheckMs === undefined ? {} : { recheckMs: flags.recheckMs }),
      ...(flags.parallel === undefined ? {} : { parallel: flags.parallel }),
    };
    return await serveFolder(ui === undefined ? options : ui.wrap(options));
  } finally {
    await ui?.close();
    stop.dispose();
    await endpoint.close();
  }
}

/**
 * A folder that is not there, or a file given where a folder is meant: one sentence and exit 2 before
 * anything starts (else the service would scan a file for ever, logging ENOTDIR).
 */
function refuseNonFolder(target: string): void {
  const info = statSync(target, { throwIfNoEntry: false });
  if (info === undefined) {
    // A missing "clients.csv" is a mistyped file name, not a folder to create.
    const looksLikeTable = (SOURCE_EXTENSIONS as readonly string[]).includes(extname(target).toLowerCase());
    throw new ConfigError({
      code: "E_WATCH_FOLDER",
      params: { target, problem: looksLikeTable ? "no-table" : "missing" },
    });
  }
  if (info.isDirectory()) return;
  throw new ConfigError({
    code: "E_WATCH_FOLDER",
    params: { target, problem: "file", name: basename(target) },
  });
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(t().watchParallelInvalid({ value }));
  return n;
}
