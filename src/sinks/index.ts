export { outcomeCells, type ReportValue } from "./columns.js";
export { type ReportLayout, reportLayout } from "./layout.js";
export { neutralizeFormula } from "./neutralize.js";
export { defaultReportPath, openReport } from "./open-report.js";
export { type CsvReportOptions, cellText, openCsvReport } from "./report-csv.js";
export { openXlsxReport, sheetTitle, type XlsxReportOptions } from "./report-xlsx.js";
export type { ReportWriter } from "./types.js";
