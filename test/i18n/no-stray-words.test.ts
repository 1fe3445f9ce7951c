import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * A sentence a person reads is written in the catalog (src/i18n/catalog/), nowhere else: this test
 * reads every string and template literal in src/ and fails on one that looks like words to a person
 * (three words in a row). What is not for a person is marked where it stands, with the reason:
 * `// i18n-exempt: <why>` on the line or the line above, or `// i18n-exempt-file: <why>` for a file
 * of data (header synonyms). Errors that only a bug can raise (TypeError, RangeError) and JSON
 * Schema descriptions (`.describe(...)`, documentation for editors) are let through.
 */

const ROOT = join(import.meta.dirname, "..", "..");
const SRC = join(ROOT, "src");
const SENTENCE = /[A-Za-zА-Яа-яЁё]{2,}[,:;]? +[A-Za-zА-Яа-яЁё]{2,}[,:;]? +[A-Za-zА-Яа-яЁё]{2,}/;

/**
 * Files whose words are still being moved into the catalog (removed from this list as they are);
 * empty when the move is done.
 */
const STILL_MOVING: readonly string[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(SRC, "i18n") ? [] : filesUnder(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" {} ");
  }
  return undefined;
}

/** A literal that only a bug shows, or documentation for editors. */
function letThrough(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at !== undefined; at = at.parent) {
    if (ts.isNewExpression(at) && ts.isIdentifier(at.expression)) {
      if (["TypeError", "RangeError"].includes(at.expression.text)) return true;
    }
    if (ts.isCallExpression(at) && ts.isPropertyAccessExpression(at.expression)) {
      if (at.expression.name.text === "describe") return true;
    }
    if (ts.isStatement(at)) return false;
  }
  return false;
}

function strayWords(path: string): string[] {
  const text = readFileSync(path, "utf8");
  if (/\/\/ i18n-exempt-file: \S/.test(text)) return [];
  const lines = text.split("\n");
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const literal = literalText(node);
    if (literal !== undefined && SENTENCE.test(literal) && !ts.isImportDeclaration(node.parent)) {
      const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const marked = [lines[line], lines[line - 1]].some(
        (l) => l !== undefined && /\/\/ i18n-exempt: \S/.test(l),
      );
      if (!marked && !letThrough(node)) {
        found.push(`${relative(ROOT, path)}:${line + 1}: ${literal.slice(0, 80)}`);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("sentences for people live in the catalog", () => {
  it("no literal outside src/i18n/ reads like a sentence", () => {
    const files = filesUnder(SRC).filter((path) => {
      const name = relative(ROOT, path);
      return !STILL_MOVING.some((moving) => name === moving || name.startsWith(`${moving}/`));
    });
    expect(files.flatMap(strayWords)).toEqual([]);
  });
});
