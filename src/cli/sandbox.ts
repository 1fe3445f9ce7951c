import { type Command, Option } from "commander";
import { type SandboxOptions, startSandbox } from "../sandbox/index.js";
import { runCleanup } from "./cleanup.js";
import { parseCount, parsePort, parseShare } from "./options.js";
import { processOutput } from "./output.js";
import { noun, plural } from "./plural.js";

interface SandboxFlags {
  port: number;
  host: string;
  failRate?: number;
  htmlRate?: number;
  resetAfterRate?: number;
  latency?: number;
  minutes?: number;
  seed?: number;
  minInterval?: number;
  phoneDailyLimit?: number;
  routeKey?: string[];
  token?: string[];
  quiet?: boolean;
}

export function registerSandbox(program: Command): void {
  program
    .command("sandbox")
    .description("run the built-in Calltouch emulator as a server, for trying integrations")
    .addOption(
      new Option("--port <n>", "port to listen on (0: any free port)").argParser(parsePort).default(8787),
    )
    .addOption(new Option("--host <address>", "address to listen on").default("127.0.0.1"))
    .addOption(new Option("--route-key <key...>", "enabled widget keys (default: any)"))
    .addOption(new Option("--token <token...>", "accepted tokens (default: any non-empty token)"))
    .addOption(
      new Option("--minutes <n>", "callback minutes on the balance; then 10001").argParser(parseCount),
    )
    .addOption(new Option("--fail-rate <share>", "share of requests answered 500").argParser(parseShare))
    .addOption(
      new Option("--html-rate <share>", "share of requests answered by an HTML 502 page").argParser(
        parseShare,
      ),
    )
    .addOption(
      new Option(
        "--reset-after-rate <share>",
        "share of requests processed, then reset unanswered",
      ).argParser(parseShare),
    )
    .addOption(new Option("--latency <ms>", "delay before every answer").argParser(parseCount))
    .addOption(
      new Option("--seed <n>", "seed of the fault and latency draws (default 1)").argParser(parseCount),
    )
    .addOption(
      new Option(
        "--min-interval <ms>",
        "least time between accepted requests for one phone; sooner gets 10007 (default 60000)",
      ).argParser(parseCount),
    )
    .addOption(
      new Option(
        "--phone-daily-limit <n>",
        "accepted requests per phone in any 24 hours; then 10006 (default 5)",
      ).argParser(parseCount),
    )
    .addOption(new Option("--quiet", "do not print a line per request"))
    .action(async (flags: SandboxFlags) => {
      await sandboxCommand(flags);
    });
}

async function sandboxCommand(flags: SandboxFlags): Promise<void> {
  const output = processOutput(false);
  const options: SandboxOptions = {
    port: flags.port,
    host: flags.host,
    routeKeys: flags.routeKey,
    tokens: flags.token,
    minutes: flags.minutes,
    failRate: flags.failRate,
    htmlRate: flags.htmlRate,
    resetAfterRate: flags.resetAfterRate,
    latencyMs: flags.latency,
    seed: flags.seed,
    minIntervalMs: flags.minInterval,
    phoneDailyLimit: flags.phoneDailyLimit,
    onAnswer: flags.quiet
      ? undefined
      : (seen) =>
          output.info(
            `${new Date(seen.receivedAt).toISOString()} ${seen.clientAddress} -> ${seen.answer}  ${seen.body.slice(0, 120)}`,
          ),
  };
  const sandbox = await startSandbox(options);
  output.info(`Calltouch sandbox listening at ${sandbox.url}`);
  output.info(`Try: CALLTOUCH_API_URL=${sandbox.url} CALLTOUCH_TOKEN=sandbox ctdial run clients.csv`);
  output.info("Press Ctrl+C to stop.");
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await runCleanup([{ what: "close the sandbox", run: () => sandbox.close() }]);
  const accepted = sandbox.acceptedCount;
  output.info(`Stopped. ${plural(accepted, "request")} ${noun(accepted, "was", "were")} accepted.`);
}
