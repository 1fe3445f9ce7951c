import { type Command, Option } from "commander";
import { type SandboxOptions, startSandbox } from "../sandbox/index.js";
import { runCleanup } from "./cleanup.js";
import { t } from "./lang.js";
import { parseCount, parsePort, parseShare } from "./options.js";
import { processOutput } from "./output.js";

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
  const words = t();
  program
    .command("sandbox")
    .description(words.runSandboxHelp())
    .addOption(new Option("--port <n>", words.runSandboxHelpPort()).argParser(parsePort).default(8787))
    .addOption(new Option("--host <address>", words.runSandboxHelpHost()).default("127.0.0.1"))
    .addOption(new Option("--route-key <key...>", words.runSandboxHelpRouteKey()))
    .addOption(new Option("--token <token...>", words.runSandboxHelpToken()))
    .addOption(new Option("--minutes <n>", words.runSandboxHelpMinutes()).argParser(parseCount))
    .addOption(new Option("--fail-rate <share>", words.runSandboxHelpFailRate()).argParser(parseShare))
    .addOption(new Option("--html-rate <share>", words.runSandboxHelpHtmlRate()).argParser(parseShare))
    .addOption(
      new Option("--reset-after-rate <share>", words.runSandboxHelpResetAfterRate()).argParser(parseShare),
    )
    .addOption(new Option("--latency <ms>", words.runSandboxHelpLatency()).argParser(parseCount))
    .addOption(new Option("--seed <n>", words.runSandboxHelpSeed()).argParser(parseCount))
    .addOption(new Option("--min-interval <ms>", words.runSandboxHelpMinInterval()).argParser(parseCount))
    .addOption(
      new Option("--phone-daily-limit <n>", words.runSandboxHelpPhoneDailyLimit()).argParser(parseCount),
    )
    .addOption(new Option("--quiet", words.runSandboxHelpQuiet()))
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
  output.info(t().runSandboxListening({ url: sandbox.url }));
  output.info(t().runSandboxTry({ url: sandbox.url }));
  output.info(t().runSandboxPressCtrlC());
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await runCleanup([{ what: t().runCleanupSandboxServer(), run: () => sandbox.close() }]);
  const accepted = sandbox.acceptedCount;
  output.info(t().runSandboxStopped({ accepted }));
}
