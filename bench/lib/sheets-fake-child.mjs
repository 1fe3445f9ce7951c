// The Sheets API fake of the tests (test/fakes/sheets/*.ts, node imports only) in a process of its
// own: transpiled with the typescript package into bench/out/sheets-fake/, then run with node. The
// bench drives it over its /__fake/* control endpoints.
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { outPath } from "./fixtures.mjs";

const SOURCES = fileURLToPath(new URL("../../test/fakes/sheets/", import.meta.url));

export async function startSheetsFakeChild() {
  const out = outPath("sheets-fake");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "package.json"), '{"type":"module"}');
  for (const name of readdirSync(SOURCES).filter((n) => n.endsWith(".ts") && n !== "spawn.ts")) {
    const { outputText } = ts.transpileModule(readFileSync(join(SOURCES, name), "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    });
    writeFileSync(join(out, name.replace(/\.ts$/, ".js")), outputText);
  }
  // The fake's quota is lifted: the bench counts requests, it does not test the 429 path.
  const child = spawn(process.execPath, [join(out, "process.js")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, FAKE_READS_PER_MINUTE: "100000", FAKE_WRITES_PER_MINUTE: "100000" },
  });
  const url = await new Promise((resolve, reject) => {
    let text = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      text += chunk;
      const match = /listening at (\S+)/.exec(text);
      if (match) resolve(match[1]);
    });
    child.on("exit", () => reject(new Error(`the Sheets fake exited: ${text}`)));
  });
  const post = async (path, body) => {
    const res = await fetch(new URL(path, url), { method: "POST", body: JSON.stringify(body) });
    await res.text();
  };
  return {
    url,
    add: (init) => post("/__fake/spreadsheets", init),
    requests: async () => (await fetch(new URL("/__fake/requests", url))).json(),
    close: () =>
      new Promise((resolve) => {
        child.on("close", resolve);
        child.kill("SIGTERM");
      }),
  };
}

/** A tab of `count` clients: a phone stored as a number and a name, header in row 1. */
export function clientSheet(id, count) {
  const rows = [["Телефон", "Имя"]];
  for (let i = 0; i < count; i++) rows.push([79160000000 + i, `Клиент ${i}`]);
  return { spreadsheetId: id, title: "Bench", tabs: [{ title: "Клиенты", rows, columnCount: 2 }] };
}
