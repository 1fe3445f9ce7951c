import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { configError } from "../campaign/config-error.js";
import { displayPath } from "../campaign/load.js";
import { type ConfigError, isCtdialError } from "../errors.js";
import { type Said, said, say } from "../i18n/catalog.js";
import { normalizePhone, phoneKey } from "../mapping/phone.js";
import { cellToText } from "../mapping/text.js";
import { openCsv } from "../sources/csv/open-csv.js";
import { sourceKindOf } from "../sources/open.js";
import { type Cell, isBlank, type Source, type SourceRow } from "../sources/types.js";
import { phoneColumns } from "./exclude-columns.js";
import { MAX_FILES, PhoneSetBuilder } from "./phone-set.js";

/**
 * `exclude:` (issue 4): files of phones never to dial. Every phone in them is normalised as the
 * source's phones are (mapping/phone.ts), so "8 (999) 222-33-44" in the list excludes "+79992223344"
 * in the base. A line that is not a phone is reported, not fatal: the rest of the list still
 * protects the people in it. A file that is missing, or in which no column holds phones, stops the
 * run: dialing without the list the user asked for would call people who asked not to be called.
 */

export interface ExcludeOptions {
  /** The folder the file names are relative to: the campaign file's. @default the working directory */
  baseDir?: string;
  /** The campaign file that names the lists, for messages: "(named in clients.campaign.yaml)". */
  namedIn?: string;
}

export interface ExcludeFile {
  /** The name as the campaign wrote it. */
  readonly name: string;
  readonly path: string;
  /** The base name: what a skipped row's reason shows ("excluded by dnc.csv"). */
  readonly label: string;
  /** "line" for text files, "row" for spreadsheets: how the user counts in this file. */
  readonly unit: "line" | "row";
  /** Cells read as phones (duplicates included). */
  readonly phones: number;
  /** Cells that are not phones; the first MAX_INVALID_EXAMPLES of them are in `invalid`. */
  readonly invalidCount: number;
}

/** A cell of an exclude file that is not a phone. `file` is the name as the campaign wrote it. */
export interface InvalidExcludeLine {
  readonly file: string;
  readonly rowNumber: number;
  readonly value: string;
  /** The phone's problem in English (library users); `problem` says it as data. */
  readonly message: string;
  readonly problem: Said;
}

export interface ExcludeList {
  /** The label of the file that excludes this phone key (mapping/phone.ts phoneKey), or undefined. */
  has(phoneKey: number): string | undefined;
  /** Distinct phones excluded. */
  readonly size: number;
  readonly files: readonly ExcludeFile[];
  /** Lines that are not phones, at most MAX_INVALID_EXAMPLES per file, in file order. */
  readonly invalid: readonly InvalidExcludeLine[];
}

/** Invalid lines kept per file: enough to show, bounded for a file that is not a phone list at all. */
export const MAX_INVALID_EXAMPLES = 100;

/** The reason a skipped row carries ("excluded by dnc.csv"), as data. */
export function excludedReason(label: string): Said {
  return said("campaignExcludedBy", { file: label });
}

export async function loadExcludeList(
  files: readonly string[],
  options: ExcludeOptions = {},
): Promise<ExcludeList> {
  const baseDir = options.baseDir ?? process.cwd();
  const namedIn = options.namedIn === undefined ? {} : { namedIn: options.namedIn };
  const builder = new PhoneSetBuilder();
  const read: ExcludeFile[] = [];
  const invalid: InvalidExcludeLine[] = [];
  if (files.length > MAX_FILES) {
    throw configError("E_EXCLUDE_TOO_MANY", { max: MAX_FILES, count: files.length, ...namedIn });
  }
  const seen = new Set<string>();
  for (const name of files) {
    const path = resolve(baseDir, name);
    if (seen.has(path)) continue;
    seen.add(path);
    const file = { name, path, label: basename(path), fileNumber: read.length, namedIn };
    read.push(await readFile(file, builder, invalid));
  }
  const set = builder.build();
  const labels = read.map((file) => file.label);
  return {
    has: (key) => {
      const number = set.fileOf(key);
      return number === undefined ? undefined : labels[number];
    },
    size: set.size,
    files: read,
    invalid,
  };
}

interface FileToRead {
  readonly name: string;
  readonly path: string;
  readonly label: string;
  readonly fileNumber: number;
  /** `{ namedIn: "clients.campaign.yaml" }`, or nothing: the parameter of the messages that name the file. */
  readonly namedIn: { readonly namedIn?: string };
}

async function readFile(
  file: FileToRead,
  builder: PhoneSetBuilder,
  invalid: InvalidExcludeLine[],
): Promise<ExcludeFile> {
  const kind = await kindOf(file);
  const table = await openTable(file, kind);
  let phones = 0;
  let invalidCount = 0;
  const take = (rowNumber: number, cell: Cell | undefined): void => {
    if (cell === undefined || isBlank(cell)) return;
    const result = normalizePhone(cell);
    if (result.ok) {
      builder.add(phoneKey(result.phone), file.fileNumber);
      phones++;
      return;
    }
    if (++invalidCount <= MAX_INVALID_EXAMPLES) {
      const message = say("en", result.problem);
      invalid.push({
        file: file.name,
        rowNumber,
        value: cellToText(cell) ?? "",
        message,
        problem: result.problem,
      });
    }
  };

  try {
    // An empty file lists nobody yet; that is not a mistake.
    if (table.headers.length === 0) return summary(file, kind, 0, 0);
    const columns = phoneColumns(table.headers);
    if (columns === undefined) throw noPhoneColumn(file, table.headers);
    if (columns.firstRowIsData) {
      for (const column of columns.columns) take(table.headerRowNumber, table.headers[column]);
    }
    for await (const row of table.rows) {
      for (const column of columns.columns) take(row.rowNumber, row.cells[column]);
    }
  } finally {
    await table.close();
  }
  return summary(file, kind, phones, invalidCount);
}

function summary(file: FileToRead, kind: Kind, phones: number, invalidCount: number): ExcludeFile {
  const unit = kind === "xlsx" ? "row" : "line";
  return { name: file.name, path: file.path, label: file.label, unit, phones, invalidCount };
}

type Kind = "csv" | "xlsx";

/** Decided by the name, as for sources; a missing file or a folder is a configuration mistake. */
async function kindOf(file: FileToRead): Promise<Kind> {
  let kind: Kind | undefined;
  try {
    const sourceKind = sourceKindOf(file.path);
    kind = sourceKind === "sheets" ? undefined : sourceKind;
  } catch {
    kind = undefined;
  }
  if (kind === undefined) {
    throw configError("E_EXCLUDE_KIND", { file: file.name, ...file.namedIn });
  }
  try {
    if ((await stat(file.path)).isDirectory()) {
      throw configError("E_EXCLUDE_FOLDER", { file: file.name, ...file.namedIn });
    }
  } catch (error) {
    if (isCtdialError(error)) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw configError("E_EXCLUDE_MISSING", { file: file.name, ...file.namedIn }, error);
    }
    // Anything else (permission denied, ...) is said by the reader, in its words.
  }
  return kind;
}

interface Table {
  readonly headers: readonly string[];
  readonly headerRowNumber: number;
  readonly rows: AsyncIterable<SourceRow> | Iterable<SourceRow>;
  close(): Promise<void>;
}

/**
 * The file as a table whose first row may be data: a file of one line is a list of one phone (its
 * "header" is that phone), an empty file a list of none yet.
 */
async function openTable(file: FileToRead, kind: Kind): Promise<Table> {
  const shown = displayPath(file.path);
  let source: Source;
  try {
    source =
      kind === "xlsx"
        ? await (await import("../sources/xlsx/open-xlsx.js")).openXlsx(shown)
        : await openCsv(shown, { allowHeaderOnly: true });
  } catch (error) {
    const code = isCtdialError(error) ? error.code : undefined;
    if (kind === "xlsx" && code === "E_EMPTY") return emptyTable();
    if (kind === "csv" && code === "E_INPUT_EMPTY") return emptyTable();
    throw error;
  }
  return {
    headers: source.headers,
    headerRowNumber: source.headerRowNumber,
    rows: source.rows(),
    close: () => source.close(),
  };
}

function emptyTable(): Table {
  return { headers: [], headerRowNumber: 1, rows: [], close: async () => {} };
}

function noPhoneColumn(file: FileToRead, headers: readonly string[]): ConfigError {
  const columns = headers.filter((header) => header.trim() !== "");
  return configError("E_EXCLUDE_NO_PHONE_COLUMN", { file: file.name, columns, ...file.namedIn });
}
