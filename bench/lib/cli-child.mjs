// Runs the built CLI (dist/cli.js) as a user would, with its resource usage written at exit
// (report-usage.mjs) and its state kept in a fresh folder under bench/out/, so that a benchmark
// never resumes an earlier run's campaign and never writes into the user's own state directory.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { outPath } from "./fixtures.mjs";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const USAGE_HOOK = new URL("./report-usage.mjs", import.meta.url).href;

let helpText;
/** Whether `ctdial run` takes this flag (later issues add some, e.g. --state-dir). */
export function runAccepts(flag) {
  helpText ??= spawnSync(process.execPath, [CLI, "run", "--help"], { encoding: "utf8" }).stdout ?? "";
  return helpText.includes(flag);
}

/**
 * Spawns `ctdial <args>`; returns the child, the time it was spawned (Date.now(), comparable with the
 * sandbox's arrival times) and `finished`, which resolves to { code, signal, usage, stdout, stderr }.
 */
export function spawnCli(args, { env = {}, name = "cli" } = {}) {
  const stateDir = outPath(`state-${name}-${process.pid}`);
  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });
  const usageFile = join(stateDir, "usage.json");
  const stateArgs =
    args[0] === "run" && runAccepts("--state-dir") ? ["--state-dir", join(stateDir, "state")] : [];
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, ["--import", USAGE_HOOK, CLI, ...args, ...stateArgs], {
    env: {
      ...process.env,
      XDG_STATE_HOME: join(stateDir, "xdg"),
      BENCH_USAGE_FILE: usageFile,
      CALLTOUCH_TOKEN: "sandbox",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const finished = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, "utf8")) : undefined;
      rmSync(stateDir, { recursive: true, force: true });
      resolve({ code, signal, usage, stdout, stderr });
    });
  });
  return { child, spawnedAt, finished };
}

/** The `--json` summary: the last stdout line that parses as an object. */
export function jsonSummary(stdout) {
  for (const line of stdout.trim().split("\n").reverse()) {
    try {
      return JSON.parse(line);
    } catch {
      // not the summary line
    }
  }
  return undefined;
}
