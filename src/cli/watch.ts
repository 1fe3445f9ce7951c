import { resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { createRateLimiter } from "../dispatch/rate-limiter.js";
import { ConfigError } from "../errors.js";
import { serveFolder } from "../watch/service.js";
import { openEndpoint } from "./endpoint.js";
import { createLogger } from "./logger.js";
import { parseCount, parseRate, sandboxAware, stateDirOf } from "./options.js";
import { stopOnSignals } from "./signals.js";

export interface WatchFlags {
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
}

/** What `ctdial watch <target>` follows: a folder, or a Google Sheet given by its URL. */
export function watchTarget(target: string): "sheet" | "folder" {
  return /^https?:\/\/docs\.google\.com\/spreadsheets\//i.test(target.trim()) ? "sheet" : "folder";
}

export function registerWatch(program: Command): void {
  program
    .command("watch")
    .description("serve a campaigns folder: every .csv/.tsv/.txt/.xlsx file dropped in is dialed")
    .argument("[dir]", "the campaigns folder", "campaigns")
    .addOption(
      new Option(
        "--route-key <key>",
        "Calltouch widget key for files whose campaign gives none (overrides CALLTOUCH_ROUTE_KEY)",
      ),
    )
    .addOption(
      new Option("--rate <n>", "requests per second for the whole folder, 0 < n <= 5 (default 5)").argParser(
        parseRate,
      ),
    )
    .addOption(
      new Option("--once", "run what is in the folder now, wait for it, and exit with the worst exit code"),
    )
    .addOption(
      new Option("--no-wait", "when another ctdial sends from this machine, exit 3 instead of waiting"),
    )
    .addOption(new Option("--sandbox", "send to the built-in Calltouch emulator instead of Calltouch"))
    .addOption(new Option("--encoding <name>", "CSV encoding instead of detecting it"))
    .addOption(
      new Option(
        "--state-dir <dir>",
        "where journals are kept (default: $CTDIAL_STATE_DIR or ~/.local/state/ctdial)",
      ),
    )
    .addOption(
      new Option("--parallel <n>", "files dialed at once, sharing the rate (default 4)").argParser(
        parsePositive,
      ),
    )
    .addOption(
      new Option("--log-level <level>", "how much to log on stderr")
        .choices(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
        .default("info"),
    )
    // Timing knobs for tests and benchmarks; the defaults are what a folder should use.
    .addOption(new Option("--settle-ms <ms>").argParser(parseCount).hideHelp())
    .addOption(new Option("--scan-ms <ms>").argParser(parseCount).hideHelp())
    .addOption(new Option("--recheck-ms <ms>").argParser(parseCount).hideHelp())
    .action(async (target: string, flags: WatchFlags) => {
      process.exitCode = await watchCommand(target, flags);
    });
}

export async function watchCommand(target: string, flags: WatchFlags): Promise<number> {
  if (watchTarget(target) === "sheet") {
    // The Sheets follower lives in src/cli/watch-sheet.ts once it is part of this build.
    throw new ConfigError(
      "following a Google Sheet is not available in this build; give a folder to watch, or run the sheet with ctdial run <sheet URL>.",
    );
  }
  const logger = createLogger(flags.logLevel ?? "info");
  const realStateDir = stateDirOf(flags.stateDir, process.env);
  const endpoint = await openEndpoint(flags.sandbox === true, process.env);
  const stop = stopOnSignals(() =>
    logger.warn("stopping: requests in flight finish and reports are written, then ctdial exits"),
  );
  try {
    return await serveFolder({
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
      logger,
      signal: stop.signal,
      once: flags.once === true,
      ...(flags.settleMs === undefined ? {} : { quietMs: flags.settleMs }),
      ...(flags.scanMs === undefined ? {} : { scanMs: flags.scanMs }),
      ...(flags.recheckMs === undefined ? {} : { recheckMs: flags.recheckMs }),
      ...(flags.parallel === undefined ? {} : { parallel: flags.parallel }),
    });
  } finally {
    stop.dispose();
    await endpoint.close();
  }
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a whole number from 1 up, got "${value}".`);
  return n;
}
