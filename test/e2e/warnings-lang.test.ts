import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, workdir } from "./cli.js";

/**
 * Warnings told before anything is sent (an exclude list with lines that are not phones, a column
 * sent as a plain field that looks like dates) are worded in the user's language, the wrong line's
 * own problem included.
 */
describe("warnings in the user's language", () => {
  function folder(): string {
    const dir = workdir();
    writeFileSync(join(dir, "clients.csv"), "Телефон;Дата визита\r\n+7 999 555 00 01;01.02.2026\r\n");
    writeFileSync(join(dir, "стоп.csv"), "+7 999 555 00 09\r\n12345\r\n");
    writeFileSync(join(dir, "clients.campaign.yaml"), "routeKey: rk_1\nexclude: стоп.csv\n");
    return dir;
  }

  it("Russian with CTDIAL_LANG=ru", async () => {
    const dir = folder();
    const result = await runCli(["validate", "clients.csv"], { cwd: dir, env: { CTDIAL_LANG: "ru" } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/стоп\.csv: 1 строка — не телефон \(строка 2, "12345": /);
    expect(result.stderr).toContain("Дата визита");
    expect(result.stderr).not.toMatch(/is not a phone|digits|looks like|warning:/);
  });

  it("English as before with CTDIAL_LANG=en", async () => {
    const dir = folder();
    const result = await runCli(["validate", "clients.csv"], { cwd: dir, env: { CTDIAL_LANG: "en" } });
    expect(result.stderr).toContain(
      'warning: стоп.csv: 1 line is not a phone (line 2, "12345": expected 11 digits starting with 7 or 8, or 10 digits; got 5)',
    );
  });
});
