import { afterEach, describe, expect, it } from "vitest";
import { setLang } from "../../src/cli/lang.js";
import { cycleErrorText } from "../../src/cli/watch-sheet.js";
import { ConfigError } from "../../src/errors.js";

afterEach(() => setLang("en"));

describe("watch <sheet>: a later look that failed, in words", () => {
  const unshared = new ConfigError({
    code: "E_SHEETS_FORBIDDEN",
    params: { spreadsheetId: "s1", email: "bot@p.iam.gserviceaccount.com", account: "service-account" },
  });

  it("in English as before: the error's sentence, then that the watch goes on", () => {
    expect(cycleErrorText(unshared, 15_000)).toBe(
      "The service account bot@p.iam.gserviceaccount.com has no access to spreadsheet s1; share the sheet with bot@p.iam.gserviceaccount.com as an editor (the Share button in Google Sheets) and run again. (the watch goes on; next look in 15 s)",
    );
  });

  it("in Russian", () => {
    setLang("ru");
    expect(cycleErrorText(unshared, 1_500)).toBe(
      "У сервисного аккаунта bot@p.iam.gserviceaccount.com нет доступа к таблице s1. Откройте таблицу в Google Sheets, нажмите «Настройки доступа» (в старом интерфейсе «Открыть доступ»), вставьте адрес bot@p.iam.gserviceaccount.com, выберите роль «Редактор» и нажмите «Отправить», затем запустите команду ещё раз. (наблюдение продолжается; следующая проверка через 1,5 с)",
    );
  });
});
