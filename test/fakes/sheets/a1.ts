/** A1 notation as the Sheets API reads it: `'Клиенты ''26'!A2:H5000`, `Tab!A:A`, `A1:B2`, `Tab`. */

export interface A1Range {
  /** undefined: no tab named, the first tab. */
  readonly title: string | undefined;
  /** 0-based, inclusive; undefined ends are open (whole columns / rows). */
  readonly startRow: number;
  readonly endRow: number | undefined;
  readonly startColumn: number;
  readonly endColumn: number | undefined;
}

export function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function quoteTitle(title: string): string {
  return `'${title.replaceAll("'", "''")}'`;
}

/** Returns undefined when the text is not a range the API would parse. */
export function parseA1(text: string): A1Range | undefined {
  let title: string | undefined;
  let cells = text;
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    for (; i < text.length; i++) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += text[i];
    }
    if (i >= text.length) return undefined;
    title = name;
    const rest = text.slice(i + 1);
    if (rest === "") return { title, startRow: 0, endRow: undefined, startColumn: 0, endColumn: undefined };
    if (!rest.startsWith("!")) return undefined;
    cells = rest.slice(1);
  } else {
    const bang = text.lastIndexOf("!");
    if (bang >= 0) {
      title = text.slice(0, bang);
      cells = text.slice(bang + 1);
    } else if (!/^[A-Za-z]*\d*(:[A-Za-z]*\d*)?$/.test(text)) {
      return { title: text, startRow: 0, endRow: undefined, startColumn: 0, endColumn: undefined };
    }
  }
  const match = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/.exec(cells);
  if (match === null) return undefined;
  const [, c1 = "", r1 = "", c2, r2] = match;
  if (c1 === "" && r1 === "") return undefined;
  const single = c2 === undefined && r2 === undefined;
  return {
    title,
    startColumn: c1 === "" ? 0 : columnIndex(c1),
    startRow: r1 === "" ? 0 : Number(r1) - 1,
    endColumn: single ? (c1 === "" ? undefined : columnIndex(c1)) : c2 ? columnIndex(c2) : undefined,
    endRow: single ? (r1 === "" ? undefined : Number(r1) - 1) : r2 ? Number(r2) - 1 : undefined,
  };
}
