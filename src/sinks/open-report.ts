import { basename, dirname, extname, join } from "node:path";
import type { Lang } from "../i18n/lang.js";
import type { SourceInfo } from "../sources/types.js";
import { openCsvReport } from "./report-csv.js";
import type { ReportWriter } from "./types.js";

/**
 * Delimiter of a CSV report made from a source that has none (an XLSX source with `--report x.csv`):
 * ctdial's users open reports in Excel with a Russian locale, whose list separator is `;`.
 */
const DEFAULT_DELIMITER = ";";

/** `<folder>/<name>.report.csv` for CSV sources, `.report.xlsx` for XLSX ones (docs/contract.md "Report"). */
export function defaultReportPath(sourcePath: string, kind: "csv" | "xlsx"): string {
  const name = basename(sourcePath, extname(sourcePath));
  return join(dirname(sourcePath), `${name}.report.${kind}`);
}

/**
 * Opens the report writer the path's extension asks for: `.xlsx` is XLSX, anything else CSV.
 * `lang`: the language `ctdial_error` is worded in.
 */
export async function openReport(path: string, source: SourceInfo, lang: Lang = "en"): Promise<ReportWriter> {
  if (extname(path).toLowerCase() === ".xlsx") {
    // Loaded on demand: exceljs costs half a second of start-up that CSV campaigns never need.
    const { openXlsxReport } = await import("./report-xlsx.js");
    return openXlsxReport(path, source.headers, { sheetName: source.sheetName, lang });
  }
  return openCsvReport(path, source.headers, { delimiter: source.delimiter ?? DEFAULT_DELIMITER, lang });
}
