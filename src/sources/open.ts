import { extname } from "node:path";
import { InputError } from "../errors.js";
import { openCsv } from "./csv.js";
import { openCsvThreaded } from "./csv-threaded.js";
import { looksLikeSheet } from "./sheets-url.js";
import type { Source } from "./types.js";

export interface OpenSourceOptions {
  /** CSV: force an encoding instead of detecting it. */
  encoding?: string;
  /** CSV: force a delimiter instead of detecting it. */
  delimiter?: string;
  /** XLSX / Sheets: the tab to read. */
  sheet?: string;
}

const CSV_IN_WORKER = import.meta.url.endsWith(".js");
const CSV_EXTENSIONS = new Set([".csv", ".tsv", ".txt"]);

export type SourceKind = "csv" | "xlsx" | "sheets";

/** Which adapter reads this source, decided by its name alone (no I/O). */
export function sourceKindOf(location: string): SourceKind {
  const ext = extname(location).toLowerCase();
  // A link, or a bare spreadsheet id (it has no extension; a file name does).
  if (looksLikeSheet(location) && (ext === "" || /^https?:/i.test(location))) return "sheets";
  if (CSV_EXTENSIONS.has(ext)) return "csv";
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".xls") {
    throw new InputError(
      `${location} is an old Excel .xls file; open it in Excel or LibreOffice and save it as .xlsx or .csv.`,
    );
  }
  throw new InputError(
    `${location}: ctdial reads .csv, .tsv, .txt and .xlsx files or a Google Sheets link; rename the file or export it to one of these.`,
  );
}

export async function openSource(location: string, options: OpenSourceOptions = {}): Promise<Source> {
  const kind = sourceKindOf(location);
  switch (kind) {
    case "csv":
      // On the second core when running as built JavaScript (a worker cannot load the .ts sources
      // under the test runner); CTDIAL_CSV_THREAD=0 reads in the main thread.
      if (CSV_IN_WORKER && process.env.CTDIAL_CSV_THREAD !== "0") {
        return openCsvThreaded(location, { encoding: options.encoding, delimiter: options.delimiter });
      }
      return openCsv(location, { encoding: options.encoding, delimiter: options.delimiter });
    case "xlsx":
      // Loaded on demand: exceljs costs half a second of start-up that CSV campaigns never need.
      return (await import("./xlsx.js")).openXlsx(location, { sheet: options.sheet });
    case "sheets": {
      // Loaded on demand, as exceljs is: the Google client is large and only sheets need it.
      const [{ openSheets }, { sharedSheetsApi }] = await Promise.all([
        import("./sheets.js"),
        import("./sheets-target.js"),
      ]);
      return openSheets(location, { sheet: options.sheet, api: await sharedSheetsApi(process.env) });
    }
  }
}
