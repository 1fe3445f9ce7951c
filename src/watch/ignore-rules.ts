import { extname } from "node:path";

/**
 * What the campaigns folder does with each name it finds. Only tables are run; everything else is
 * passed over, and the log says why once per file. `own` marks what the service (or a run) writes
 * itself, which nobody expects to be picked up: those are passed over without a word.
 */
export type Classification =
  | { readonly kind: "source" }
  | { readonly kind: "ignored"; readonly reason: IgnoreReason; readonly own: boolean };

/** Why a name is passed over (the CLI words it: cli/watch-words.ts). */
export type IgnoreReason =
  | "own-folder"
  | "subfolder"
  | "libreoffice-lock"
  | "excel-lock"
  | "report-being-written"
  | "status-being-written"
  | "hidden"
  | "temporary"
  | "status-file"
  | "error-note"
  | "report"
  | "campaign-file"
  | "old-xls"
  | "not-a-table"
  | "not-a-regular-file";

export const SOURCE_EXTENSIONS = [".csv", ".tsv", ".txt", ".xlsx"] as const;
export const DONE_DIR = "done";
export const FAILED_DIR = "failed";
export const STATUS_FILE = "STATUS.txt";
export const ERROR_NOTE_SUFFIX = ".error.txt";

const SOURCE = { kind: "source" } as const;
/** Names that copy tools, browsers and editors give a file while it is still being written. */
const TEMPORARY = /(~|\.(tmp|temp|part|partial|crdownload|download|swp|swx|bak|lock))$/i;
const CAMPAIGN_FILE = /(^|\.)campaign\.(ya?ml|json)$/i;
const REPORT_FILE = /\.report\.(csv|xlsx)$/i;

export function classify(name: string, isDirectory: boolean): Classification {
  if (isDirectory) {
    if (name === DONE_DIR || name === FAILED_DIR) return ignored("own-folder", true);
    return ignored("subfolder", false);
  }
  if (name.startsWith(".~lock.")) return ignored("libreoffice-lock", false);
  if (name.startsWith("~$")) return ignored("excel-lock", false);
  // Our own temporary files (reports and STATUS.txt being written) are hidden or end in .tmp.
  if (/\.report\.(csv|xlsx)\.tmp$/i.test(name)) return ignored("report-being-written", true);
  if (name === `.${STATUS_FILE}.tmp`) return ignored("status-being-written", true);
  if (name.startsWith(".")) return ignored("hidden", false);
  if (TEMPORARY.test(name)) return ignored("temporary", false);
  if (name.toLowerCase() === STATUS_FILE.toLowerCase()) return ignored("status-file", true);
  if (name.toLowerCase().endsWith(ERROR_NOTE_SUFFIX)) return ignored("error-note", true);
  if (REPORT_FILE.test(name)) return ignored("report", true);
  if (CAMPAIGN_FILE.test(name)) return ignored("campaign-file", true);
  const extension = extname(name).toLowerCase();
  if ((SOURCE_EXTENSIONS as readonly string[]).includes(extension)) return SOURCE;
  if (extension === ".xls") return ignored("old-xls", false);
  return ignored("not-a-table", false);
}

/** `clients.report.csv` -> `clients`: the stem of the table a report belongs to. */
export function reportStem(name: string): string {
  return name.replace(REPORT_FILE, "");
}

function ignored(reason: IgnoreReason, own: boolean): Classification {
  return { kind: "ignored", reason, own };
}
