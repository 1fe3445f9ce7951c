import { readFileSync } from "node:fs";
import { Command } from "commander";
import { registerInit } from "./init.js";
import { registerRun } from "./run.js";
import { registerSandbox } from "./sandbox.js";
import { registerStatus } from "./status.js";
import { registerValidate } from "./validate.js";
import { registerWatch } from "./watch.js";

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command("ctdial")
    .description("Turn a spreadsheet of clients into a Calltouch callback campaign.")
    .version(packageVersion(), "-V, --version")
    .showHelpAfterError("(run ctdial --help for usage)")
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
    // Before the commands are added, so that they inherit it: usage errors must exit 2, not 1.
    .exitOverride();
  registerRun(program);
  registerValidate(program);
  registerStatus(program);
  registerInit(program);
  registerWatch(program);
  registerSandbox(program);
  return program;
}
