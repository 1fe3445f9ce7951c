import { parseDocument } from "yaml";
import { configError } from "./config-error.js";
import { indentProblem } from "./yaml-indent.js";

/**
 * The text of a campaign file -> plain data, or a ConfigError that points at the line and column
 * (`clients.campaign.yaml:4:3: not valid YAML: ...`, the form terminals and editors make clickable).
 * A file that is empty or only comments is an empty campaign: every key has a default or is optional.
 */
export function parseCampaignText(text: string, format: "yaml" | "json", display: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return {};
  return format === "json" ? parseJson(body, display) : parseYaml(body, display);
}

function parseYaml(body: string, display: string): unknown {
  // YAML 1.2 (the package's default): `09:00` stays the text "09:00", `no` stays "no"; duplicate keys are errors.
  const doc = parseDocument(body, { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    // The first error is the cause; the ones after it are usually the parser losing its way.
    const where = first.linePos?.[0];
    const indent =
      where === undefined ? undefined : indentProblem(first.code, first.message, where.line, body);
    if (indent !== undefined) {
      throw configError("E_CAMPAIGN_YAML_INDENT", {
        where: located(display, indent.line, 1),
        ...(indent.tab === true ? { tab: true } : {}),
        ...(indent.parent === undefined ? {} : { parent: indent.parent }),
      });
    }
    const detail = firstLine(first.message).replace(/ at line \d+, column \d+:?$/, "");
    throw configError("E_CAMPAIGN_YAML", { where: located(display, where?.line, where?.col), detail });
  }
  // Comments only: no document at all, which is an empty campaign (a literal `null` is not).
  if (doc.contents === null) return {};
  return doc.toJS({ maxAliasCount: 100 });
}

function parseJson(body: string, display: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(raw)?.[1];
    const where = position === undefined ? undefined : lineColumn(body, Number(position));
    const message = firstLine(raw)
      .replace(/ in JSON at position \d+.*$/, "")
      .replace(/, ".*" is not valid JSON$/, "");
    throw configError("E_CAMPAIGN_JSON", {
      where: located(display, where?.line, where?.col),
      detail: message,
    });
  }
}

function located(display: string, line: number | undefined, col: number | undefined): string {
  return line === undefined ? display : `${display}:${line}:${col ?? 1}`;
}

function lineColumn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf("\n");
  return { line: before.split("\n").length, col: offset - lastBreak };
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]?.trim() ?? "";
}
