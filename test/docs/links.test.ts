import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The project documents itself: code comments, the README and docs/ cite `docs/<file>.md`, often with a
 * section (`docs/contract.md "Report"`). A citation of a file or a section that does not exist sends the
 * reader nowhere, and pages outside the repository (the team's shared folder beside the repository,
 * its upper-case pages) are not there for a user at all. This test fails on both. Those names are
 * built from parts below, so that this file does not cite them itself.
 */

/** The outside folder and pages, spelled from parts (see above). */
const OUTSIDE_FOLDER = ["..", "shared"].join("/");
const OUTSIDE_PAGES = ["API", "CONTRACT", "ARCHITECTURE", "SHEETS"];
const outsidePage = (name: string): string => `${name}.md`;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SELF = relative(ROOT, fileURLToPath(import.meta.url));
/** Folders whose text files are checked, besides README.md. */
const SCANNED = ["docs", "src", "test", "schema", "scripts", "bench"];
const SKIPPED = new Set(["node_modules", "dist", "out", "coverage"]);
const TEXT = /\.(?:[cm]?[jt]s|json|md|ya?ml|txt)$/;

/**
 * `docs/x.md`, then optionally `'s`, then a quoted section, possibly after a line break inside a comment
 * (` * ` or `// `). Not preceded by a path character, so `../docs/x.md` or `a/docs/x.md` is no citation.
 */
const CITATION =
  /(?<![\w./-])docs\/([\w.-]+\.md)(?:#([\w-]+))?(?:(?:'s)?(?:[ \t]|\n[ \t]*(?:\*(?!\/)|\/\/)?)+"([^"\n]+)")?/g;
const FORBIDDEN: readonly [RegExp, string][] = [
  [
    new RegExp(`${OUTSIDE_FOLDER.replace(/\./g, "\\.")}\\b`, "g"),
    `cites ${OUTSIDE_FOLDER}, which users of the repository do not have`,
  ],
  [
    new RegExp(`\\b(?:${OUTSIDE_PAGES.join("|")})\\.md\\b`, "g"),
    "cites a page outside the repository; cite docs/contract.md, docs/calltouch-api.md or docs/architecture.md",
  ],
];

interface Problem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** A heading as a citation may spell it: no backticks, any case, single spaces. */
function headingKey(text: string): string {
  return text.replace(/`/g, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(text: string): string {
  return text
    .replace(/`/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The headings of a Markdown text, outside fenced code blocks (a `# comment` in YAML is no heading). */
function headingsOf(markdown: string): string[] {
  const headings: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) {
      const match = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
      if (match !== null) headings.push(match[1] as string);
    }
  }
  return headings;
}

/** Every broken citation and forbidden reference in one file's text. `docs` maps a docs file name to its text. */
function checkText(
  file: string,
  text: string,
  docs: ReadonlyMap<string, string>,
): { problems: Problem[]; citations: number } {
  const problems: Problem[] = [];
  const lineAt = (index: number): number => text.slice(0, index).split("\n").length;
  let citations = 0;
  for (const match of text.matchAll(CITATION)) {
    citations += 1;
    const [, name, anchor, section] = match as unknown as [string, string, string?, string?];
    const line = lineAt(match.index);
    const target = docs.get(name);
    if (target === undefined) {
      problems.push({ file, line, message: `cites docs/${name}, which does not exist` });
      continue;
    }
    const headings = headingsOf(target);
    if (section !== undefined && !headings.some((h) => headingKey(h) === headingKey(section))) {
      problems.push({ file, line, message: `cites docs/${name} "${section}", which has no such heading` });
    }
    if (anchor !== undefined && !headings.some((h) => anchorOf(h) === anchor.toLowerCase())) {
      problems.push({ file, line, message: `cites docs/${name}#${anchor}, which has no such heading` });
    }
  }
  for (const [pattern, message] of FORBIDDEN) {
    for (const match of text.matchAll(pattern)) {
      problems.push({ file, line: lineAt(match.index), message: `${message} (${match[0]})` });
    }
  }
  return { problems, citations };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (SKIPPED.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return TEXT.test(name) ? [path] : [];
  });
}

function docsOfRepository(): Map<string, string> {
  const dir = join(ROOT, "docs");
  const entries = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".md")) : [];
  return new Map(entries.map((name) => [name, readFileSync(join(dir, name), "utf8")]));
}

const FAKE_DOCS = new Map([
  [
    "contract.md",
    "# Contract\n\n## Report\n\n```yaml\n# Hidden\nkey: 1\n```\n\n## Exit codes and `--json` summary\n",
  ],
]);

describe("the docs link checker", () => {
  it("accepts a section cited in another case, without backticks, after a comment's line break", () => {
    const text = [
      'see docs/contract.md "report" and docs/contract.md\'s "Exit codes and --json summary"',
      '/** as docs/contract.md\n * "Report" says */',
      "a link [contract](docs/contract.md) and an anchor docs/contract.md#report",
    ].join("\n");
    expect(checkText("x.ts", text, FAKE_DOCS)).toEqual({ problems: [], citations: 5 });
  });

  it("reports a missing file, a missing section and a missing anchor, with their lines", () => {
    const text =
      'docs/nowhere.md\nok\ndocs/contract.md "Hidden"\ndocs/contract.md "Repo"\ndocs/contract.md#nope';
    expect(checkText("x.ts", text, FAKE_DOCS).problems).toEqual([
      { file: "x.ts", line: 1, message: "cites docs/nowhere.md, which does not exist" },
      { file: "x.ts", line: 3, message: 'cites docs/contract.md "Hidden", which has no such heading' },
      { file: "x.ts", line: 4, message: 'cites docs/contract.md "Repo", which has no such heading' },
      { file: "x.ts", line: 5, message: "cites docs/contract.md#nope, which has no such heading" },
    ]);
  });

  it("reports the shared folder and upper-case pages outside the repository, not docs/calltouch-api.md", () => {
    const [api, contract, , sheets] = OUTSIDE_PAGES.map(outsidePage);
    const text = [
      `see ${OUTSIDE_FOLDER}/product/x`,
      api,
      `(${contract} and ${sheets})`,
      "docs/calltouch-api.md",
    ].join("\n");
    const docs = new Map([["calltouch-api.md", "# The Calltouch API\n"]]);
    expect(checkText("x.ts", text, docs).problems.map((p) => [p.line, p.message.split(" (").at(-1)])).toEqual(
      [
        [1, `${OUTSIDE_FOLDER})`],
        [2, `${api})`],
        [3, `${contract})`],
        [3, `${sheets})`],
      ],
    );
  });
});

describe("the repository's own citations", () => {
  const docs = docsOfRepository();
  const files = [join(ROOT, "README.md"), ...SCANNED.flatMap((dir) => filesUnder(join(ROOT, dir)))].filter(
    (path) => relative(ROOT, path) !== SELF,
  );
  const results = files.map((path) => checkText(relative(ROOT, path), readFileSync(path, "utf8"), docs));

  it("finds the three documents and the citations of them", () => {
    expect([...docs.keys()].sort()).toEqual(
      expect.arrayContaining(["architecture.md", "calltouch-api.md", "contract.md"]),
    );
    // Guards against a checker that silently finds nothing: src/ alone cites docs/ dozens of times.
    expect(results.reduce((sum, r) => sum + r.citations, 0)).toBeGreaterThan(40);
  });

  it("cites only documents and sections that exist, and nothing outside the repository", () => {
    const problems = results.flatMap((r) => r.problems).map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(problems).toEqual([]);
  });
});
