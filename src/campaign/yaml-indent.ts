/**
 * YAML's indentation errors in plain words. The parser's own messages ("Nested mappings are not allowed
 * in compact mappings", "All mapping items must start at the same column") describe its grammar, and
 * for a line indented one space too deep they point at the line above it. Here: the line that is off,
 * and what to do about it in the terms of the file (the key it belongs under), which the catalog
 * words ("indent the keys under mapping: by the same number of spaces").
 */
export interface IndentProblem {
  /** 1-based line of the line whose indentation is wrong. */
  readonly line: number;
  /** The line is indented with a tab (YAML allows only spaces). */
  readonly tab?: boolean;
  /** The key whose group the line belongs to (`mapping`); none for a top-level key. */
  readonly parent?: string;
}

/** Parser error codes that mean "a line is indented wrongly". */
const INDENT_CODES = new Set([
  "BAD_INDENT",
  "BLOCK_AS_IMPLICIT_KEY",
  "MULTILINE_IMPLICIT_KEY",
  "TAB_AS_INDENT",
]);

export function indentProblem(
  code: string,
  parserMessage: string,
  reportedLine: number,
  text: string,
): IndentProblem | undefined {
  // An unclosed flow collection ([a, b) also comes as BAD_INDENT; the parser's words fit it better.
  if (!INDENT_CODES.has(code) || /flow/i.test(parserMessage)) return undefined;
  const lines = text.split(/\r?\n/);
  if (code === "TAB_AS_INDENT") {
    return { line: reportedLine, tab: true };
  }
  // A line indented deeper than its siblings reads as the continuation of the value above it: the
  // parser reports the line with the value, the culprit is the deeper line below it.
  // A blank line before the culprit can carry the report: the culprit is the next line with content.
  const line =
    code === "BAD_INDENT"
      ? nextContentLine(lines, reportedLine)
      : (deeperLineBelow(lines, reportedLine) ?? reportedLine);
  const culprit = lines[line - 1];
  if (culprit === undefined || !isContent(culprit)) return undefined;
  const above = previousContentLine(lines, line);
  const siblingIndent = above === undefined ? 0 : indentOf(lines[above - 1] ?? "");
  const parent = parentKey(lines, line, siblingIndent);
  return parent === undefined ? { line } : { line, parent };
}

function deeperLineBelow(lines: readonly string[], reportedLine: number): number | undefined {
  const base = indentOf(lines[reportedLine - 1] ?? "");
  for (let i = reportedLine; i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (!isContent(text)) continue;
    return indentOf(text) > base ? i + 1 : undefined;
  }
  return undefined;
}

function nextContentLine(lines: readonly string[], line: number): number {
  for (let i = line - 1; i < lines.length; i++) if (isContent(lines[i] ?? "")) return i + 1;
  return line;
}

function previousContentLine(lines: readonly string[], line: number): number | undefined {
  for (let i = line - 2; i >= 0; i--) if (isContent(lines[i] ?? "")) return i + 1;
  return undefined;
}

/** The key of the nearest line above `line` indented less than `indent` (the mapping the line belongs to). */
function parentKey(lines: readonly string[], line: number, indent: number): string | undefined {
  if (indent === 0) return undefined;
  for (let i = line - 2; i >= 0; i--) {
    const text = lines[i] ?? "";
    if (!isContent(text) || indentOf(text) >= indent) continue;
    return /^\s*(?:-\s+)?([^:#]+?)\s*:/.exec(text)?.[1];
  }
  return undefined;
}

function isContent(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== "" && !trimmed.startsWith("#");
}

function indentOf(text: string): number {
  return /^[ \t]*/.exec(text)?.[0].length ?? 0;
}
