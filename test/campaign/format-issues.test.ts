import { describe, expect, it } from "vitest";
import { describeValue } from "../../src/campaign/describe-value.js";
import { didYouMean, editDistance } from "../../src/campaign/did-you-mean.js";
import { parseCampaign } from "../../src/campaign/load.js";
import { ConfigError } from "../../src/errors.js";
import { gotEn } from "../../src/i18n/catalog/campaign.en.js";

/** The `path: message` lines a campaign given as data produces; [] when it is valid. */
function problemsOf(input: unknown): readonly string[] {
  try {
    parseCampaign(input, "test.campaign.yaml");
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
}

const MAPPING_KEYS =
  "phone, fields, sessionId, scheduleTime, utmSource, utmMedium, utmCampaign, utmContent, utmTerm, callUrl, tags, unitId, routeKey";
const TOP_KEYS =
  "routeKey, source, sheet, mapping, exclude, callWindow, dailyLimit, dedupeWindow, defaults, timezone, " +
  "calltouchTimezone, scheduleTimeFormat, pastScheduleTime, rate, retry, retryUnknown, resendWithoutSessionId, lang";

describe("one friendly line per problem", () => {
  it.each<[string, unknown, string[]]>([
    // unknown keys
    ["a typo", { mappng: {} }, ["mappng: unknown key (did you mean mapping?)"]],
    ["snake_case for camelCase", { daily_limit: 5 }, ["daily_limit: unknown key (did you mean dailyLimit?)"]],
    ["a key far from any", { zzz: 1 }, [`zzz: unknown key; allowed here: ${TOP_KEYS}`]],
    [
      "a key that lives in another group",
      { tags: "x" },
      ["tags: unknown key (did you mean mapping.tags or defaults.tags?)"],
    ],
    [
      "a nested typo",
      { callWindow: { form: "09:00" } },
      ["callWindow.form: unknown key (did you mean from?)"],
    ],
    [
      "a column put straight under mapping",
      { mapping: { phone: "Телефон", Комментарий: "Комментарий" } },
      [
        `mapping.Комментарий: unknown key; allowed here: ${MAPPING_KEYS}. Other names go under mapping.fields`,
      ],
    ],
    [
      "a mapping written column -> field",
      { mapping: { Телефон: "phone" } },
      [
        "mapping.phone: required, expected a column header (text)",
        "mapping.Телефон: unknown key (did you mean phone: Телефон? name the Calltouch field first, then your column)",
      ],
    ],
    [
      "two unknown keys, two lines",
      { ratee: 1, sheeet: "x" },
      ["ratee: unknown key (did you mean rate?)", "sheeet: unknown key (did you mean sheet?)"],
    ],
    // wrong types
    ["text for a number", { rate: "fast" }, ['rate: expected a number, got "fast"']],
    [
      "a number for a header",
      { mapping: { phone: 5 } },
      ["mapping.phone: expected a column header (text), got 5"],
    ],
    ["a fraction for a whole number", { dailyLimit: 2.5 }, ["dailyLimit: expected a whole number, got 2.5"]],
    ["an empty value", { routeKey: null }, ["routeKey: expected text, got an empty value"]],
    ["a list for text", { sheet: ["a"] }, ["sheet: expected a tab name (text), got a list"]],
    [
      "text for a group",
      { callWindow: "9-18" },
      ['callWindow: expected a group of keys (from, to, days), got "9-18"'],
    ],
    [
      "a number for a list of files",
      { exclude: 5 },
      ["exclude: expected a file name or a list of file names, got 5"],
    ],
    [
      "a bad item in a list of files",
      { exclude: ["dnc.csv", 5, ""] },
      ["exclude.1: expected a file name, got 5", "exclude.2: cannot be empty"],
    ],
    [
      "true for a list of tags",
      { defaults: { tags: true } },
      ["defaults.tags: expected a list of tags, got true"],
    ],
    ["text for a unitId", { defaults: { unitId: "12" } }, ['defaults.unitId: expected a number, got "12"']],
    // values
    [
      "a weekday written out",
      { callWindow: { days: ["mon", "tue", "monday"] } },
      [
        'callWindow.days.2: expected one of mon, tue, wed, thu, fri, sat, sun, got "monday" (did you mean mon?)',
      ],
    ],
    [
      "a value far from any",
      { scheduleTimeFormat: "dd.mm.yyyy" },
      ['scheduleTimeFormat: expected one of "yyyy-mm-dd hh:mm:ss", "dd-mm-yyyy hh:mm:ss", got "dd.mm.yyyy"'],
    ],
    ["no weekdays", { callWindow: { days: [] } }, ["callWindow.days: cannot be an empty list"]],
    // bounds
    ["too fast", { rate: 7 }, ["rate: Calltouch allows at most 5 requests per second, got 7"]],
    ["not above 0", { rate: 0 }, ["rate: expected a number above 0, got 0"]],
    ["a negative limit", { dailyLimit: -1 }, ["dailyLimit: expected a number above 0, got -1"]],
    ["an empty key", { routeKey: "" }, ["routeKey: cannot be empty"]],
    ["a blank header", { mapping: { phone: "  " } }, ["mapping.phone: a column header cannot be empty"]],
    ["a long key", { routeKey: "k".repeat(256) }, ["routeKey: expected at most 255 characters, got 256"]],
    [
      "a long sessionId",
      { defaults: { sessionId: "1".repeat(101) } },
      ["defaults.sessionId: expected at most 100 characters, got 101"],
    ],
    [
      "a long tag",
      { defaults: { tags: ["ok", "t".repeat(101)] } },
      ["defaults.tags.1: expected at most 100 characters, got 101"],
    ],
    [
      "too many tags in one text",
      { defaults: { tags: "a;b;c;d;e;f;g;h;i;j;k" } },
      ["defaults.tags: Calltouch takes at most 10 tags, got 11"],
    ],
    [
      "too many fields",
      { mapping: { phone: "Т", fields: { a: "a", b: "b", c: "c", d: "d", e: "e", f: "f" } } },
      ["mapping.fields: Calltouch takes at most 5 fields, got 6"],
    ],
    [
      "an empty field name",
      { mapping: { phone: "Т", fields: { "": "Имя" } } },
      ['mapping.fields: a field name cannot be empty (the name "")'],
    ],
    // forms
    [
      "a time out of range",
      { callWindow: { to: "25:00" } },
      ['callWindow.to: expected a time such as "09:00", got "25:00"'],
    ],
    [
      "a window backwards",
      { callWindow: { from: "20:00", to: "09:00" } },
      ["callWindow: from (20:00) must be earlier than to (09:00)"],
    ],
    [
      "a duration without unit",
      { dedupeWindow: "24" },
      ['dedupeWindow: expected a duration such as "24h", "30m" or "7d" (or 0 to turn it off), got "24"'],
    ],
    [
      // 0 is the one number allowed; any other must not read "expected 0".
      "a duration as a number",
      { dedupeWindow: 24 },
      ['dedupeWindow: expected a duration such as "24h", "30m" or "7d" (or 0 to turn it off), got 24'],
    ],
    [
      "a duration as true",
      { dedupeWindow: true },
      ['dedupeWindow: expected a duration such as "24h", "30m" or "7d" (or 0 to turn it off), got true'],
    ],
    [
      "a duration as a list",
      { dedupeWindow: ["24h"] },
      ['dedupeWindow: expected a duration such as "24h", "30m" or "7d" (or 0 to turn it off), got a list'],
    ],
    [
      "a negative duration",
      { dedupeWindow: "-1h" },
      ['dedupeWindow: expected a duration such as "24h", "30m" or "7d" (or 0 to turn it off), got "-1h"'],
    ],
    [
      "an empty duration",
      { dedupeWindow: null },
      [
        'dedupeWindow: expected a duration such as "24h", "30m" or "7d" (or 0 to turn it off), got an empty value',
      ],
    ],
    [
      "a city for a time zone",
      { timezone: "Moscow" },
      ['timezone: expected an IANA time zone such as "Europe/Moscow", got "Moscow"'],
    ],
  ])("%s", (_name, input, expected) => {
    expect(problemsOf(input)).toEqual(expected);
  });

  it("reports every problem of a file at once, in the order of the schema", () => {
    expect(
      problemsOf({ rate: "fast", mappng: {}, mapping: { phone: 5 }, callWindow: { days: ["monday"] } }),
    ).toEqual([
      "mapping.phone: expected a column header (text), got 5",
      'callWindow.days.0: expected one of mon, tue, wed, thu, fri, sat, sun, got "monday" (did you mean mon?)',
      'rate: expected a number, got "fast"',
      "mappng: unknown key (did you mean mapping?)",
    ]);
  });

  it("accepts $schema, the key editors use to find the JSON Schema", () => {
    expect(problemsOf({ $schema: "./schema/campaign.schema.json" })).toEqual([]);
  });

  it("splits a tags text like a tags cell", () => {
    expect(parseCampaign({ defaults: { tags: "prozvon; база-2026,, vip" } }, "t").defaults?.tags).toEqual([
      "prozvon",
      "база-2026",
      "vip",
    ]);
  });
});

describe("didYouMean", () => {
  it.each<[string, readonly string[], string | undefined]>([
    ["mappng", ["routeKey", "mapping"], "mapping"],
    ["utm_source", ["utmSource", "utmMedium"], "utmSource"],
    ["CALLWINDOW", ["callWindow"], "callWindow"],
    ["rtae", ["rate"], "rate"],
    ["Телфон", ["Имя", "Телефон"], "Телефон"],
    ["телёфон", ["Телефон"], "Телефон"],
    ["zzz", ["rate", "sheet"], undefined],
    ["", ["rate"], undefined],
    ["abcdef", ["abc"], undefined],
  ])("%s among %j -> %s", (word, candidates, expected) => {
    expect(didYouMean(word, candidates)).toBe(expected);
  });

  it("counts an adjacent swap as one edit", () => {
    expect(editDistance("rtae", "rate")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
});

describe("describeValue", () => {
  it.each<[unknown, string]>([
    ["fast", '"fast"'],
    ["5", '"5"'],
    [5, "5"],
    [true, "true"],
    [null, "an empty value"],
    [undefined, "nothing"],
    [[], "an empty list"],
    [[1], "a list"],
    [{ a: 1 }, "a group of keys"],
    ["x".repeat(100), `"${"x".repeat(59)}…"`],
  ])("%j -> %s", (value, expected) => {
    expect(gotEn(describeValue(value))).toBe(expected);
  });
});
