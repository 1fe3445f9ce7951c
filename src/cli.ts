#!/usr/bin/env node
import { CommanderError } from "commander";
import { loadEnvFiles } from "./cli/env-files.js";
import { errorJson, wantsJson } from "./cli/error-json.js";
import { flushAndExit, guardOutputStreams } from "./cli/exit.js";
import { langOfProcess, setLang, t } from "./cli/lang.js";
import { errorText } from "./cli/messages.js";
import { buildProgram } from "./cli/program.js";
import { isCtdialError } from "./errors.js";
import { redact } from "./secrets.js";

/**
 * The ctdial command. Every failure a user can meet ends here as one sentence on stderr (and with
 * --json one JSON object on stdout) and an exit code from docs/contract.md; a stack trace is shown only
 * with CTDIAL_DEBUG=1. The process then exits explicitly once stdout and stderr are flushed, so that a
 * handle something forgot to close (a server, a timer) can never keep it alive.
 */
async function main(argv: string[]): Promise<void> {
  // `ctdial run x.csv | head`: when the reader goes away, stop writing there but finish the run.
  guardOutputStreams();
  // Before the commands are built: their help, and commander's own words, are worded in this
  // language (--lang, else CTDIAL_LANG, LC_ALL, LC_MESSAGES, LANG, else the system's locale).
  setLang(langOfProcess(argv.slice(2), process.env));
  const program = buildProgram();
  // .env files are read once the command and its <source> are known (their folder is searched too).
  program.hook("preAction", (_program, action) => {
    loadEnvFiles(action.args[0]);
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error, wantsJson(argv.slice(2)));
  }
}

function reportError(error: unknown, json: boolean): number {
  if (error instanceof CommanderError) {
    // commander already printed its message; --help and --version are not errors.
    if (error.exitCode === 0) return 0;
    if (json) process.stdout.write(`${errorJson(error)}\n`);
    return 2;
  }
  if (isCtdialError(error)) {
    process.stderr.write(`ctdial: ${redact(errorText(error))}\n`);
    if (process.env.CTDIAL_DEBUG) process.stderr.write(`${redact(String(error.stack))}\n`);
    if (json) process.stdout.write(`${errorJson(error)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`ctdial: ${t().cliUnexpectedError({ message: redact(message) })}\n`);
  if (process.env.CTDIAL_DEBUG && error instanceof Error)
    process.stderr.write(`${redact(String(error.stack))}\n`);
  if (json) process.stdout.write(`${errorJson(error)}\n`);
  return 2;
}

await main(process.argv);
await flushAndExit();
