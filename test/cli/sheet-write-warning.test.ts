import { afterEach, describe, expect, it } from "vitest";
import { setLang } from "../../src/cli/lang.js";
import { sheetWriteWarningText } from "../../src/cli/sheet-write-warning.js";
import { said } from "../../src/i18n/catalog.js";

afterEach(() => setLang("en"));

describe("the sheet write-back's warnings in words", () => {
  it("agree with their count", () => {
    expect(sheetWriteWarningText({ kind: "rows-not-placed", count: 1 })).toBe(
      "1 result not written into the sheet: its row was changed or removed while the run went on; the next run writes it.",
    );
    expect(sheetWriteWarningText({ kind: "rows-not-placed", count: 3 })).toBe(
      "3 results not written into the sheet: their rows were changed or removed while the run went on; the next run writes them.",
    );
    expect(
      sheetWriteWarningText({
        kind: "write-deferred",
        reason: said("googleErrorMessage", { message: "socket hang up" }),
        retryInSeconds: 15,
      }),
    ).toBe("results not written into the sheet yet (socket hang up); trying again in 15 s.");
  });

  it("in Russian, counted as Russian counts (1, 2, 5, 11, 21, 101)", () => {
    setLang("ru");
    const text = (count: number) => sheetWriteWarningText({ kind: "rows-not-placed", count });
    expect(text(1)).toBe(
      "1 результат не записан в таблицу: его строку изменили или удалили, пока шла отправка. Следующий запуск запишет его.",
    );
    expect(text(2)).toBe(
      "2 результата не записаны в таблицу: их строки изменили или удалили, пока шла отправка. Следующий запуск запишет их.",
    );
    expect(text(5)).toMatch(/^5 результатов не записано в таблицу: их строки/);
    expect(text(11)).toMatch(/^11 результатов не записано/);
    expect(text(21)).toMatch(/^21 результат не записан в таблицу: их строки/);
    expect(text(101)).toMatch(/^101 результат не записан/);
  });

  it("a deferred write names its reason in Russian, a refusal of Google's in the user's language", () => {
    setLang("ru");
    expect(
      sheetWriteWarningText({
        kind: "write-deferred",
        reason: said("E_SHEETS_UNREACHABLE", { reason: "socket hang up" }),
        retryInSeconds: 15,
      }),
    ).toBe(
      "Результаты пока не записаны в таблицу; новая попытка через 15 с. Причина: Не удалось связаться с Google Sheets (socket hang up). Проверьте подключение к интернету (и GOOGLE_SHEETS_API_URL, если вы его задавали) и запустите команду ещё раз.",
    );
  });
});
