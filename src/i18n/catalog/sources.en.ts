import type { Messages } from "../messages.js";

/**
 * English words of the "sources" area: reading the data file (CSV, XLSX) and writing the report file.
 * A message is a function of one parameters object (or none) that returns the sentence;
 * catalog/sources.ru.ts must have the same keys with the same parameters (the typecheck says so).
 * Keys are unique across areas (test/i18n/catalog.test.ts). Codes are the public ones `--json` prints.
 */

/**
 * Where in a spreadsheet: an .xlsx file and its sheet, a Google spreadsheet and its tab, or (from a
 * caller not moved yet) a place already worded.
 */
export type GridPlace =
  | { readonly file: string; readonly sheet: string }
  | { readonly spreadsheet: string; readonly tab: string }
  | { readonly where: string };

/** One group of columns whose names the mapping cannot tell apart. */
export interface SameNames {
  /** The names as written, each once ("Ёлка", "елка"). */
  readonly names: readonly string[];
  /** The columns as the user counts them: numbers in CSV ("2"), letters in a sheet ("B"). */
  readonly columns: readonly string[];
}

/**
 * Groups travel in a `Said` as plain string lists: one entry per group, its names (or columns)
 * joined by this separator, which no header a person types holds.
 */
export const GROUP_SEPARATOR = "\u001f";

/** The groups back from their plain-list form. */
export function sameNameGroups(names: readonly string[], columns: readonly string[]): SameNames[] {
  return names.map((joined, index) => ({
    names: joined.split(GROUP_SEPARATOR),
    columns: (columns[index] ?? "").split(GROUP_SEPARATOR),
  }));
}

/** The plain-list form of the groups, for a `Said`. */
export function sameNameParams(groups: readonly SameNames[]): { names: string[]; columns: string[] } {
  return {
    names: groups.map((group) => [...new Set(group.names)].join(GROUP_SEPARATOR)),
    columns: groups.map((group) => group.columns.join(GROUP_SEPARATOR)),
  };
}

const COUNT_WORDS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** "2 and 5", "2, 5 and 7". */
function andList(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "two columns named Телефон (columns B and E)". */
function sameNamesEn(group: SameNames, countUpTo: number): string {
  const count = group.columns.length;
  const countWord = (count <= countUpTo ? COUNT_WORDS[count] : undefined) ?? String(count);
  const named =
    group.names.length === 1
      ? `named ${group.names[0]}`
      : `named ${group.names.join(" / ")} (case, spaces and ё/е do not count)`;
  return `${countWord} columns ${named} (columns ${andList(group.columns)})`;
}

function placeEn(p: GridPlace): string {
  if ("where" in p) return p.where;
  if ("spreadsheet" in p) return `Spreadsheet "${p.spreadsheet}", tab "${p.tab}"`;
  return `${p.file}, sheet ${p.sheet}`;
}

/** Why a file could not be opened, as the system said it. */
export type OpenFailure = "missing" | "denied" | "folder" | "other";

const REPORT_WRITE_REASONS: Readonly<Record<string, string>> = {
  ENOENT: "its folder does not exist",
  ENOTDIR: "a part of its path is a file, not a folder",
  EISDIR: "it is a folder",
  // Windows refuses to replace a file a spreadsheet program holds open with these two codes.
  EACCES: "permission denied (close it if a spreadsheet program has it open)",
  EPERM: "permission denied (close it if a spreadsheet program has it open)",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is exhausted",
  EBUSY: "the file is open in another program",
};

/** What a report must not be written over. */
export type ReportTargetKind = "source" | "campaign" | "exclude" | "config" | "not-report";

/** What a file said to be .xlsx really is. */
export type NotXlsxKind = "empty" | "ole2" | "empty-zip" | "text" | "other" | "ods" | "zip";

export const sourcesEn = {
  E_INPUT_ENCODING: (p: { file: string; line: number } | { encoding: string }) =>
    "encoding" in p
      ? `unknown encoding "${p.encoding}"; use one such as utf-8, windows-1251, utf-16le, utf-16be or koi8-r.`
      : `${p.file}, line ${p.line}: this line is not valid UTF-8 although the lines before it are; the file mixes encodings, so save it again as UTF-8 (or give its encoding with --encoding).`,
  E_INPUT_QUOTE: (p: { file: string; line: number; limit?: number }) =>
    p.limit === undefined
      ? `${p.file}, line ${p.line}: a quote (") opened here is never closed; close it or remove it.`
      : `${p.file}, line ${p.line}: a cell starting here runs on for more than ${p.limit.toLocaleString("en-US")} characters; most likely a quote (") opened here is never closed.`,
  E_INPUT_CSV: (p: { file: string; line: number; reason: string }) =>
    `${p.file}, line ${p.line}: this row cannot be read as CSV (${p.reason}).`,
  E_INPUT_COLUMNS: (p: { file: string; line: number; limit: number; columns?: number }) =>
    p.columns === undefined
      ? `${p.file}, line ${p.line} has more than ${p.limit.toLocaleString("en-US")} columns, the most a spreadsheet can hold; check that this is the file you meant and that its delimiter is right (give it with --delimiter).`
      : `${p.file}, line ${p.line} has ${p.columns.toLocaleString("en-US")} columns, more than the ${p.limit.toLocaleString("en-US")} a spreadsheet can hold; check that this is the file you meant and that its delimiter is right (give it with --delimiter).`,
  E_INPUT_LINE: (p: { file: string; line: number; limit: number }) =>
    `${p.file}, line ${p.line} is longer than ${p.limit.toLocaleString("en-US")} characters, which no row of a client base is; check that this is the file you meant and that its lines end with line breaks.`,
  E_INPUT_READ: (p: { file: string; reason: OpenFailure; detail?: string }) => {
    const reason =
      p.reason === "missing"
        ? "there is no such file"
        : p.reason === "denied"
          ? "permission denied"
          : p.reason === "folder"
            ? "it is a folder, not a file"
            : (p.detail ?? "");
    return `cannot read ${p.file}: ${reason}.`;
  },
  E_INPUT_OPEN: (p: { file: string; reason: OpenFailure; detail?: string }) =>
    p.reason === "missing"
      ? `${p.file} does not exist; check the path.`
      : p.reason === "folder"
        ? `${p.file} is a folder, not an .xlsx file.`
        : p.reason === "denied"
          ? `${p.file} cannot be opened: permission denied.`
          : `${p.file} cannot be read (${p.detail ?? ""}).`,
  E_INPUT_BINARY: (p: { file: string; kind: "xlsx" | "xls" | "utf-16" | "binary" }) => {
    switch (p.kind) {
      case "xlsx":
        return `${p.file} looks like an Excel (.xlsx) file, not CSV text; rename it to .xlsx, or open it in Excel and save it as CSV.`;
      case "xls":
        return `${p.file} looks like an old Excel (.xls) file, not CSV text; open it in Excel or LibreOffice and save it as .xlsx or CSV.`;
      case "utf-16":
        return `${p.file} looks like UTF-16 text without a byte-order mark; give its encoding with --encoding utf-16le (or utf-16be).`;
      case "binary":
        return `${p.file} is not a text file (it contains NUL bytes); export the table from its program as CSV.`;
    }
  },
  E_INPUT_DELIMITER: (p: { delimiter: string }) =>
    `the delimiter must be one character such as ; , | or tab, got ${JSON.stringify(p.delimiter)}.`,
  E_INPUT_EMPTY: (p: { file: string; headerLine?: number }) =>
    p.headerLine === undefined
      ? `${p.file} is empty: it has no header row and no data rows.`
      : `${p.file} has a header row (line ${p.headerLine}) but no data rows.`,
  E_INPUT_HEADER: (
    p:
      | { file: string; line: number; names: readonly string[]; columns: readonly string[] }
      | { file: string; line: number; column: number; headerLine: number },
  ) => {
    if ("column" in p) {
      return `${p.file}, line ${p.line}: column ${p.column} has a value but no name in the header row (line ${p.headerLine}); name the column or delete it.`;
    }
    const groups = sameNameGroups(p.names, p.columns);
    const described = groups.map((group) => sameNamesEn(group, 10)).join(" and ");
    const onlyPair = groups.length === 1 && groups[0]!.columns.length === 2;
    return `${p.file}, line ${p.line}: the header row has ${described}; ${onlyPair ? "rename one" : "rename them"}.`;
  },
  E_HEADERS: (
    p: GridPlace &
      (
        | { row: number; names: readonly string[]; columns: readonly string[] }
        | { row: number; column: string; headerRow: number }
      ),
  ) => {
    const where = placeEn(p);
    if ("column" in p) {
      return `${where}: column ${p.column} has no header in row ${p.headerRow} but has a value in row ${p.row}; type a header into ${p.column}${p.headerRow} or clear the column.`;
    }
    const groups = sameNameGroups(p.names, p.columns);
    const described = groups.map((group) => sameNamesEn(group, 5)).join(" and ");
    const onlyPair = groups.length === 1 && groups[0]!.columns.length === 2;
    return `${where}: the header row (row ${p.row}) has ${described}; ${onlyPair ? "rename one" : "rename them so that each name is used once"}.`;
  },
  E_INPUT_XLS: (p: { file: string }) =>
    `${p.file} is an old Excel .xls file; open it in Excel or LibreOffice and save it as .xlsx or .csv.`,
  E_INPUT_FORMAT: (p: { file: string }) =>
    `${p.file}: ctdial reads .csv, .tsv, .txt and .xlsx files or a Google Sheets link; rename the file or export it to one of these.`,
  E_INPUT_NOT_XLSX: (p: { file: string; kind: NotXlsxKind }) => {
    switch (p.kind) {
      case "empty":
        return `${p.file} is empty (0 bytes), not an .xlsx workbook.`;
      case "ole2":
        return `${p.file} is not an .xlsx workbook: it is an old Excel .xls file or a password-protected workbook; save it as .xlsx without a password.`;
      case "empty-zip":
        return `${p.file} is an empty zip archive, not an .xlsx workbook.`;
      case "text":
        return `${p.file} is not an .xlsx workbook but a text file (is it a CSV file renamed to .xlsx? give it a .csv name).`;
      case "other":
        return `${p.file} is not an .xlsx workbook; open it in Excel or LibreOffice and save it as .xlsx.`;
      case "ods":
        return `${p.file} is an OpenDocument spreadsheet (.ods), not .xlsx; save it as .xlsx.`;
      case "zip":
        return `${p.file} is a zip archive but not an .xlsx workbook; open it in Excel or LibreOffice and save it as .xlsx.`;
    }
  },
  E_INPUT_DAMAGED: (p: { file: string; incomplete?: boolean; detail?: string }) =>
    p.incomplete === true
      ? `${p.file} is incomplete (the file ends too early; was a download or copy interrupted?); get the file again or save it again from Excel.`
      : `${p.file} is damaged and cannot be read as an .xlsx workbook (${p.detail ?? ""}); open it in Excel or LibreOffice and save it again.`,
  E_INPUT_SHEET_MISSING: (p: { file: string; sheet: string }) =>
    `${p.file}: sheet ${p.sheet} is missing from the file; open the file in Excel or LibreOffice and save it again.`,
  E_INPUT_NO_SHEETS: (p: { file: string }) =>
    `${p.file} has no worksheets; add a sheet with a header row and data.`,
  E_SHEET: (p: { file: string; sheet: string; sheets: readonly string[]; hidden: readonly string[] }) => {
    const names = p.sheets.map((name) => (p.hidden.includes(name) ? `${name} (hidden)` : name)).join(", ");
    return `${p.file} has no sheet named ${p.sheet}; it has: ${names}.`;
  },
  E_EMPTY: (p: GridPlace) =>
    "file" in p
      ? `${p.file}: sheet ${p.sheet} is empty; put a header row and the clients' rows into it.`
      : `${placeEn(p)} is empty; put a header row and the clients' rows into it.`,
  E_INPUT_CELL_TOO_LONG: (p: {
    file: string;
    sheet?: string;
    cell?: string;
    sharedString?: number;
    limit: number;
  }) => {
    const where = [
      p.file,
      p.sheet === undefined ? undefined : `sheet ${p.sheet}`,
      p.cell === undefined ? undefined : `cell ${p.cell}`,
    ]
      .filter((part) => part !== undefined)
      .join(", ");
    const what =
      p.cell === undefined && p.sharedString !== undefined
        ? `holds a text (shared string ${p.sharedString} of the workbook) of`
        : p.cell === undefined
          ? "has a cell with"
          : "holds";
    return (
      `${where} ${what} more than ${p.limit.toLocaleString("en-US")} characters, the most Excel allows in a cell; ` +
      "open the file in Excel or LibreOffice, shorten or clear that cell, and save it again."
    );
  },
  E_INPUT_TOO_LARGE: (p: { file: string; limit: number }) =>
    `${p.file} holds more than ${p.limit.toLocaleString("en-US")} characters of text in its cells, far more than a client base; check that this is the file you meant, or save it as CSV and run ctdial on that.`,
  E_REPORT_WRITE: (p: { file: string; errno?: string }) => {
    const reason =
      p.errno === undefined
        ? "the file was closed"
        : (REPORT_WRITE_REASONS[p.errno] ?? `the system refused it (${p.errno})`);
    return `Cannot write the report ${p.file}: ${reason}.`;
  },
  E_REPORT_TARGET: (p: { file: string; kind: ReportTargetKind; ext?: string; defaultName: string }) => {
    const what =
      p.kind === "source"
        ? "the file being dialed"
        : p.kind === "campaign"
          ? "the campaign file"
          : p.kind === "exclude"
            ? "an exclude list"
            : p.kind === "config"
              ? `a ${(p.ext ?? "").toUpperCase()} file name, not a .csv or .xlsx report`
              : "an existing file that is not a ctdial report";
    return `The report would be written over ${p.file}, which is ${what}; give --report another file name, or leave it out to write ${p.defaultName}.`;
  },
  E_REPORT_DELIMITER: (p: { delimiter: string }) =>
    `The report delimiter must be one or more characters other than quotes and line breaks, got ${JSON.stringify(p.delimiter)}.`,
} satisfies Messages;
