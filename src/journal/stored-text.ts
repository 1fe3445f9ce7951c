import { isKey, type Said, say } from "../i18n/catalog.js";
import type { RowProblem } from "../mapping/types.js";
import type { OutcomeText } from "../outcome.js";

/**
 * How the journal keeps what an outcome says (its "m" member): ctdial's own words as their message
 * key and parameters, so that a report written later, in any language, says them in that language;
 * Calltouch's own messages verbatim. A journal written before the catalog holds English sentences:
 * they are read back as they are (the one constant sentence, the lost answer, is recognised).
 *
 * - `ctdial:<key><params JSON>`: one message (`ctdial:rowsNetRefused{"host":"api.calltouch.ru"}`);
 * - `ctdial-rows:<JSON [[column, key, params], ...]>`: an invalid row's problems;
 * - anything else: a text kept as it is.
 */
const ONE = "ctdial:";
const PROBLEMS = "ctdial-rows:";

/** The English sentence journals held for a lost answer before it was stored as a key (runNoAnswer's). */
const OLD_NO_ANSWER = say("en", { code: "runNoAnswer", params: {} });

export function storeText(text: OutcomeText): string {
  if (typeof text === "string") return text;
  return `${ONE}${text.code}${paramsJson(text.params)}`;
}

export function storeProblems(problems: readonly RowProblem[]): string {
  const list = problems.map((p) => [p.column ?? null, p.problem.code, p.problem.params]);
  return `${PROBLEMS}${JSON.stringify(list)}`;
}

/** What a stored "m" says: a `Said` for ctdial's own words, else the text itself. */
export function readText(stored: string): OutcomeText {
  if (stored.startsWith(ONE)) {
    const body = stored.slice(ONE.length);
    const brace = body.indexOf("{");
    const code = brace < 0 ? body : body.slice(0, brace);
    const params = brace < 0 ? {} : parseObject(body.slice(brace));
    if (isKey(code) && params !== undefined) return { code, params } as unknown as Said;
    return stored;
  }
  if (stored === OLD_NO_ANSWER) return { code: "runNoAnswer", params: {} };
  return stored;
}

/** An invalid row's problems as stored; an old journal's English line is one problem, shown as it is. */
export function readProblems(stored: string): RowProblem[] {
  if (stored.startsWith(PROBLEMS)) {
    try {
      const list = JSON.parse(stored.slice(PROBLEMS.length)) as unknown;
      if (Array.isArray(list)) {
        const problems = list.flatMap((item): RowProblem[] => {
          if (!Array.isArray(item)) return [];
          const [column, code, params] = item as [unknown, unknown, unknown];
          if (!isKey(code) || typeof params !== "object" || params === null) return [];
          const problem = { code, params } as unknown as Said;
          return [typeof column === "string" ? { column, problem } : { problem }];
        });
        if (problems.length === list.length) return problems;
      }
    } catch {
      // Not ours after all: shown as it is below.
    }
  }
  const text = readText(stored);
  return [{ problem: typeof text === "string" ? { code: "rowsVerbatim", params: { text } } : text }];
}

function paramsJson(params: object): string {
  return Object.keys(params).length === 0 ? "" : JSON.stringify(params);
}

function parseObject(json: string): object | undefined {
  try {
    const value = JSON.parse(json) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
