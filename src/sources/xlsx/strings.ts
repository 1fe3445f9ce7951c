/**
 * The text of an OOXML string item, as the cell shows it: a shared string `<si>` or an inline
 * string `<is>`. Both hold either one `<t>` or several rich-text runs `<r><rPr/><t/></r>`, and may
 * carry phonetic guides `<rPh><t/></rPh>` that are not part of the visible text.
 *
 * exceljs's streaming reader gets this wrong in three ways, which is why we collect it here:
 * inline strings keep only the last run (each `<t>` restarts the value), a phonetic guide replaces
 * the shared string's text, and whitespace between tags of an indented sharedStrings.xml is glued
 * onto the text. Only text inside `<t>` counts; `_xHHHH_` escapes are decoded.
 */
import { decodeOoxmlEscapes } from "./cells.js";
import type { ParseSax } from "./exceljs.js";
import { CellTooLongError, MAX_CELL_CHARS, visibleLength } from "./sax.js";

/** Local name of a possibly prefixed tag (`x:t` -> `t`): some writers use a namespace prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

export class StringItemText {
  private parts: string[] = [];
  /** Characters shown so far (escapes counted as one). */
  private length = 0;
  private textDepth = 0;
  private phoneticDepth = 0;

  reset(): void {
    this.parts = [];
    this.length = 0;
    this.textDepth = 0;
    this.phoneticDepth = 0;
  }

  open(local: string): void {
    if (local === "rPh") this.phoneticDepth++;
    else if (local === "t" && this.phoneticDepth === 0) this.textDepth++;
  }

  close(local: string): void {
    if (local === "rPh") this.phoneticDepth = Math.max(0, this.phoneticDepth - 1);
    else if (local === "t" && this.textDepth > 0) this.textDepth--;
  }

  /**
   * Throws CellTooLongError when the runs together pass Excel's limit on a cell (each run may not).
   * Counted run by run (an escape never spans two runs), so many short runs cost no re-counting.
   */
  text(value: string): void {
    if (this.textDepth === 0) return;
    this.parts.push(value);
    this.length += visibleLength(value);
    if (this.length > MAX_CELL_CHARS) throw new CellTooLongError();
  }

  /** The visible text; `null` for an empty string, which a person cannot tell from an empty cell. */
  result(): string | null {
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join("");
    return text === "" ? null : decodeOoxmlEscapes(text);
  }
}

/**
 * The most characters all shared strings together may hold. They are kept in memory while the sheet
 * is read, so a workbook of many strings each under a cell's limit could still take gigabytes; a real
 * client base of a million rows holds a few tens of millions of distinct characters.
 */
export const MAX_SHARED_CHARS = 100_000_000;

/** The shared strings together are larger than `MAX_SHARED_CHARS`. */
export class SharedTextTooLargeError extends Error {
  constructor(readonly limit: number) {
    // i18n-exempt: never shown; open-xlsx.ts says it as E_INPUT_TOO_LARGE
    super(`the shared strings hold more than ${limit} characters`);
    this.name = "SharedTextTooLargeError";
  }
}

/** Every `<si>` of xl/sharedStrings.xml in order, as visible text. */
export async function readSharedStrings(
  parseSax: ParseSax,
  chunks: AsyncIterable<Buffer | string>,
  maxTotalChars = MAX_SHARED_CHARS,
): Promise<(string | null)[]> {
  const strings: (string | null)[] = [];
  const item = new StringItemText();
  let inItem = false;
  let total = 0;
  try {
    await readItems();
  } catch (error) {
    // The item being read when the text grew too long is the next one.
    throw error instanceof CellTooLongError ? error.at({ sharedString: strings.length }) : error;
  }
  return strings;

  async function readItems(): Promise<void> {
    for await (const events of parseSax(chunks)) {
      for (const event of events) {
        if (event.eventType === "text") {
          if (inItem) item.text(event.value);
          continue;
        }
        const local = localName(event.value.name);
        if (event.eventType === "opentag") {
          if (local === "si") {
            item.reset();
            inItem = true;
          } else if (inItem) {
            item.open(local);
          }
        } else if (local === "si") {
          const text = item.result();
          total += text?.length ?? 0;
          if (total > maxTotalChars) {
            throw new SharedTextTooLargeError(maxTotalChars);
          }
          strings.push(text);
          inItem = false;
        } else if (inItem) {
          item.close(local);
        }
      }
    }
  }
}
