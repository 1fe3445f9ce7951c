import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRandom } from "../../src/sandbox/faults.js";
import { endWhenDone } from "../tidy.js";
import { CLI, type CliResult, workdir } from "./cli.js";

/**
 * Shared pieces of the journal end-to-end tests: the real built CLI against a `ctdial sandbox`
 * process, whose own record (GET /__sandbox/accepted) is the ground truth of who was dialed.
 */

/** A token distinctive enough that finding it anywhere on disk or in output is certainly a leak. */
export const TOKEN = "ct-journal-secret-9d41c7e2";

export interface AcceptedEntry {
  readonly requestId: number;
  readonly receivedAt: number;
  readonly body: { readonly phone: string; readonly routeKey: string };
  readonly clientAddress: string;
}

export interface SandboxRecord {
  readonly accepted: readonly AcceptedEntry[];
  readonly rateLimited: number;
  /** How many API requests reached the sandbox (the inspection endpoint is not counted). */
  readonly requests: number;
}

export async function sandboxRecord(url: string): Promise<SandboxRecord> {
  const response = await fetch(`${url}/__sandbox/accepted`);
  if (!response.ok) throw new Error(`sandbox record: HTTP ${response.status}`);
  return (await response.json()) as SandboxRecord;
}

/** Phones in the order the sandbox accepted them (a phone twice means it was dialed twice). */
export function acceptedPhones(record: SandboxRecord): string[] {
  return record.accepted.map((entry) => entry.body.phone);
}

/** Phones that occur more than once in the list. */
export function repeated(phones: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const phone of phones) (seen.has(phone) ? twice : seen).add(phone);
  return [...twice].sort();
}

/** `count` distinct callable Russian mobile numbers, `7<prefix>xxxxxxx`, normalised. */
export function phoneNumbers(count: number, prefix = "916", start = 0): string[] {
  return Array.from({ length: count }, (_, i) => `7${prefix}${String(start + i + 1).padStart(7, "0")}`);
}

/** How a person types a normalised phone into a spreadsheet: `+7 (916) 000-00-01`. */
export function display(phone: string): string {
  return `+7 (${phone.slice(1, 4)}) ${phone.slice(4, 7)}-${phone.slice(7, 9)}-${phone.slice(9, 11)}`;
}

/** A `;`-separated CSV with CRLF line ends, as Russian Excel saves it: header Телефон;Имя. */
export function clientsCsv(rows: readonly (readonly [phone: string, name: string])[]): string {
  return `${["Телефон;Имя", ...rows.map(([phone, name]) => `${phone};${name}`)].join("\r\n")}\r\n`;
}

/** The normalised phone of a report row, from the cell the user wrote (digits only, 7 first). */
export function phoneOfRow(row: Record<string, string>): string {
  const digits = (row.Телефон ?? "").replace(/\D/g, "");
  if (digits.length === 10) return `7${digits}`;
  return digits.startsWith("8") ? `7${digits.slice(1)}` : digits;
}

export interface Summary {
  total: number;
  sent: number;
  invalid: number;
  failed: number;
  skipped: number;
  pending: number;
  unknown: number;
  report: string;
  stopped?: { code: string | number; message: string };
}

/** The `--json` summary: the last line of stdout. */
export function summaryOf(result: CliResult): Summary {
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(last) as Summary;
  } catch {
    throw new Error(`no JSON summary (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** The environment of a run against `url`; HOME is pointed away so nothing lands in the real one. */
export function sendingEnv(url: string, home: string): Record<string, string> {
  return { CALLTOUCH_TOKEN: TOKEN, CALLTOUCH_API_URL: url, HOME: home, XDG_STATE_HOME: join(home, "xdg") };
}

/** Starts the CLI and hands back the child, so that a test can kill it mid-run. */
export function startCli(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): { child: ChildProcess; done: Promise<CliResult & { signal: NodeJS.Signals | null }> } {
  const env: Record<string, string | undefined> = { ...process.env, CALLTOUCH_TOKEN_FILE: undefined };
  for (const [key, value] of Object.entries(options.env)) env[key] = value;
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const child = endWhenDone(
    spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env, stdio: "pipe" }),
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  child.stdin.end();
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** Files under `dir` (and the extra paths given) whose bytes contain `secret`; [] means no leak. */
export function filesContaining(secret: string, dir: string, extra: readonly string[] = []): string[] {
  const files = [...filesUnder(dir), ...extra];
  return files.filter((file) => statSync(file).isFile() && readFileSync(file).includes(secret));
}

/** The journal files of a state directory. */
export function journalFiles(stateDir: string): string[] {
  return filesUnder(join(stateDir, "journals")).filter((file) => file.endsWith(".jsonl"));
}

/** A small deterministic generator (the sandbox's own), so that the "random" kill moments repeat. */
export const seededRandom = createRandom;

/**
 * Sandbox flags under which a second dial of a phone would be ACCEPTED (no 10006/10007 refusal), so
 * that a double dial shows in the sandbox's record instead of hiding behind an error.
 */
export const PERMISSIVE = ["--min-interval", "0", "--phone-daily-limit", "1000", "--quiet"];

/** A fresh folder with clients.csv holding these phones (one client each), and where its state and report go. */
export function clientsCampaign(phones: readonly (string | number)[]): {
  dir: string;
  stateDir: string;
  report: string;
} {
  const dir = workdir();
  writeFileSync(
    join(dir, "clients.csv"),
    clientsCsv(phones.map((p, i) => [display(String(p)), `Клиент ${i + 1}`])),
  );
  return { dir, stateDir: join(dir, "state"), report: join(dir, "clients.report.csv") };
}
