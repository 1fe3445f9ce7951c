import { describe, expect, it } from "vitest";
import { currentLang, langOfProcess, langOption, setLang } from "../../src/cli/lang.js";
import { detectLang, langOfLocale } from "../../src/i18n/lang.js";

/**
 * Which language ctdial speaks, in the order a person expects: --lang, then CTDIAL_LANG, then the
 * POSIX locale (LC_ALL over LC_MESSAGES over LANG), then the system's locale.
 */
describe("detectLang", () => {
  const ru = "ru_RU.UTF-8";
  it.each([
    ["--lang beats everything", { option: "en", env: { CTDIAL_LANG: "ru", LC_ALL: ru, LANG: ru } }, "en"],
    ["--lang ru beats an English environment", { option: "ru", env: { CTDIAL_LANG: "en", LANG: "C" } }, "ru"],
    ["CTDIAL_LANG beats the locale", { env: { CTDIAL_LANG: "en", LC_ALL: ru, LANG: ru } }, "en"],
    ["CTDIAL_LANG=ru beats LANG=C", { env: { CTDIAL_LANG: "ru", LANG: "C" } }, "ru"],
    ["LC_ALL beats LC_MESSAGES and LANG", { env: { LC_ALL: "C", LC_MESSAGES: ru, LANG: ru } }, "en"],
    ["LC_MESSAGES beats LANG", { env: { LC_MESSAGES: ru, LANG: "C" } }, "ru"],
    ["LANG=ru_RU.UTF-8", { env: { LANG: ru } }, "ru"],
    ["LANG=C", { env: { LANG: "C" }, systemLocale: "ru-RU" }, "en"],
    ["an empty variable is no choice", { env: { CTDIAL_LANG: "", LC_ALL: " ", LANG: ru } }, "ru"],
    ["nothing set: the system's locale", { env: {}, systemLocale: "ru-RU" }, "ru"],
    ["nothing at all: English", { env: {} }, "en"],
    ["a wrong --lang is no choice (the parser refuses it)", { option: "de", env: { LANG: ru } }, "ru"],
  ] as const)("%s", (_name, inputs, lang) => {
    expect(detectLang(inputs)).toBe(lang);
  });

  it.each([
    ["ru", "ru"],
    ["ru_RU.UTF-8", "ru"],
    ["ru-RU", "ru"],
    ["RU_ru", "ru"],
    ["C", "en"],
    ["POSIX", "en"],
    ["en_US.UTF-8", "en"],
    ["de_DE", "en"],
    ["rus", "en"],
  ])("the locale %s speaks %s", (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });
});

describe("langOfProcess", () => {
  it("reads --lang X and --lang=X anywhere before a lone --", () => {
    expect(langOption(["run", "x.csv", "--lang", "ru"])).toBe("ru");
    expect(langOption(["--lang=en", "run", "x.csv"])).toBe("en");
    expect(langOption(["run", "--", "--lang", "ru"])).toBeUndefined();
    expect(langOfProcess(["run", "x.csv", "--lang", "ru"], { CTDIAL_LANG: "en", LANG: "C" })).toBe("ru");
    expect(langOfProcess(["--lang=en"], { CTDIAL_LANG: "ru" })).toBe("en");
    expect(langOfProcess(["run", "x.csv"], { CTDIAL_LANG: "ru", LANG: "C" })).toBe("ru");
    expect(langOfProcess(["run", "x.csv"], { LANG: "ru_RU.UTF-8" })).toBe("ru");
    expect(langOfProcess(["run", "x.csv"], { LC_ALL: "C", LANG: "ru_RU.UTF-8" })).toBe("en");
  });

  it("sets the process's language once, for t() and tell()", () => {
    try {
      setLang("ru");
      expect(currentLang()).toBe("ru");
    } finally {
      setLang("en");
    }
  });
});
