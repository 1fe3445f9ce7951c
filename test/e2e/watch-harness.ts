import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { endWhenDone } from "../tidy.js";
import { CLI, workdir } from "./cli.js";
import { clientsCsv, display, sendingEnv } from "./journal-harness.js";

/** A process of the built CLI whose output can be read while it runs (the watcher runs for a while). */
export interface Running {
  readonly child: ChildProcess;
  output(): string;
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

export function startCtdial(args: readonly string[], cwd: string, env: Record<string, string>): Running {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    CALLTOUCH_TOKEN_FILE: undefined,
    ...env,
  };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  // Ended when the test finishes, so a failed assertion never leaves a watcher running.
  const child = endWhenDone(
    spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: merged,
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => resolve({ code, signal, output: out }));
    },
  );
  return { child, output: () => out, done };
}

/** A fresh work folder with an empty campaigns folder, and the environment of a sender against `url`. */
export function folderSetup(url: string): { dir: string; folder: string; env: Record<string, string> } {
  const dir = workdir();
  const folder = join(dir, "campaigns");
  mkdirSync(folder);
  return { dir, folder, env: { ...sendingEnv(url, dir), CALLTOUCH_ROUTE_KEY: "rk_watch" } };
}

/** A Телефон;Имя CSV of these normalised phones. */
export function phonesCsv(phones: readonly string[]): string {
  return clientsCsv(phones.map((phone, i) => [display(phone), `Клиент ${i + 1}`]));
}

/** Names in a folder (sorted), [] when it does not exist. */
export function namesIn(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

/** Watch flags that keep the tests quick: a short quiet period and scan, the limit a little below 5 rps. */
export const QUICK = ["--settle-ms", "800", "--scan-ms", "300", "--rate", "5"];
