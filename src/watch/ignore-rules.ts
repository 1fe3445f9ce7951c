import { extname } from "node:path";

/**
 * What the campaigns folder does with each name it finds. Only tables are run; everything else is
 * passed over, and the log says why once per file. `own` marks what the service (or a run) writes
 * itself, which nobody expects to be picked up: those are passed over without a word.
 */
export type Classification =
  | { readonly kind: "source" }
  | { readonly kind: "ignored"; readonly reason: string; readonly own: boolean };

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
    if (name === DONE_DIR || name === FAILED_DIR) return ignored("the service's own folder", true);
    return ignored("a folder: only files directly in the campaigns folder are run", false);
  }
  if (name.startsWith(".~lock.")) return ignored("a LibreOffice lock file (the table is open there)", false);
  if (name.startsWith("~$")) return ignored("an Excel lock file (the table is open in Excel)", false);
  // Our own temporary files (reports and STATUS.txt being written) are hidden or end in .tmp.
  if (/\.report\.(csv|xlsx)\.tmp$/i.test(name)) return ignored("a report being written", true);
  if (name === `.${STATUS_FILE}.tmp`) return ignored("the service's status file being written", true);
  if (name.startsWith(".")) return ignored("a hidden file", false);
  if (TEMPORARY.test(name)) return ignored("a temporary file (still being copied or edited)", false);
  if (name.toLowerCase() === STATUS_FILE.toLowerCase()) return ignored("the service's status file", true);
  if (name.toLowerCase().endsWith(ERROR_NOTE_SUFFIX)) return ignored("an error note", true);
  if (REPORT_FILE.test(name)) return ignored("a ctdial report", true);
  if (CAMPAIGN_FILE.test(name)) return ignored("a campaign file (used for the tables it belongs to)", true);
  const extension = extname(name).toLowerCase();
  if ((SOURCE_EXTENSIONS as readonly string[]).includes(extension)) return SOURCE;
  if (extension === ".xls") {
    return ignored("an old-format .xls workbook: open it in Excel and save it as .xlsx to dial it", false);
  }
  return ignored(`not a table ctdial reads (${SOURCE_EXTENSIONS.join(", ")})`, false);
}

function ignored(reason: string, own: boolean): Classification {
  return { kind: "ignored", reason, own };
}
