import { join, resolve } from "node:path";
import { InvalidArgumentError, Option } from "commander";
import { errorSentence, isCtdialError } from "../errors.js";
import { defaultStateDir } from "../journal/state-dir.js";
import { parseDelimiterOption } from "../sources/csv/delimiter.js";
import { currentLang, t } from "./lang.js";

/** Parses --rate: a number with 0 < N <= 5 (Calltouch's per-IP limit). */
export function parseRate(value: string): number {
  const rate = Number(value.replace(",", "."));
  if (!Number.isFinite(rate) || rate <= 0 || rate > 5) {
    throw new InvalidArgumentError(t().helpExpectedRate({ value }));
  }
  return rate;
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(t().helpExpectedPort({ value }));
  }
  return port;
}

/** A share of requests, from 0 to 1 (the sandbox's fault knobs). */
export function parseShare(value: string): number {
  const share = Number(value);
  if (value.trim() === "" || !Number.isFinite(share) || share < 0 || share > 1) {
    throw new InvalidArgumentError(t().helpExpectedShare({ value }));
  }
  return share;
}

/** Seconds, at least 1 (`--interval 15`, `--interval 2,5`). */
export function parseSeconds(value: string): number {
  const seconds = Number(value.replace(",", "."));
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds < 1) {
    throw new InvalidArgumentError(t().helpExpectedSeconds({ value }));
  }
  return seconds;
}

/** A whole number from 0 up (counts, milliseconds, seeds). */
export function parseCount(value: string): number {
  const count = Number(value);
  if (value.trim() === "" || !Number.isInteger(count) || count < 0) {
    throw new InvalidArgumentError(t().helpExpectedCount({ value }));
  }
  return count;
}

/** What a command's <source> may be (the help of run, retry, validate, status; watch's own differs). */
export const SOURCE_KINDS = ".csv/.tsv/.txt/.xlsx";

/** Options every campaign command takes (docs/contract.md "Common options"), worded in the process's language. */
export function campaignOptions(): Option[] {
  const words = t();
  return [
    new Option("--campaign <file>", words.helpOptionCampaign()),
    new Option("--route-key <key>", words.helpOptionRouteKey()),
    new Option("--sheet <name>", words.helpOptionSheet()),
    new Option("--report <file>", words.helpOptionReport()),
    new Option("--encoding <name>", words.helpOptionEncoding({ examples: "utf-8, windows-1251, utf-16le" })),
    new Option("--delimiter <char>", words.helpOptionDelimiter({ examples: ", ; tab |" })).argParser(
      parseDelimiter,
    ),
    new Option(
      "--state-dir <dir>",
      words.helpOptionStateDir({ env: "$CTDIAL_STATE_DIR", path: "~/.local/state/ctdial" }),
    ),
    new Option("--json", words.helpOptionJson()),
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
    const reason = isCtdialError(error)
      ? errorSentence(currentLang(), error)
      : error instanceof Error
        ? error.message
        : String(error);
    throw new InvalidArgumentError(reason);
  }
}

/**
 * CSV files are parsed on a second core by the CLI (the worker thread of sources/csv/threaded.ts);
 * `CTDIAL_CSV_THREAD=0` reads them in the main thread, e.g. to compare or to debug.
 */
export function csvThreadOf(env: NodeJS.ProcessEnv): boolean {
  return env.CTDIAL_CSV_THREAD !== "0";
}
