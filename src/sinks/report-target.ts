/**
 * Where a report may be written: never over a file that is not a ctdial report. `--report clients.csv`
 * (a typo for clients.report.csv) would otherwise replace the client base with a report, and
 * `--report clients.campaign.yaml` the campaign. Checked when the report path is decided, before
 * anything is read or sent.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { ConfigError } from "../errors.js";
import type { ReportTargetKind } from "../i18n/catalog/sources.en.js";
import { isCtdialReport } from "../report-columns.js";

export interface ReportTargetContext {
  /** The data file (absolute), or a URL for sources that are not files. */
  readonly source: string;
  /** The campaign file in use, if any. */
  readonly campaignPath?: string | undefined;
  /** The exclude lists, as absolute paths. */
  readonly excludeFiles?: readonly string[];
  /** The report path ctdial would choose itself, to suggest. */
  readonly defaultPath: string;
}

const CONFIG_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/** Throws a ConfigError when `reportPath` is a file the report must not replace. */
export async function assertReportTarget(reportPath: string, context: ReportTargetContext): Promise<void> {
  const target = canonical(reportPath);
  const defaultName = basename(context.defaultPath);
  const refuse = (kind: ReportTargetKind, ext?: string): never => {
    throw new ConfigError({
      code: "E_REPORT_TARGET",
      params: { file: reportPath, kind, defaultName, ...(ext === undefined ? {} : { ext }) },
    });
  };
  if (target === canonical(context.source)) refuse("source");
  if (context.campaignPath !== undefined && target === canonical(context.campaignPath)) {
    refuse("campaign");
  }
  if (context.excludeFiles?.some((file) => canonical(file) === target)) refuse("exclude");
  if (CONFIG_EXTENSIONS.has(extname(reportPath).toLowerCase()))
    refuse("config", extname(reportPath).slice(1));
  if (!existsSync(reportPath) || !statSync(reportPath).isFile()) return;
  if (!(await readsAsReport(reportPath))) refuse("not-report");
}

/** The same file by any path: symlinks and `..` resolved where the file exists. */
function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/** Whether an existing file is a table whose header row has ctdial_status; anything unreadable is not. */
async function readsAsReport(path: string): Promise<boolean> {
  try {
    const ext = extname(path).toLowerCase();
    const source =
      ext === ".xlsx"
        ? await (await import("../sources/xlsx/open-xlsx.js")).openXlsx(path)
        : await (await import("../sources/csv/open-csv.js")).openCsv(path, { allowHeaderOnly: true });
    try {
      return isCtdialReport(source.headers);
    } finally {
      await source.close();
    }
  } catch {
    return false;
  }
}
