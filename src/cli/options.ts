import { join, resolve } from "node:path";
import { InvalidArgumentError, Option } from "commander";
import { defaultStateDir } from "../journal/state-dir.js";
import { parseDelimiterOption } from "../sources/csv/delimiter.js";

/** Parses --rate: a number with 0 < N <= 5 (Calltouch's per-IP limit). */
export function parseRate(value: string): number {
  const rate = Number(value.replace(",", "."));
  if (!Number.isFinite(rate) || rate <= 0 || rate > 5) {
    throw new InvalidArgumentError(
      `expected a number above 0 and at most 5 (Calltouch's limit), got "${value}".`,
    );
  }
  return rate;
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`expected a port number from 0 to 65535, got "${value}".`);
  }
  return port;
}

/** A share of requests, from 0 to 1 (the sandbox's fault knobs). */
export function parseShare(value: string): number {
  const share = Number(value);
  if (value.trim() === "" || !Number.isFinite(share) || share < 0 || share > 1) {
    throw new InvalidArgumentError(`expected a share from 0 to 1 such as 0.2, got "${value}".`);
  }
  return share;
}

/** Seconds, at least 1 (`--interval 15`, `--interval 2,5`). */
export function parseSeconds(value: string): number {
  const seconds = Number(value.replace(",", "."));
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds < 1) {
    throw new InvalidArgumentError(`expected seconds, at least 1, got "${value}".`);
  }
  return seconds;
}

/** A whole number from 0 up (counts, milliseconds, seeds). */
export function parseCount(value: string): number {
  const count = Number(value);
  if (value.trim() === "" || !Number.isInteger(count) || count < 0) {
    throw new InvalidArgumentError(`expected a whole number from 0 up, got "${value}".`);
  }
  return count;
}

/** Options every campaign command takes (docs/contract.md "Common options"). */
export function campaignOptions(): Option[] {
  return [
    new Option(
      "--campaign <file>",
      "campaign file (default: <name>.campaign.yaml or campaign.yaml beside the source)",
    ),
    new Option(
      "--route-key <key>",
      "Calltouch widget key for every row (overrides the campaign and CALLTOUCH_ROUTE_KEY)",
    ),
    new Option(
      "--sheet <name>",
      "XLSX or Google Sheets tab to read (default: the link's tab, else the first)",
    ),
    new Option(
      "--report <file>",
      "where to write the report (default: <name>.report.csv/.xlsx beside the source; a Google Sheet: into the sheet)",
    ),
    new Option(
      "--encoding <name>",
      "CSV encoding instead of detecting it (utf-8, windows-1251, utf-16le, ...)",
    ),
    new Option("--delimiter <char>", "CSV delimiter instead of detecting it (, ; tab |)").argParser(
      parseDelimiter,
    ),
    new Option(
      "--state-dir <dir>",
      "where journals are kept (default: $CTDIAL_STATE_DIR or ~/.local/state/ctdial)",
    ),
    new Option("--json", "print one JSON summary object as the last line of stdout"),
  ];
}

/** `--sandbox` runs keep their own journals: the sandbox accepts anything, and must never make rows look sent to a real run. */
export function sandboxAware(stateDir: string, sandbox: boolean): string {
  return sandbox ? join(stateDir, "sandbox") : stateDir;
}

/** The state directory: --state-dir > CTDIAL_STATE_DIR > the XDG state dir. */
export function stateDirOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const fromEnv = env.CTDIAL_STATE_DIR?.trim();
  return resolve(flag ?? (fromEnv ? fromEnv : defaultStateDir(env)));
}

/** --delimiter: the sources' own rule (one character, or `tab`), reported as a usage error. */
function parseDelimiter(value: string): string {
  try {
    return parseDelimiterOption(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * CSV files are parsed on a second core by the CLI (the worker thread of sources/csv/threaded.ts);
 * `CTDIAL_CSV_THREAD=0` reads them in the main thread, e.g. to compare or to debug.
 */
export function csvThreadOf(env: NodeJS.ProcessEnv): boolean {
  return env.CTDIAL_CSV_THREAD !== "0";
}
