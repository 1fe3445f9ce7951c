import { extname } from "node:path";
import { InputError } from "../errors.js";
import { isSheetLink, looksLikeSheet } from "../google-sheets/url.js";
import { isCtdialReport } from "../report-columns.js";
import { openCsv } from "./csv/open-csv.js";
import { openCsvThreaded } from "./csv/threaded.js";
import { unneutralize } from "./ctdial-report.js";
import type { Source, SourceRow } from "./types.js";

export interface OpenSourceOptions {
  /** CSV: force an encoding instead of detecting it. */
  encoding?: string;
  /** CSV: force a delimiter instead of detecting it. */
  delimiter?: string;
  /** XLSX / Sheets: the tab to read. */
  sheet?: string;
  /**
   * CSV: parse in a worker thread, on a second core, while this thread maps rows and writes the
   * report. The caller decides (the CLI turns it on; `CTDIAL_CSV_THREAD=0` turns it off there):
   * library code does not guess from its environment. @default false
   */
  csvThread?: boolean;
}

const CSV_EXTENSIONS = new Set([".csv", ".tsv", ".txt"]);

export type SourceKind = "csv" | "xlsx" | "sheets";

/** Which adapter reads this source, decided by its name alone (no I/O). */
export function sourceKindOf(location: string): SourceKind {
  const ext = extname(location).toLowerCase();
  // A link (with or without https://), or a bare spreadsheet id (it has no extension; a file name does).
  if (isSheetLink(location) || (looksLikeSheet(location) && ext === "")) return "sheets";
  if (CSV_EXTENSIONS.has(ext)) return "csv";
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".xls") {
    throw new InputError({ code: "E_INPUT_XLS", params: { file: location } });
  }
  throw new InputError({ code: "E_INPUT_FORMAT", params: { file: location } });
}

/**
 * Opens a source by its kind. A ctdial report (a `ctdial_status` header) is read as the data it
 * reports on: the apostrophes the report added before formula signs are removed from its cells.
 */
export async function openSource(location: string, options: OpenSourceOptions = {}): Promise<Source> {
  const source = await openByKind(location, options);
  // A Google Sheet's result columns were written RAW, with nothing to undo; its ctdial_* columns are
  // left out of the mapping by their headers, as in any source.
  return source.kind !== "sheets" && isCtdialReport(source.headers) ? readAsReport(source) : source;
}

/** The same source, its cells without the report's neutralising apostrophes. */
function readAsReport(source: Source): Source {
  let started = false;
  async function* rows(): AsyncGenerator<SourceRow> {
    for await (const row of source.rows()) {
      yield { rowNumber: row.rowNumber, cells: row.cells.map(unneutralize) };
    }
  }
  return {
    kind: source.kind,
    headers: source.headers,
    headerRowNumber: source.headerRowNumber,
    // Getters: a CSV source learns its encoding as it reads.
    get delimiter() {
      return source.delimiter;
    },
    get encoding() {
      return source.encoding;
    },
    get sheetName() {
      return source.sheetName;
    },
    get estimatedRows() {
      return source.estimatedRows;
    },
    rows() {
      // i18n-exempt: only a bug in ctdial iterates a source twice
      if (started) throw new Error("rows() of a source can be iterated only once");
      started = true;
      return rows();
    },
    close: () => source.close(),
  };
}

async function openByKind(location: string, options: OpenSourceOptions): Promise<Source> {
  const kind = sourceKindOf(location);
  switch (kind) {
    case "csv":
      if (options.csvThread === true) {
        return openCsvThreaded(location, { encoding: options.encoding, delimiter: options.delimiter });
      }
      return openCsv(location, { encoding: options.encoding, delimiter: options.delimiter });
    case "xlsx":
      // Loaded on demand: exceljs costs half a second of start-up that CSV campaigns never need.
      return (await import("./xlsx/open-xlsx.js")).openXlsx(location, { sheet: options.sheet });
    case "sheets": {
      // Loaded on demand, as exceljs is: the Google client is large and only sheets need it.
      const [{ openSheets }, { sharedSheetsApi }] = await Promise.all([
        import("./sheets/open-sheets.js"),
        import("../google-sheets/shared-api.js"),
      ]);
      return openSheets(location, { sheet: options.sheet, api: await sharedSheetsApi(process.env) });
    }
  }
}
