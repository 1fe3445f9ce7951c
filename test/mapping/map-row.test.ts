import { describe, expect, it } from "vitest";
import type { CampaignInput, Mapping } from "../../src/campaign/schema.js";
import { campaignSchema } from "../../src/campaign/schema.js";
import { resolveColumns } from "../../src/mapping/columns.js";
import { mapRow } from "../../src/mapping/map-row.js";
import { formatProblems } from "../../src/mapping/types.js";
import type { Cell, SourceRow } from "../../src/sources/types.js";
import { english } from "../english.js";

const HEADERS = [
  "Телефон",
  "Имя",
  "Город",
  "Сессия",
  "Время звонка",
  "Источник",
  "Канал",
  "Кампания",
  "Объявление",
  "Ключевая фраза",
  "Страница",
  "Теги",
  "Отдел",
  "Виджет",
  "Комментарий",
];

const FULL_MAPPING: Mapping = {
  phone: "Телефон",
  fields: { Имя: "Имя", Город: "Город" },
  sessionId: "Сессия",
  scheduleTime: "Время звонка",
  utmSource: "Источник",
  utmMedium: "Канал",
  utmCampaign: "Кампания",
  utmContent: "Объявление",
  utmTerm: "Ключевая фраза",
  callUrl: "Страница",
  tags: "Теги",
  unitId: "Отдел",
  routeKey: "Виджет",
};

function campaign(input: Omit<CampaignInput, "mapping"> = {}) {
  return campaignSchema.parse({ routeKey: "routekey_1", ...input });
}

/** A row from header -> cell; the rest of the cells are absent, as in a ragged CSV line. */
function row(values: Record<string, Cell>, rowNumber = 2): SourceRow {
  const cells: Cell[] = [];
  for (const [header, cell] of Object.entries(values)) {
    const index = HEADERS.indexOf(header);
    if (index < 0) throw new Error(`no header ${header}`);
    cells[index] = cell;
  }
  return { rowNumber, cells: Array.from(cells, (cell) => cell ?? null) };
}

const columns = resolveColumns(HEADERS, FULL_MAPPING);
const map = (values: Record<string, Cell>, input?: Omit<CampaignInput, "mapping">, now?: number) =>
  english(mapRow(row(values), columns, campaign(input), now === undefined ? {} : { now }));

describe("mapRow builds the request", () => {
  it("from every mapped column, with keys in docs/calltouch-api.md's order", () => {
    const result = map({
      Телефон: "+7 (999) 222-33-44",
      Имя: "Иван",
      Город: "Москва",
      Сессия: "123456789",
      "Время звонка": "01.02.2026 17:10",
      Источник: "yandex",
      Канал: "cpc",
      Кампания: "spring",
      Объявление: "ad-1",
      "Ключевая фраза": "окна пвх",
      Страница: "https://example.ru/okna",
      Теги: "vip; горячий",
      Отдел: "112233",
      Виджет: "routekey_2",
    });
    expect(result).toEqual({
      ok: true,
      phoneKey: 79992223344,
      request: {
        routeKey: "routekey_2",
        phone: "79992223344",
        fields: [
          { name: "Имя", value: "Иван" },
          { name: "Город", value: "Москва" },
        ],
        sessionId: "123456789",
        scheduleTime: "2026-02-01 17:10:00",
        utmSource: "yandex",
        utmMedium: "cpc",
        utmCampaign: "spring",
        utmContent: "ad-1",
        utmTerm: "окна пвх",
        callUrl: "https://example.ru/okna",
        tags: ["vip", "горячий"],
        unitId: 112233,
      },
    });
    expect(result.ok && Object.keys(result.request)).toEqual([
      "routeKey",
      "phone",
      "fields",
      "sessionId",
      "scheduleTime",
      "utmSource",
      "utmMedium",
      "utmCampaign",
      "utmContent",
      "utmTerm",
      "callUrl",
      "tags",
      "unitId",
    ]);
  });

  it("leaves every empty cell's key out entirely (ragged rows too)", () => {
    const result = map({ Телефон: "89992223344", Имя: "  ", Теги: "", Отдел: null });
    expect(result).toEqual({
      ok: true,
      phoneKey: 79992223344,
      request: { routeKey: "routekey_1", phone: "79992223344" },
    });
    expect(result.ok && Object.keys(result.request)).toEqual(["routeKey", "phone"]);
  });

  it("fills empty cells from defaults, adds default tags to the row's, and adds default fields that have no column", () => {
    const defaults = {
      utmSource: "base-2026",
      callUrl: "https://example.ru",
      sessionId: "777",
      tags: ["prozvon", "VIP"],
      unitId: 5,
      fields: { Город: "не указан", Менеджер: "Ольга" },
    };
    const result = map(
      { Телефон: "89992223344", Имя: "Иван", Источник: "", Теги: "vip, новый" },
      { defaults },
    );
    expect(result.ok && result.request).toEqual({
      routeKey: "routekey_1",
      phone: "79992223344",
      fields: [
        { name: "Имя", value: "Иван" },
        { name: "Город", value: "не указан" },
        { name: "Менеджер", value: "Ольга" },
      ],
      sessionId: "777",
      utmSource: "base-2026",
      callUrl: "https://example.ru",
      tags: ["vip", "новый", "prozvon"],
      unitId: 5,
    });
    const own = map({ Телефон: "89992223344", Источник: "avito", Отдел: 9, Город: "Казань" }, { defaults });
    expect(own.ok && [own.request.utmSource, own.request.unitId, own.request.fields?.[0]]).toEqual([
      "avito",
      9,
      { name: "Город", value: "Казань" },
    ]);
  });

  it("shows numbers, booleans and dates in fields as a person sees them", () => {
    const result = map({
      Телефон: 79992223344,
      Имя: 79991234501,
      Город: { type: "date", wallClock: "2026-02-01T17:10:00" },
    });
    expect(result.ok && result.request.fields).toEqual([
      { name: "Имя", value: "79991234501" },
      { name: "Город", value: "01.02.2026 17:10:00" },
    ]);
    expect(
      map({ Телефон: 79992223344, Имя: true }).ok && map({ Телефон: 79992223344, Имя: true }),
    ).toMatchObject({
      request: { fields: [{ name: "Имя", value: "TRUE" }] },
    });
  });

  it("takes the row's routeKey over the campaign's, and the campaign's when the cell is empty", () => {
    expect(map({ Телефон: "89992223344", Виджет: " rk_row " })).toMatchObject({
      request: { routeKey: "rk_row" },
    });
    expect(map({ Телефон: "89992223344", Виджет: "" })).toMatchObject({
      request: { routeKey: "routekey_1" },
    });
  });

  it("reads scheduleTime in the campaign's timezone and sends it in calltouchTimezone and format", () => {
    const input = { timezone: "Asia/Novosibirsk", scheduleTimeFormat: "dd-mm-yyyy hh:mm:ss" as const };
    expect(map({ Телефон: "89992223344", "Время звонка": "01.02.2026 12:00" }, input)).toMatchObject({
      request: { scheduleTime: "01-02-2026 08:00:00" },
    });
  });

  it("judges a past scheduleTime only when given `now`: by default the row is skipped, saying why", () => {
    const values = { Телефон: "89992223344", "Время звонка": "01.02.2026 12:00" };
    expect(map(values)).toMatchObject({ ok: true, request: { scheduleTime: "2026-02-01 12:00:00" } });
    const later = map(values, {}, Date.parse("2026-03-01T07:30:00Z"));
    expect(later.ok).toBe(true);
    expect(later.ok && later.skip).toEqual({
      reason:
        'the schedule time "01.02.2026 12:00" in column Время звонка had passed when the run started (01.03.2026 10:30 Europe/Moscow); to call such rows at once, set pastScheduleTime: call-now in the campaign',
      because: "past-schedule",
    });
  });

  it("with pastScheduleTime: call-now, sends a past row without its scheduleTime and notes it", () => {
    const values = { Телефон: "89992223344", "Время звонка": "01.02.2026 12:00" };
    const result = map(values, { pastScheduleTime: "call-now" }, Date.parse("2026-03-01T07:30:00Z"));
    expect(result.ok && result.request.scheduleTime).toBeUndefined();
    expect(result.ok && result.skip).toBeUndefined();
    expect(result.ok && result.note).toBe(
      'called at once, without a schedule time: the schedule time "01.02.2026 12:00" in column Время звонка had passed when the run started (01.03.2026 10:30 Europe/Moscow) (pastScheduleTime: call-now)',
    );
    // A time still ahead is sent as it is, with no note.
    const ahead = map(values, { pastScheduleTime: "call-now" }, Date.parse("2026-01-01T00:00:00Z"));
    expect(ahead).toEqual(map(values));
  });
});

describe("mapRow refuses", () => {
  it("a field value over 255 characters, never cutting it; 255 is fine", () => {
    expect(map({ Телефон: "89992223344", Имя: "я".repeat(255) }).ok).toBe(true);
    expect(map({ Телефон: "89992223344", Имя: "я".repeat(312) })).toEqual({
      ok: false,
      problems: [{ column: "Имя", message: "value is 312 characters; Calltouch accepts at most 255" }],
    });
  });

  it("a sessionId over 100 characters, a routeKey over 255", () => {
    expect(map({ Телефон: "89992223344", Сессия: "1".repeat(101), Виджет: "k".repeat(256) })).toEqual({
      ok: false,
      problems: [
        { column: "Виджет", message: "routeKey is 256 characters; Calltouch accepts at most 255" },
        { column: "Сессия", message: "sessionId is 101 characters; Calltouch accepts at most 100" },
      ],
    });
    expect(map({ Телефон: "89992223344", Сессия: "1".repeat(100) }).ok).toBe(true);
  });

  it("a row with no routeKey anywhere, naming the column to fill", () => {
    expect(english(mapRow(row({ Телефон: "89992223344" }), columns, campaignSchema.parse({})))).toEqual({
      ok: false,
      problems: [
        { column: "Виджет", message: "no routeKey: fill this column or set routeKey in the campaign" },
      ],
    });
    const noRouteColumn = resolveColumns(HEADERS, { phone: "Телефон" });
    expect(english(mapRow(row({ Телефон: "89992223344" }), noRouteColumn, campaignSchema.parse({})))).toEqual(
      {
        ok: false,
        problems: [
          { message: "no routeKey: set routeKey in the campaign file, CALLTOUCH_ROUTE_KEY or --route-key" },
        ],
      },
    );
  });

  it("a unitId that is not a whole number", () => {
    expect(map({ Телефон: "89992223344", Отдел: "12.5" })).toEqual({
      ok: false,
      problems: [
        { column: "Отдел", message: 'expected a whole number (the department\'s unitId), got "12.5"' },
      ],
    });
  });

  it("more than 10 tags, naming the tags column", () => {
    const tags = Array.from({ length: 11 }, (_, i) => `t${i}`).join(",");
    expect(map({ Телефон: "89992223344", Теги: tags })).toEqual({
      ok: false,
      problems: [{ column: "Теги", message: "11 tags; Calltouch accepts at most 10" }],
    });
  });

  it("an error cell in any mapped column, but not in a column that is not mapped", () => {
    const na = { type: "error", text: "#N/A" } as const;
    expect(map({ Телефон: "89992223344", Город: na, Источник: { type: "error", text: "#REF!" } })).toEqual({
      ok: false,
      problems: [
        { column: "Город", message: "the cell shows an error (#N/A)" },
        { column: "Источник", message: "the cell shows an error (#REF!)" },
      ],
    });
    expect(map({ Телефон: "89992223344", Комментарий: na }).ok).toBe(true);
  });

  it("with every problem of the row at once, each naming its column as written in the file", () => {
    const messy = {
      Телефон: "8 800 123-45-67",
      Имя: "я".repeat(300),
      "Время звонка": "31.02.2026 10:00",
      Теги: "x".repeat(101),
      Отдел: "abc",
      Город: { type: "error", text: "#DIV/0!" },
    } as const;
    const result = mapRow(row(messy), columns, campaign());
    expect(result.ok).toBe(false);
    expect(!result.ok && formatProblems("ru", result.problems)).toBe(
      [
        "колонка Телефон: на номера 8-800 звонить нельзя",
        "колонка Имя: значение длиной 300 символов, а Calltouch принимает не больше 255",
        "колонка Город: в ячейке ошибка (#DIV/0!)",
        "колонка Время звонка: «31.02.2026 10:00»: такой даты и времени не бывает",
        `колонка Теги: тег «${"x".repeat(39)}…» длиной 101 символ, а Calltouch принимает не больше 100`,
        "колонка Отдел: нужно целое число (unitId отдела), а здесь «abc»",
      ].join("; "),
    );
    expect(!result.ok && formatProblems("en", result.problems)).toBe(
      [
        "column Телефон: 8-800 numbers cannot be dialed",
        "column Имя: value is 300 characters; Calltouch accepts at most 255",
        "column Город: the cell shows an error (#DIV/0!)",
        'column Время звонка: "31.02.2026 10:00" is not a real date and time',
        `column Теги: tag "${"x".repeat(39)}…" is 101 characters; Calltouch accepts at most 100`,
        'column Отдел: expected a whole number (the department\'s unitId), got "abc"',
      ].join("; "),
    );
  });

  it("an empty phone even when the rest of the row is filled", () => {
    expect(map({ Телефон: "", Имя: "Иван" })).toEqual({
      ok: false,
      problems: [{ column: "Телефон", message: "phone is empty" }],
    });
  });

  it("more than 5 fields once defaults.fields without a column are added (columns resolved without defaults)", () => {
    const fields = { Имя: "Имя", Город: "Город", Источник: "Источник", Канал: "Канал" };
    const four = resolveColumns(HEADERS, { phone: "Телефон", fields });
    const input = { defaults: { fields: { a: "1", b: "2" } } };
    const filled = row({ Телефон: "89992223344", Имя: "Иван", Город: "Тула", Источник: "ya", Канал: "cpc" });
    expect(english(mapRow(filled, four, campaign(input)))).toEqual({
      ok: false,
      problems: [{ message: "6 fields; Calltouch accepts at most 5" }],
    });
  });
});

describe("mapRow on a ctdial report read back as the source", () => {
  const REPORT = [
    "Телефон",
    "ctdial_status",
    "ctdial_error_code",
    "ctdial_error",
    "ctdial_request_id",
    "ctdial_sent_at",
  ];
  const reportColumns = resolveColumns(REPORT, { phone: "Телефон" });
  const mapReport = (...cells: Cell[]) => english(mapRow({ rowNumber: 2, cells }, reportColumns, campaign()));

  it("never sends again a row the report shows as sent, or whose answer was lost", () => {
    const sent = mapReport("89992223344", "sent", null, null, 5501, "2026-11-30T10:00:00+03:00");
    expect(sent.ok && sent.skip).toEqual({
      reason:
        "ctdial_status says sent: an earlier run sent this row (request 5501, 2026-11-30T10:00:00+03:00); it is not sent again from the report (clear that cell to send it anyway)",
      because: "sent-before",
    });
    const unknown = mapReport("89992223344", "unknown", null, "timeout");
    expect(unknown.ok && unknown.skip).toEqual({
      reason:
        "ctdial_status says unknown: an earlier run sent this row and its answer was lost, so it may have created a callback; it is not sent again from the report (clear that cell to send it anyway)",
      because: "sent-before",
    });
  });

  it("sends the rows the report shows as anything else", () => {
    for (const status of ["invalid", "failed", "pending", "would-send", "skipped", null]) {
      const mapped = mapReport("89992223344", status);
      expect(mapped).toMatchObject({ ok: true, request: { phone: "79992223344" } });
      expect(mapped.ok && mapped.skip).toBeUndefined();
    }
  });
});
