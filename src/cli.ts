#!/usr/bin/env node
import { existsSync } from "node:fs";
import { CommanderError } from "commander";
import { buildProgram } from "./cli/program.js";
import { isCtdialError } from "./errors.js";
import { redact } from "./secrets.js";

/**
 * The ctdial command. Every failure a user can meet ends here as one sentence on stderr and an exit
 * code from docs/contract.md; a stack trace is shown only with CTDIAL_DEBUG=1.
 */
async function main(argv: string[]): Promise<void> {
  // `ctdial status x.csv | head -3`: when the reader goes away, stop writing quietly, as Unix tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  // A .env file in the working directory is read; variables already set win (flag > environment).
  if (existsSync(".env")) process.loadEnvFile(".env");
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander already printed its message; --help and --version are not errors.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isCtdialError(error)) {
    process.stderr.write(`ctdial: ${redact(error.message)}\n`);
    if (process.env.CTDIAL_DEBUG) process.stderr.write(`${redact(String(error.stack))}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `ctdial: unexpected error: ${redact(message)} (this is a bug in ctdial; CTDIAL_DEBUG=1 shows details)\n`,
  );
  if (process.env.CTDIAL_DEBUG && error instanceof Error)
    process.stderr.write(`${redact(String(error.stack))}\n`);
  return 2;
}

await main(process.argv);
