import { basename } from "node:path";
import { ConfigError } from "../errors.js";
import { sourceKindOf } from "../sources/open.js";
import { t } from "./lang.js";

/**
 * Options that do not apply to this file or this command are refused or warned about, never silently
 * ignored. Refused (exit 2) when the option can only be a mistake, such as a tab name for a CSV file,
 * which suggests the wrong file was named; warned about when it is harmless, such as --rate on a
 * command that sends nothing.
 */
export interface SourceFlags {
  readonly sheet?: string;
  readonly encoding?: string;
  readonly delimiter?: string;
}

/** --sheet is for XLSX files; --encoding and --delimiter are for CSV files. */
export function refuseInapplicableSourceOptions(source: string, flags: SourceFlags): void {
  const kind = sourceKindOf(source);
  const file = basename(source);
  if (kind === "csv" && flags.sheet !== undefined) {
    throw new ConfigError(
      { code: "E_SHEET_ON_CSV", params: { sheet: flags.sheet, file } },
      { code: "E_CONFIG" },
    );
  }
  if (kind === "xlsx") {
    const csvOnly = [
      flags.encoding !== undefined ? "--encoding" : undefined,
      flags.delimiter !== undefined ? "--delimiter" : undefined,
    ].filter((name) => name !== undefined);
    if (csvOnly.length > 0) {
      throw new ConfigError(
        { code: "E_CSV_OPTIONS_ON_XLSX", params: { options: csvOnly, file } },
        { code: "E_CONFIG" },
      );
    }
  }
}

export interface NothingSentFlags {
  readonly rate?: number;
  readonly wait?: boolean;
  /** True when --log-level was typed (it has a default, so its value alone cannot tell). */
  readonly logLevelGiven?: boolean;
}

/** Warnings for sending options given to a command that sends nothing (validate, run --dry-run). */
export function sendingOptionWarnings(command: string, flags: NothingSentFlags): string[] {
  const warnings: string[] = [];
  if (flags.rate !== undefined) warnings.push(t().runWarnRate({ command }));
  if (flags.wait === false) warnings.push(t().runWarnNoWait({ command }));
  if (flags.logLevelGiven) warnings.push(t().runWarnLogLevel({ command }));
  return warnings;
}

/** `ctdial run --include-unknown`: the option is retry's, and run never resends rows whose answer was lost. */
export function refuseIncludeUnknownOnRun(): never {
  throw new ConfigError({ code: "E_INCLUDE_UNKNOWN_ON_RUN", params: {} }, { code: "E_CONFIG" });
}
