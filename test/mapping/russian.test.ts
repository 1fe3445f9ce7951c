import { describe, expect, it } from "vitest";
import { say } from "../../src/i18n/catalog.js";
import { normalizePhone } from "../../src/mapping/phone.js";
import { parseScheduleTime } from "../../src/mapping/schedule.js";
import { collectTags } from "../../src/mapping/tags.js";
import type { Cell } from "../../src/sources/types.js";

function phoneRu(cell: Cell): string {
  const result = normalizePhone(cell);
  if (result.ok) throw new Error(`accepted ${String(cell)}`);
  return say("ru", result.problem);
}

describe("a row's problems in Russian", () => {
  it.each<[Cell, string]>([
    ["", "телефон не заполнен"],
    ["8 800 555-35-35", "на номера 8-800 звонить нельзя"],
    ["8 803 555-35-35", "на номера 8-803 звонить нельзя"],
    [
      "+375 29 123-45-67",
      "звонить можно только на российские номера, а этот, похоже, из другой страны: Беларусь",
    ],
    [
      "+7 701 123-45-67",
      "звонить можно только на российские номера, а этот, похоже, из другой страны: Казахстан",
    ],
    ["8 999 123-45-67 доб. 12", "на добавочный номер позвонить нельзя; запишите номер без добавочного"],
    [
      "7,99922E+10",
      "номер записан в экспоненциальном виде и потерял цифры; сделайте у колонки текстовый формат в Excel и выгрузите файл заново",
    ],
    ["позвонить вечером", "здесь должен быть номер телефона, а написано «позвонить вечером»"],
    [true, "здесь должен быть номер телефона, а стоит ИСТИНА"],
    [12.5, "здесь должен быть номер телефона, а стоит дробное число 12,5"],
    ["79991234501, 79991234502", "в ячейке 2 номера телефона; оставьте по одному номеру в строке"],
  ])("%j: %s", (cell, expected) => {
    expect(phoneRu(cell)).toBe(expected);
  });

  it("counts digits in Russian plural forms (1, 2, 5, 11, 21, 101)", () => {
    const forms: Record<number, string> = {
      1: "1 цифра",
      2: "2 цифры",
      5: "5 цифр",
      11: "11 цифр",
      21: "21 цифра",
      101: "101 цифра",
    };
    for (const [count, words] of Object.entries(forms)) {
      const text = say("ru", { code: "rowsPhoneDigitCount", params: { count: Number(count) } });
      expect(text).toBe(`нужно 11 цифр, начиная с 7 или 8, или 10 цифр; здесь ${words}`);
    }
    expect(phoneRu("12345")).toMatch(/здесь 5 цифр$/);
    expect(say("ru", { code: "rowsTooLong", params: { what: "value", length: 321, max: 255 } })).toBe(
      "значение длиной 321 символ, а Calltouch принимает не больше 255",
    );
  });

  it("says what is wrong with a schedule time and a tag list", () => {
    const moscow = { timezone: "Europe/Moscow", calltouchTimezone: "Europe/Moscow" };
    const noTime = parseScheduleTime("01.02.2026", moscow);
    expect(!noTime.ok && say("ru", noTime.problem)).toBe(
      "в «01.02.2026» нет времени; напишите, например, 01.02.2026 10:00",
    );
    const tags = collectTags(Array.from({ length: 9 }, (_, i) => `t${i}`).join(","), ["a", "b", "c"]);
    expect(!tags.ok && say("ru", tags.problem)).toBe(
      "12 тегов (9 в ячейке и 3 из defaults.tags), а Calltouch принимает не больше 10",
    );
  });
});
