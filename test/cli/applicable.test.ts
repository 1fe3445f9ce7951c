import { describe, expect, it } from "vitest";
import {
  refuseInapplicableSourceOptions,
  refuseIncludeUnknownOnRun,
  sendingOptionWarnings,
} from "../../src/cli/applicable.js";
import { ConfigError } from "../../src/errors.js";

describe("options that do not apply", () => {
  it("--sheet on a CSV file is refused (exit 2)", () => {
    const refused = new ConfigError(
      { code: "E_SHEET_ON_CSV", params: { sheet: "Лист1", file: "clients.csv" } },
      { code: "E_CONFIG" },
    );
    expect(refused.message).toBe(
      "--sheet Лист1 names a tab of an XLSX file, but clients.csv is a CSV file, which has none; remove --sheet, or name the .xlsx file.",
    );
    expect(() => refuseInapplicableSourceOptions("/calls/clients.csv", { sheet: "Лист1" })).toThrow(refused);
  });

  it("--encoding and --delimiter on an XLSX file are refused, naming the ones given", () => {
    expect(() => refuseInapplicableSourceOptions("/calls/clients.xlsx", { encoding: "cp1251" })).toThrow(
      "--encoding applies to CSV files, but clients.xlsx is an XLSX file, which has neither; remove --encoding, or name the .csv file.",
    );
    expect(() =>
      refuseInapplicableSourceOptions("/calls/clients.xlsx", { encoding: "utf-8", delimiter: ";" }),
    ).toThrow(/^--encoding and --delimiter apply to CSV files, but clients\.xlsx/);
  });

  it("options that fit the file pass", () => {
    expect(() =>
      refuseInapplicableSourceOptions("/c/a.csv", { encoding: "utf-8", delimiter: ";" }),
    ).not.toThrow();
    expect(() => refuseInapplicableSourceOptions("/c/a.xlsx", { sheet: "Лист1" })).not.toThrow();
  });

  it("--rate and --no-wait on a command that sends nothing are warned about", () => {
    expect(sendingOptionWarnings("validate", { rate: 2 })).toEqual([
      "--rate has no effect on validate, which sends nothing; it was only checked.",
    ]);
    expect(sendingOptionWarnings("run --dry-run", { wait: false })).toEqual([
      "--no-wait has no effect on run --dry-run, which sends nothing and never waits for the call window.",
    ]);
    expect(sendingOptionWarnings("run --dry-run", { logLevelGiven: true })).toEqual([
      "--log-level has no effect on run --dry-run, which logs nothing; problems are in the summary and the report.",
    ]);
    expect(sendingOptionWarnings("validate", { wait: true, logLevelGiven: false })).toEqual([]);
  });

  it("--include-unknown on run says it belongs to retry", () => {
    expect(() => refuseIncludeUnknownOnRun()).toThrow(/^--include-unknown belongs to ctdial retry: /);
  });
});
