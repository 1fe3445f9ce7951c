import { spawn } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { exampleClientsCsv } from "../../src/sandbox/example-clients.js";
import { endWhenDone, tempDir } from "../tidy.js";

/** The built CLI, run as a user would run it (npm test builds dist/ before vitest). */
export const CLI = resolve("dist/cli.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    input?: string;
    timeoutMs?: number;
  } = {},
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      CALLTOUCH_TOKEN: undefined,
      CALLTOUCH_TOKEN_FILE: undefined,
      // Never the machine's own state: each working folder keeps its journals and its dedupe
      // registry beside it, so runs in one test share them and tests never see each other's phones
      // (without a working folder, a fresh one that goes when the test does).
      CTDIAL_STATE_DIR: join(options.cwd ?? tempDir("ctdial-e2e-state-"), ".ctdial-state"),
    };
    for (const [key, value] of Object.entries(options.env ?? {})) env[key] = value;
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = endWhenDone(
      spawn(process.execPath, [CLI, ...args], {
        cwd: options.cwd,
        env,
        stdio: ["pipe", "pipe", "pipe"],
      }),
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

/**
 * A fresh folder with copies of the given files, so tests never write beside the fixtures; removed
 * when the test finishes, passed or failed (see ../tidy.ts).
 */
export function workdir(...files: string[]): string {
  const dir = tempDir("ctdial-e2e-");
  for (const file of files) copyFileSync(file, join(dir, basename(file)));
  return dir;
}

/**
 * A fresh folder with the bundled example, as `npm run demo` writes it: example.csv with call times
 * counted from the real clock (the built CLI reads the real clock too, so no row's time has passed
 * whatever the date) and its campaign file.
 */
export function exampleWorkdir(): string {
  const dir = workdir("campaigns/example.campaign.yaml");
  writeFileSync(join(dir, "example.csv"), exampleClientsCsv(Date.now()));
  return dir;
}

/** The example as older Excel saves it (Windows-1251, `;`, CRLF), in a fresh folder. */
export const EXCEL_RU = "clients-excel-ru.csv";
export function excelRuWorkdir(): string {
  const dir = workdir();
  writeFileSync(join(dir, EXCEL_RU), exampleClientsCsv(Date.now(), "windows-1251"));
  return dir;
}

/** Parses a report CSV written by ctdial (UTF-8 BOM, CRLF) into records by header. */
export async function readReport(path: string, delimiter = ";"): Promise<Record<string, string>[]> {
  const { parse } = await import("csv-parse/sync");
  const { readFileSync } = await import("node:fs");
  const rows = parse(readFileSync(path), { bom: true, delimiter, relax_column_count: true }) as string[][];
  const [header, ...data] = rows;
  if (header === undefined) return [];
  return data.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}
