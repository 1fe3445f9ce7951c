import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { proposeCampaign } from "../../src/campaign/init.js";
import { loadCampaignFile, ORIGIN, parseCampaign } from "../../src/campaign/load.js";
import { parseCampaignText } from "../../src/campaign/parse-text.js";
import { ConfigError, errorSentence } from "../../src/errors.js";
import { excludeWarningSaids } from "../../src/hygiene/exclude-warnings.js";
import { say } from "../../src/i18n/catalog.js";
import { tempDir } from "../tidy.js";

/** The ConfigError a promise rejects with. */
async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe("a campaign file's problems in Russian", () => {
  it("two mistakes: both are said in Russian, each at its key; English and the code stay as they were", async () => {
    const dir = tempDir("ctdial-campaign-ru-");
    const path = join(dir, "клиенты.campaign.yaml");
    writeFileSync(path, 'routeKey: rk_1\ncallWindow:\n  to: "9 вечера"\nrate: быстро\n');
    const error = await configErrorOf(loadCampaignFile(path));
    expect(error.code).toBe("E_CONFIG");
    const file = error.message.split(" ")[0]!;
    expect(errorSentence("ru", error)).toBe(
      [
        `${file}: найдено 2 ошибки:`,
        "callWindow.to: нужно время вида 09:00, а указано «9 вечера»",
        "rate: нужно указать число, а указано «быстро»",
      ].join("\n  "),
    );
    expect(errorSentence("en", error)).toBe(error.message);
    expect(error.problems).toEqual([
      'callWindow.to: expected a time such as "09:00", got "9 вечера"',
      'rate: expected a number, got "быстро"',
    ]);
    expect(error.found.map((problem) => problem.path)).toEqual(["callWindow.to", "rate"]);
  });

  it("counts problems in Russian: 1 ошибка, 2 ошибки, 5 ошибок, 21 ошибка", async () => {
    const counted = (count: number) =>
      say("ru", { code: "E_CAMPAIGN_INVALID", params: { origin: "к.yaml", count } });
    expect(counted(1)).toBe("к.yaml: найдена 1 ошибка:");
    expect(counted(2)).toBe("к.yaml: найдено 2 ошибки:");
    expect(counted(5)).toBe("к.yaml: найдено 5 ошибок:");
    expect(counted(11)).toBe("к.yaml: найдено 11 ошибок:");
    expect(counted(21)).toBe("к.yaml: найдено 21 ошибка:");
    expect(counted(101)).toBe("к.yaml: найдено 101 ошибка:");
  });

  it("says where YAML is broken, in Russian", () => {
    let error: unknown;
    try {
      parseCampaignText("routeKey: abc\nmapping:\n  phone: Телефон\n   fields: x\n", "yaml", "к.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(errorSentence("ru", error as ConfigError)).toBe(
      "к.yaml:4:1: отступ этой строки не совпадает со строками выше; ключи внутри mapping: сдвигайте на одинаковое число пробелов (без табуляции).",
    );
  });
});

describe("ctdial init's file in Russian", () => {
  it("writes Russian comments, and the file still loads as the English one does", async () => {
    const headers = ["Имя", "Мобильный", "Дата визита", "Метки"];
    const ru = proposeCampaign(headers, "клиенты.csv", { schemaRef: "s.json", lang: "ru" });
    const en = proposeCampaign(headers, "клиенты.csv", { schemaRef: "s.json" });
    expect(ru.yaml).toContain(
      "# Кампания ctdial для клиенты.csv: её предложил ctdial init по заголовкам столбцов.",
    );
    expect(ru.yaml).toContain(
      "# exclude: [dnc.csv]                 # файлы с телефонами, по которым не звонить\n",
    );
    expect(ru.yaml).not.toContain("Optional rules");
    expect(ru.summary).toEqual([
      "Распознаны: Мобильный -> phone, Метки -> tags",
      "Пойдут как поля: Имя, Дата визита",
    ]);
    expect(ru.warnings[0]).toMatch(/^столбец Дата визита похож на даты или время/);
    expect(en.summary[0]).toBe("Recognised: Мобильный -> phone, Метки -> tags");

    const dir = tempDir("ctdial-init-ru-");
    const load = async (yaml: string, name: string) => {
      writeFileSync(join(dir, name), yaml);
      return (await loadCampaignFile(join(dir, name))).campaign;
    };
    expect(await load(ru.yaml, "ru.campaign.yaml")).toEqual(await load(en.yaml, "en.campaign.yaml"));
  });
});

describe("exclude files in Russian", () => {
  it("counts the lines that are not phones: 1 строка, 2 строки, 5 строк, 11 строк, 21 строка, 101 строка", () => {
    const warned = (invalidCount: number) =>
      say(
        "ru",
        excludeWarningSaids({
          files: [
            {
              name: "стоп.csv",
              path: "/x/стоп.csv",
              label: "стоп.csv",
              unit: "line",
              phones: 3,
              invalidCount,
            },
          ],
          invalid: [],
        })[0]!,
      );
    expect(warned(1)).toBe("стоп.csv: 1 строка — не телефон");
    expect(warned(2)).toBe("стоп.csv: 2 строки — не телефоны");
    expect(warned(5)).toBe("стоп.csv: 5 строк — не телефоны");
    expect(warned(11)).toBe("стоп.csv: 11 строк — не телефоны");
    expect(warned(21)).toBe("стоп.csv: 21 строка — не телефон");
    expect(warned(101)).toBe("стоп.csv: 101 строка — не телефон");
  });
});

describe("a campaign that is not a file", () => {
  it("is named as the command line in either language", () => {
    let error: unknown;
    try {
      parseCampaign({ rate: 9 }, ORIGIN.commandLine);
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).message).toBe(
      "the command line has 1 problem:\n  rate: Calltouch allows at most 5 requests per second, got 9",
    );
    expect(errorSentence("ru", error as ConfigError)).toBe(
      "Параметры командной строки: найдена 1 ошибка:\n  rate: Calltouch принимает не больше 5 запросов в секунду, а указано 9",
    );
  });
});
