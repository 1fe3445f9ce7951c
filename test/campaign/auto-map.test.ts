import { describe, expect, it } from "vitest";
import { autoMap, effectiveMapping } from "../../src/campaign/auto-map.js";
import { parseCampaign } from "../../src/campaign/load.js";
import { ConfigError } from "../../src/errors.js";
import { type Said, say } from "../../src/i18n/catalog.js";

/** Problems and warnings as English sentences (they are data: a catalog key and its parameters). */
const en = (list: readonly Said[]): string[] => list.map((item) => say("en", item));

describe("autoMap", () => {
  it("recognises every name docs/contract.md lists", () => {
    const headers = [
      "Телефон",
      "utm_source",
      "Канал",
      "utm_campaign",
      "Объявление",
      "Ключевая фраза",
      "Теги",
      "Отдел",
      "Время звонка",
      "sessionId",
      "callUrl",
      "routeKey",
    ];
    const result = autoMap(headers);
    expect(en(result.problems)).toEqual([]);
    expect(result.asFields).toEqual([]);
    expect(result.mapping).toEqual({
      phone: "Телефон",
      utmSource: "utm_source",
      utmMedium: "Канал",
      utmCampaign: "utm_campaign",
      utmContent: "Объявление",
      utmTerm: "Ключевая фраза",
      tags: "Теги",
      unitId: "Отдел",
      scheduleTime: "Время звонка",
      sessionId: "sessionId",
      callUrl: "callUrl",
      routeKey: "routeKey",
    });
  });

  it.each([
    ["Номер телефона", "phone"],
    ["phone", "phone"],
    ["TEL", "phone"],
    ["  Телефон  ", "phone"],
    ["Телефон клиента", "phone"],
    ["Мобильный", "phone"],
    ["Тел.", "phone"],
    ["Источник", "utmSource"],
    ["utmSource", "utmSource"],
    ["UTM-Source", "utmSource"],
    ["Кампания", "utmCampaign"],
    ["utm_content", "utmContent"],
    ["utm_term", "utmTerm"],
    ["utm_medium", "utmMedium"],
    ["tags", "tags"],
    ["unitId", "unitId"],
    ["unit_id", "unitId"],
    ["scheduleTime", "scheduleTime"],
    ["Сессия", "sessionId"],
    ["_ct_session_id", "sessionId"],
    ["Страница", "callUrl"],
    ["ВРЕМЯ ЗВОНКА", "scheduleTime"],
    ["Ключевое слово", "utmTerm"],
    // Headers of real exports: amoCRM, Bitrix24, Tilda leads, Calltouch's journals.
    ["Мобильный телефон", "phone"],
    ["Рабочий телефон", "phone"],
    ["Телефон клиента", "phone"],
    ["Контактный телефон", "phone"],
    ["Phone", "phone"],
    ["Номер", "phone"],
    ["Мобильный телефон (контакт)", "phone"],
    ["Источник трафика", "utmSource"],
    ["UTM Source", "utmSource"],
    ["utm_source", "utmSource"],
    ["UTM Medium", "utmMedium"],
    ["UTM Campaign", "utmCampaign"],
    ["Рекламная кампания", "utmCampaign"],
    ["UTM Content", "utmContent"],
    ["UTM Term", "utmTerm"],
    ["Поисковый запрос", "utmTerm"],
    ["Дата звонка", "scheduleTime"],
    ["Дата и время звонка", "scheduleTime"],
    ["Дата/время звонка", "scheduleTime"],
    ["Время перезвона", "scheduleTime"],
    ["Перезвонить в", "scheduleTime"],
    ["Метки", "tags"],
    ["Тэги", "tags"],
    ["Теги сделки", "tags"],
    ["Ссылка", "callUrl"],
    ["URL страницы", "callUrl"],
    ["Страница захвата", "callUrl"],
    ["referer", "callUrl"],
    ["ID сессии", "sessionId"],
  ])("%s -> %s", (header, field) => {
    const headers = field === "phone" ? [header] : [header, "Телефон"];
    expect(autoMap(headers).recognised[0]).toEqual({ field, header: header.trim() });
  });

  it("reads ё as е", () => {
    expect(autoMap(["Тёлефон"]).recognised).toEqual([{ field: "phone", header: "Тёлефон" }]);
    expect(autoMap(["Ключевая фраза", "телефон"]).mapping?.utmTerm).toBe("Ключевая фраза");
    expect(autoMap(["ТЕЛЕФОН"]).mapping?.phone).toBe("ТЕЛЕФОН");
  });

  it("reads a header typed on a Mac (й as и + combining breve) like one typed on Windows", () => {
    const decomposed = "Мобильный".normalize("NFD");
    expect(decomposed).not.toBe("Мобильный");
    expect(autoMap([decomposed]).mapping?.phone).toBe(decomposed);
  });

  it("does not take a widget-name column for routeKey", () => {
    expect(autoMap(["Телефон", "Виджет"]).mapping).toEqual({
      phone: "Телефон",
      fields: { Виджет: "Виджет" },
    });
  });

  it("sends every other column as a field named by its header", () => {
    const result = autoMap(["Имя", "Телефон", "Город", "Источник"]);
    expect(result.asFields).toEqual(["Имя", "Город"]);
    expect(result.mapping).toEqual({
      phone: "Телефон",
      utmSource: "Источник",
      fields: { Имя: "Имя", Город: "Город" },
    });
  });

  it("leaves out empty headers and, in a ctdial report, ctdial's own report columns", () => {
    const result = autoMap(["Телефон", "", "Имя", "CTDIAL_STATUS", "ctdial_error", "ctdial_x"]);
    expect(result.mapping).toEqual({ phone: "Телефон", fields: { Имя: "Имя" } });
    expect(result.asFields).toEqual(["Имя"]);
  });

  it("does not count a report's ctdial_* columns towards the 5 fields, nor list them when no phone is found", () => {
    const report = ["Телефон", "a", "b", "c", "d", "e", "ctdial_status", "ctdial_error", "ctdial_sent_at"];
    expect(en(autoMap(report).problems)).toEqual([]);
    expect(en(autoMap(["Имя", "ctdial_status", "ctdial_error"]).problems)).toEqual([
      "no phone column found; the file has: Имя. Name the phone column Телефон or set mapping.phone",
    ]);
  });

  it("treats ctdial_* columns of a file that is not a report (no ctdial_status) as data", () => {
    expect(autoMap(["Телефон", "ctdial_note"]).mapping).toEqual({
      phone: "Телефон",
      fields: { ctdial_note: "ctdial_note" },
    });
  });

  it("takes exactly 5 other columns", () => {
    const result = autoMap(["Телефон", "a", "b", "c", "d", "e"]);
    expect(en(result.problems)).toEqual([]);
    expect(Object.keys(result.mapping?.fields ?? {})).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("asks for mapping.fields when more than 5 columns would be fields", () => {
    const result = autoMap(["Телефон", "Имя", "Город", "Комментарий", "Менеджер", "Сумма", "Дата"]);
    expect(result.mapping).toBeUndefined();
    expect(en(result.problems)).toEqual([
      "6 columns would be sent as fields, but Calltouch takes at most 5: Имя, Город, Комментарий, Менеджер, Сумма, Дата. " +
        "List the ones to send in mapping.fields of a campaign file (ctdial init <source> writes one)",
    ]);
  });

  it("names the headers that are there when no phone column is found", () => {
    const result = autoMap(["Имя", "Город", "Комментарий"]);
    expect(result.mapping).toBeUndefined();
    expect(en(result.problems)).toEqual([
      "no phone column found; the file has: Имя, Город, Комментарий. Name the phone column Телефон or set mapping.phone",
    ]);
  });

  it("refuses to choose between two phone columns", () => {
    expect(en(autoMap(["Телефон", "Мобильный"]).problems)).toEqual([
      "columns Телефон, Мобильный could all be phone; set mapping.phone to the one to use",
    ]);
  });

  it("refuses a column name over 255 characters as a field name", () => {
    const long = "x".repeat(256);
    expect(en(autoMap(["Телефон", long]).problems)).toEqual([
      `column "${"x".repeat(40)}…" has a name over 255 characters; rename it`,
    ]);
  });

  it("reports every problem at once", () => {
    expect(en(autoMap(["a", "b", "c", "d", "e", "f"]).problems)).toHaveLength(2);
  });
});

describe("effectiveMapping", () => {
  it("uses the campaign's mapping as written, without adding the columns it leaves out", () => {
    const campaign = parseCampaign({ mapping: { phone: "телефон ", fields: { Имя: "ИМЯ" } } }, "t");
    expect(effectiveMapping(["Имя", "Телефон", "Источник"], campaign)).toEqual({
      phone: "телефон",
      fields: { Имя: "ИМЯ" },
    });
  });

  it("auto-maps when the campaign has no mapping, or there is no campaign", () => {
    expect(effectiveMapping(["Телефон", "Имя"], parseCampaign({}, "t"))).toEqual({
      phone: "Телефон",
      fields: { Имя: "Имя" },
    });
    expect(effectiveMapping(["Телефон"], undefined)).toEqual({ phone: "Телефон" });
  });

  it("throws the auto-mapping problems as one ConfigError", () => {
    try {
      effectiveMapping(["Имя", "Город"], undefined);
      expect.unreachable("no phone column");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toBe(
        "cannot map the columns by their names:\n" +
          "  no phone column found; the file has: Имя, Город. Name the phone column Телефон or set mapping.phone",
      );
      expect((error as ConfigError).exitCode).toBe(2);
    }
  });
});

describe("autoMap warns about plain fields that look like dates or tags", () => {
  it("by their headers", () => {
    const result = autoMap(["Телефон", "Дата визита", "Метки клиента", "Город"]);
    expect(result.mapping?.fields).toEqual({
      "Дата визита": "Дата визита",
      "Метки клиента": "Метки клиента",
      Город: "Город",
    });
    expect(en(result.warnings)).toEqual([
      "column Дата визита looks like dates or times but is sent as a plain field, so an impossible date such as 31.02 is not caught; if it says when to call, set mapping.scheduleTime: Дата визита",
      "column Метки клиента looks like tags but is sent as one plain field; to send them as tags, set mapping.tags: Метки клиента",
    ]);
  });

  it("by their cells, when samples are given", () => {
    const samples = [
      ["79991112233", "31.02.2025 10:00", "Тверь"],
      ["79991112244", "01.03.2025 11:00", "Тверь"],
      ["79991112255", { type: "date", wallClock: "2025-03-02T12:00:00" } as const, "Москва"],
      ["79991112266", "", ""],
    ];
    expect(en(autoMap(["Телефон", "Визит", "Город"], samples).warnings)).toEqual([
      "column Визит looks like dates or times but is sent as a plain field, so an impossible date such as 31.02 is not caught; if it says when to call, set mapping.scheduleTime: Визит",
    ]);
    expect(en(autoMap(["Телефон", "Визит", "Город"]).warnings)).toEqual([]);
  });

  it("not about recognised columns, and effectiveMapping passes the warnings on", () => {
    expect(en(autoMap(["Телефон", "Дата звонка", "Метки"]).warnings)).toEqual([]);
    const told: string[] = [];
    effectiveMapping(["Телефон", "Дата визита"], undefined, (warning) => told.push(warning));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^column Дата визита looks like dates/);
  });
});
