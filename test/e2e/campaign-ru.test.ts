import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { excelRuWorkdir, runCli } from "./cli.js";

/** The built CLI in Russian (test/global-setup.ts sets CTDIAL_LANG=en for everything else). */
const RU = { CTDIAL_LANG: "ru" };

describe("the campaign file in Russian (built CLI, CTDIAL_LANG=ru)", () => {
  it("ctdial init writes Russian comments, and validate then uses the file", async () => {
    const dir = excelRuWorkdir();
    const init = await runCli(["init", "clients-excel-ru.csv"], { cwd: dir, env: RU });
    expect(init.code).toBe(0);
    const yaml = readFileSync(join(dir, "clients-excel-ru.campaign.yaml"), "utf8");
    expect(yaml).toContain(
      "# Кампания ctdial для clients-excel-ru.csv: её предложил ctdial init по заголовкам столбцов.",
    );
    expect(yaml).toContain("# Необязательные правила: чтобы включить блок, уберите «# » в начале его строк.");
    expect(yaml).not.toContain("Optional rules");
    expect(yaml).toMatch(/phone: Телефон/);
    expect(init.stdout).toContain("Распознаны: ");

    const validated = await runCli(["validate", "clients-excel-ru.csv", "--route-key", "rk_1", "--json"], {
      cwd: dir,
      env: RU,
    });
    expect(JSON.parse(validated.stdout.trim().split("\n").at(-1) ?? "")).toMatchObject({
      total: 37,
      "would-send": 30,
    });
  });

  it("a campaign file with two mistakes: both are said in Russian, and --json keeps E_CONFIG", async () => {
    const dir = excelRuWorkdir();
    writeFileSync(
      join(dir, "clients-excel-ru.campaign.yaml"),
      'routeKey: rk_1\ncallWindow:\n  from: "09:00"\n  to: "9 вечера"\nrate: быстро\n',
    );
    const result = await runCli(["validate", "clients-excel-ru.csv", "--json"], { cwd: dir, env: RU });
    expect(result.code).toBe(2);
    const sentence = [
      "clients-excel-ru.campaign.yaml: найдено 2 ошибки:",
      "callWindow.to: нужно время вида 09:00, а указано «9 вечера»",
      "rate: нужно указать число, а указано «быстро»",
    ].join("\n  ");
    expect(result.stderr).toContain(sentence);
    expect(JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "")).toEqual({
      error: { code: "E_CONFIG", message: sentence },
    });
  });
});
