import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Stages are folders and data flows one way through them (docs/architecture.md "The shape"), so no
 * folder of src/ may import, directly or through others, a folder that imports it back; a shared piece
 * belongs in the lower of the two. Files inside a folder form no cycle either (a cycle there, even of
 * types only, means a piece sits in the wrong file). Computed from the import statements, type-only
 * imports included. A file at the top of src/ (errors.ts, outcome.ts, ...) counts as a folder of its own.
 */

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
/** `from "./x.js"`, `import "./x.js"`, `import("./x.js")`: relative specifiers only (packages are no stage). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)"(\.{1,2}\/[^"]+)"/g;

type Graph = ReadonlyMap<string, ReadonlySet<string>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** Every file of src/ (relative, `a/b.ts`) and the files it imports. */
function fileGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const path of sourceFiles(SRC)) {
    const from = relative(SRC, path);
    const targets = new Set<string>();
    for (const match of readFileSync(path, "utf8").matchAll(SPECIFIER)) {
      targets.add(relative(SRC, resolve(dirname(path), match[1]!.replace(/\.js$/, ".ts"))));
    }
    graph.set(from, targets);
  }
  return graph;
}

/** The top folder of a file (`sources/csv/open-csv.ts` -> `sources`); a top-level file stands alone. */
function folderOf(file: string): string {
  const slash = file.indexOf("/");
  return slash < 0 ? file : file.slice(0, slash);
}

function folderGraph(files: Graph): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [from, targets] of files) {
    const edges = graph.get(folderOf(from)) ?? new Set<string>();
    for (const target of targets) if (folderOf(target) !== folderOf(from)) edges.add(folderOf(target));
    graph.set(folderOf(from), edges);
  }
  return graph;
}

/** The strongly connected components with more than one node (Tarjan): each is a cycle, sorted. */
function cyclesOf(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** For a message: which imports make up a folder cycle. */
function importsWithin(files: Graph, folders: readonly string[]): string[] {
  const inCycle = new Set(folders);
  return [...files].flatMap(([from, targets]) =>
    [...targets]
      .filter(
        (t) => folderOf(t) !== folderOf(from) && inCycle.has(folderOf(from)) && inCycle.has(folderOf(t)),
      )
      .map((t) => `${from} -> ${t}`),
  );
}

describe("the cycle finder", () => {
  it("finds each cycle once, with every folder in it, and nothing in a graph that flows one way", () => {
    const graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a", "d"])],
      ["d", new Set(["e"])],
      ["e", new Set(["d"])],
      ["f", new Set(["a"])],
    ]);
    expect(cyclesOf(graph)).toEqual([
      ["a", "b", "c"],
      ["d", "e"],
    ]);
    expect(cyclesOf(new Map([["a", new Set(["b"])]]))).toEqual([]);
  });

  it("reads relative imports of every kind and counts a top-level file as its own folder", () => {
    const files = fileGraph();
    expect(files.get("sources/open.ts")).toEqual(expect.any(Set));
    expect([...files.get("sources/open.ts")!]).toEqual(
      expect.arrayContaining(["errors.ts", "sources/types.ts", "sources/xlsx/open-xlsx.ts"]),
    );
    expect(folderOf("sources/csv/open-csv.ts")).toBe("sources");
    expect(folderOf("errors.ts")).toBe("errors.ts");
  });
});

describe("src/", () => {
  const files = fileGraph();

  it("has no import cycle between its folders", () => {
    const found = cyclesOf(folderGraph(files)).map(
      (cycle) => `${cycle.join(" <-> ")}:\n  ${importsWithin(files, cycle).join("\n  ")}`,
    );
    expect(found).toEqual([]);
  });

  it("has no import cycle between its files, type-only imports included", () => {
    expect(cyclesOf(files)).toEqual([]);
  });
});
