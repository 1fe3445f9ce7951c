/**
 * Starts the Sheets fake in its own process. The fake's files are TypeScript with only node
 * imports; they are transpiled to a temporary folder first (Node 20 cannot run .ts). The process
 * and that folder go when the test (or the file, if a beforeAll started it) is done.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { endWhenDone, tempDir } from "../../tidy.js";
import type { FakeTab } from "./model.js";
import type { Edit, FakeRequest, ScheduledEdit, SpreadsheetInit } from "./server.js";

const HERE = dirname(fileURLToPath(import.meta.url));

function transpiled(): string {
  const out = tempDir("ctdial-sheets-fake-");
  writeFileSync(join(out, "package.json"), '{"type":"module"}');
  for (const name of readdirSync(HERE).filter((n) => n.endsWith(".ts") && n !== "spawn.ts")) {
    const { outputText } = ts.transpileModule(readFileSync(join(HERE, name), "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    });
    writeFileSync(join(out, name.replace(/\.ts$/, ".js")), outputText);
  }
  return join(out, "process.js");
}

export interface FakeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  add(init: SpreadsheetInit): Promise<void>;
  edit(edit: Edit): Promise<void>;
  schedule(item: ScheduledEdit): Promise<void>;
  access(spreadsheetId: string, change: { access?: string; kind?: string }): Promise<void>;
  tab(spreadsheetId: string, title?: string): Promise<FakeTab>;
  requests(): Promise<FakeRequest[]>;
  stop(): Promise<void>;
}

export async function startSheetsFakeProcess(env: Record<string, string> = {}): Promise<FakeProcess> {
  const child = endWhenDone(
    spawn(process.execPath, [transpiled()], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    }),
  );
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sheets fake did not start: ${out}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString("utf8");
      const match = /listening at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", () => reject(new Error(`sheets fake exited: ${out}`)));
  });
  const post = async (path: string, body: unknown): Promise<void> => {
    const res = await fetch(new URL(path, url), { method: "POST", body: JSON.stringify(body) });
    await res.text();
  };
  const get = async <T>(path: string): Promise<T> => (await (await fetch(new URL(path, url))).json()) as T;
  return {
    url,
    child,
    add: (init) => post("/__fake/spreadsheets", init),
    edit: (edit) => post("/__fake/edit", edit),
    schedule: (item) => post("/__fake/schedule", item),
    access: (spreadsheetId, change) => post("/__fake/access", { spreadsheetId, ...change }),
    tab: (spreadsheetId, title) =>
      get(
        `/__fake/tab?spreadsheetId=${encodeURIComponent(spreadsheetId)}${title === undefined ? "" : `&title=${encodeURIComponent(title)}`}`,
      ),
    requests: () => get("/__fake/requests"),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.on("close", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
