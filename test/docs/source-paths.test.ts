import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * docs/ names the code's files so that a reader can open them (`src/journal/lock.ts`,
 * `engine/plan.ts`), and docs/architecture.md draws the tree of src/ with the files of each folder. A
 * file that was moved or renamed leaves those names pointing nowhere; this test fails on every one.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SRC = join(ROOT, "src");
/** The folders of src/: `engine/plan.ts` in a page means `src/engine/plan.ts`. */
const FOLDERS = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());

/** A path as pages write it: `src/a.ts`, `src/a/b.ts`, `a/b.ts`, `a/b/`, not part of a longer one (`test/a/b.ts`). */
const PATH = /(?<![\w./-])((?:[\w-]+\/)+(?:[\w.-]+\.(?:ts|js|mjs)\b)?|[\w-]+\.(?:ts|js|mjs)\b)/g;

interface Named {
  readonly page: string;
  readonly line: number;
  /** Relative to src/. */
  readonly path: string;
}

/** Every path of src/ a page names in its text: explicit `src/...` and ones starting with a folder of src/. */
function pathsIn(page: string, text: string, folders: readonly string[]): Named[] {
  const named: Named[] = [];
  text.split("\n").forEach((line, i) => {
    for (const match of line.matchAll(PATH)) {
      const explicit = match[1]!.startsWith("src/");
      const path = explicit ? match[1]!.slice("src/".length) : match[1]!;
      if (path !== "" && (explicit || folders.includes(path.slice(0, path.indexOf("/"))))) {
        named.push({ page, line: i + 1, path });
      }
    }
  });
  return named;
}

/**
 * The tree of src/ drawn in a fenced block that starts with `src/`: a line `  name/  what it does`
 * opens a folder, and the bare names after it (`csv/`, `client.ts`) are inside that folder.
 */
function treeNames(page: string, text: string): Named[] {
  const named: Named[] = [];
  const lines = text.split("\n");
  let inTree = false;
  let folder: string | undefined;
  lines.forEach((line, i) => {
    if (/^```/.test(line)) {
      inTree = !inTree && lines[i + 1] === "src/";
      folder = undefined;
      return;
    }
    if (!inTree || line === "src/") return;
    const entry = /^ {2}([\w.-]+\/?)\s/.exec(line);
    if (entry !== null) {
      const name = entry[1]!;
      folder = name.endsWith("/") ? name.slice(0, -1) : undefined;
      named.push({ page, line: i + 1, path: name });
    }
    if (folder === undefined) return;
    const description = entry === null ? line : line.slice(entry[0].length);
    for (const match of description.matchAll(/(?<![\w./-])([\w-]+(?:\.ts|\/))(?![\w])/g)) {
      named.push({ page, line: i + 1, path: `${folder}/${match[1]}` });
    }
  });
  return named;
}

function missing(named: readonly Named[]): string[] {
  return named.filter((n) => !existsSync(join(SRC, n.path))).map((n) => `${n.page}:${n.line}: src/${n.path}`);
}

describe("the path finder", () => {
  it("finds src/ paths and paths that start with a folder of src/, not other folders' or longer paths", () => {
    const text = [
      "see `src/journal/lock.ts`, src/outcome.ts and engine/plan.ts (sinks/sheet/); src/",
      "test/calltouch/scripted-server.ts, schema/campaign.schema.json, docs/contract.md",
    ].join("\n");
    expect(pathsIn("p.md", text, ["journal", "engine", "sinks", "calltouch"]).map((n) => n.path)).toEqual([
      "journal/lock.ts",
      "outcome.ts",
      "engine/plan.ts",
      "sinks/sheet/",
    ]);
  });

  it("reads the tree: folders, the files and subfolders named in their lines, top-level files", () => {
    const text = [
      "```",
      "src/",
      "  sources/     read rows: csv/ (a worker), types.ts",
      "               and open.ts; not `ctdial sandbox` nor e.g. a.b",
      "  errors.ts    the error classes",
      "```",
    ].join("\n");
    expect(treeNames("p.md", text).map((n) => n.path)).toEqual([
      "sources/",
      "sources/csv/",
      "sources/types.ts",
      "sources/open.ts",
      "errors.ts",
    ]);
  });
});

describe("docs/", () => {
  const pages = readdirSync(join(ROOT, "docs")).filter((name) => name.endsWith(".md"));
  const named = pages.flatMap((name) => {
    const text = readFileSync(join(ROOT, "docs", name), "utf8");
    return [...pathsIn(`docs/${name}`, text, FOLDERS), ...treeNames(`docs/${name}`, text)];
  });

  it("names files of src/ (guards against a finder that finds nothing)", () => {
    expect(named.length).toBeGreaterThan(40);
  });

  it("names only files and folders of src/ that exist", () => {
    expect(missing(named)).toEqual([]);
  });
});
