import { realpathSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  findCampaignFile,
  isCampaignFilePath,
  loadCampaignFile,
  parseCampaign,
  resolveFromCampaign,
  resolveSourceFromCampaign,
} from "../../src/campaign/load.js";
import { ConfigError } from "../../src/errors.js";

const FIXTURES = "fixtures/campaign";
const fixture = (name: string) => join(FIXTURES, name);

/** The ConfigError a promise or function ends in; fails the test when it does not throw one. */
async function configError(action: () => unknown): Promise<ConfigError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError, nothing was thrown");
}

describe("findCampaignFile", () => {
  const discovery = (layout: string, file = "clients.csv") => resolve(FIXTURES, "discovery", layout, file);

  it("prefers <name>.campaign.yaml beside the source over the folder's campaign.yaml", () => {
    expect(findCampaignFile(discovery("beside"))).toBe(discovery("beside", "clients.campaign.yaml"));
  });

  it("accepts the .json variant beside the source, and it still wins over the folder's file", () => {
    expect(findCampaignFile(discovery("json-beside"))).toBe(
      discovery("json-beside", "clients.campaign.json"),
    );
  });

  it("falls back to campaign.yml in the source's folder", () => {
    expect(findCampaignFile(discovery("folder"))).toBe(discovery("folder", "campaign.yml"));
  });

  it("finds nothing when there is no campaign file: the headers are auto-mapped", () => {
    expect(findCampaignFile(discovery("none"))).toBeUndefined();
  });

  it("takes --campaign FILE over everything beside the source", () => {
    const explicit = fixture("valid.campaign.yaml");
    expect(findCampaignFile(discovery("beside"), explicit)).toBe(resolve(explicit));
  });

  it("refuses a --campaign file that does not exist", async () => {
    const error = await configError(() => findCampaignFile(discovery("beside"), "nope.campaign.yaml"));
    expect(error.message).toBe("campaign file nope.campaign.yaml does not exist; check the --campaign path.");
  });

  it("refuses a --campaign path that is a folder", async () => {
    const error = await configError(() => findCampaignFile(discovery("beside"), FIXTURES));
    expect(error.message).toBe(`campaign file ${FIXTURES} is a folder, not a file.`);
  });

  it("refuses to choose silently between clients.campaign.yaml and clients.campaign.json", async () => {
    const error = await configError(() => findCampaignFile(discovery("ambiguous")));
    expect(error.message).toBe(
      `both clients.campaign.yaml and clients.campaign.json exist in ${resolve(FIXTURES, "discovery", "ambiguous")}; ` +
        "keep one, or choose with --campaign FILE.",
    );
  });

  it("returns a campaign file given as the source itself", () => {
    expect(findCampaignFile(fixture("valid.campaign.yaml"))).toBe(resolve(fixture("valid.campaign.yaml")));
  });

  it("looks for <spreadsheet id>.campaign.yaml in the working directory for a Google Sheets URL", async () => {
    const url = "https://docs.google.com/spreadsheets/d/1AbC_d-9/edit#gid=0";
    expect(findCampaignFile(url)).toBeUndefined();
    const dir = await mkdtemp(join(tmpdir(), "ctdial-sheet-"));
    const before = process.cwd();
    try {
      await writeFile(join(dir, "1AbC_d-9.campaign.yaml"), "routeKey: k\n");
      process.chdir(dir);
      expect(findCampaignFile(url)).toBe(join(realpathSync(dir), "1AbC_d-9.campaign.yaml"));
    } finally {
      process.chdir(before);
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("isCampaignFilePath", () => {
  it.each([
    ["clients.campaign.yaml", true],
    ["Campaign.YML", true],
    ["x.json", true],
    ["clients.csv", false],
    ["clients.xlsx", false],
  ])("%s -> %s", (path, expected) => {
    expect(isCampaignFilePath(path)).toBe(expected);
  });
});

describe("loadCampaignFile", () => {
  it("reads docs/contract.md's example with every key", async () => {
    const { campaign, path } = await loadCampaignFile(fixture("valid.campaign.yaml"));
    expect(path).toBe(resolve(fixture("valid.campaign.yaml")));
    expect(campaign).toEqual({
      routeKey: "routekey_1",
      source: "clients.csv",
      sheet: "Лист1",
      mapping: {
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
      },
      exclude: ["dnc.csv"],
      callWindow: { from: "09:00", to: "20:00", days: ["mon", "tue", "wed", "thu", "fri"] },
      dailyLimit: 5000,
      dedupeWindow: "24h",
      defaults: { utmSource: "base-2026", tags: ["prozvon"], unitId: 112233 },
      timezone: "Europe/Moscow",
      calltouchTimezone: "Europe/Moscow",
      scheduleTimeFormat: "yyyy-mm-dd hh:mm:ss",
      rate: 5,
      retry: { attempts: 6 },
      retryUnknown: false,
      resendWithoutSessionId: false,
      pastScheduleTime: "skip",
    });
  });

  it("reads the JSON variant and fills the defaults", async () => {
    const { campaign } = await loadCampaignFile(fixture("valid.campaign.json"));
    expect(campaign).toEqual({
      routeKey: "routekey_1",
      source: "clients.csv",
      mapping: { phone: "Телефон", fields: { Имя: "Имя", Город: "Город" }, utmSource: "Источник" },
      callWindow: { from: "10:00", to: "19:30", days: ["sat", "sun"] },
      dedupeWindow: "7d",
      calltouchTimezone: "Europe/Moscow",
      scheduleTimeFormat: "yyyy-mm-dd hh:mm:ss",
      rate: 2.5,
      retry: { attempts: 6 },
      retryUnknown: false,
      resendWithoutSessionId: false,
      pastScheduleTime: "skip",
    });
  });

  it("reads a file with a UTF-8 BOM and Windows line ends", async () => {
    const { campaign } = await loadCampaignFile(fixture("bom-crlf.campaign.yaml"));
    expect(campaign.routeKey).toBe("routekey_bom");
    expect(campaign.mapping).toEqual({ phone: "Телефон" });
  });

  it("reads an unquoted 9:00 as text (YAML 1.2) and pads it", async () => {
    const { campaign } = await loadCampaignFile(fixture("short-hour.campaign.yaml"));
    expect(campaign.callWindow).toEqual({
      from: "09:00",
      to: "18:00",
      days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    });
  });

  it("treats a file of comments only as an empty campaign", async () => {
    const { campaign } = await loadCampaignFile(fixture("only-comments.campaign.yaml"));
    expect(campaign).toEqual({
      dedupeWindow: "24h",
      calltouchTimezone: "Europe/Moscow",
      scheduleTimeFormat: "yyyy-mm-dd hh:mm:ss",
      rate: 5,
      retry: { attempts: 6 },
      retryUnknown: false,
      resendWithoutSessionId: false,
      pastScheduleTime: "skip",
    });
  });

  it("reports a misspelt key with the key it meant", async () => {
    const error = await configError(() => loadCampaignFile(fixture("typo-key.campaign.yaml")));
    expect(error.message).toBe(
      "fixtures/campaign/typo-key.campaign.yaml has 2 problems:\n" +
        "  mappng: unknown key (did you mean mapping?)\n" +
        "  callwindow: unknown key (did you mean callWindow?)",
    );
    expect(error.problems).toEqual([
      "mappng: unknown key (did you mean mapping?)",
      "callwindow: unknown key (did you mean callWindow?)",
    ]);
    expect(error.exitCode).toBe(2);
  });

  it("reports every wrong type at once, as path: message", async () => {
    const error = await configError(() => loadCampaignFile(fixture("wrong-types.campaign.yaml")));
    expect(error.message.split("\n")[0]).toBe("fixtures/campaign/wrong-types.campaign.yaml has 3 problems:");
    expect(error.problems).toEqual([
      "mapping.phone: expected a column header (text), got 5",
      'callWindow.days.2: expected one of mon, tue, wed, thu, fri, sat, sun, got "monday" (did you mean mon?)',
      'rate: expected a number, got "fast"',
    ]);
  });

  it("says where a misplaced or reversed key belongs", async () => {
    const error = await configError(() => loadCampaignFile(fixture("misplaced-keys.campaign.yaml")));
    expect(error.problems).toEqual([
      "mapping.phone: required, expected a column header (text)",
      "mapping.Телефон: unknown key (did you mean phone: Телефон? name the Calltouch field first, then your column)",
      "mapping.Город: unknown key; allowed here: phone, fields, sessionId, scheduleTime, utmSource, utmMedium, " +
        "utmCampaign, utmContent, utmTerm, callUrl, tags, unitId, routeKey. Other names go under mapping.fields",
      "phone: unknown key (did you mean mapping.phone?)",
    ]);
  });

  it("points at the line indented one space too deep, and says in plain words how to indent it", async () => {
    const error = await configError(() => loadCampaignFile(fixture("yaml-syntax-error.campaign.yaml")));
    expect(error.message).toBe(
      "fixtures/campaign/yaml-syntax-error.campaign.yaml:4:1: the indentation of this line does not match " +
        "the lines above; indent the keys under mapping: by the same number of spaces (no tabs).",
    );
  });

  it("refuses a key written twice", async () => {
    const error = await configError(() => loadCampaignFile(fixture("duplicate-key.campaign.yaml")));
    expect(error.message).toBe(
      "fixtures/campaign/duplicate-key.campaign.yaml:3:1: not valid YAML: Map keys must be unique",
    );
  });

  it("points at the line and column of a JSON syntax error", async () => {
    const error = await configError(() => loadCampaignFile(fixture("json-syntax-error.campaign.json")));
    expect(error.message).toBe(
      "fixtures/campaign/json-syntax-error.campaign.json:4:1: not valid JSON: Expected double-quoted property name",
    );
  });

  it("refuses a file that is a list instead of keys", async () => {
    const error = await configError(() => loadCampaignFile(fixture("not-a-mapping.campaign.yaml")));
    expect(error.message).toBe(
      "fixtures/campaign/not-a-mapping.campaign.yaml must be a group of keys such as routeKey: and mapping:, got a list.",
    );
  });

  it("says so when the file does not exist", async () => {
    const error = await configError(() => loadCampaignFile(fixture("missing.campaign.yaml")));
    expect(error.message).toBe("campaign file fixtures/campaign/missing.campaign.yaml does not exist.");
  });
});

describe("parseCampaign", () => {
  it("reads dedupeWindow: 0 in a YAML file (a number there) as off", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctdial-dedupe-"));
    try {
      const path = join(dir, "off.campaign.yaml");
      await writeFile(path, "routeKey: k\ndedupeWindow: 0\n");
      const { campaign } = await loadCampaignFile(path);
      expect(campaign.dedupeWindow).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("validates a campaign given as data and names its origin", async () => {
    const error = await configError(() => parseCampaign({ rate: 9 }, "the command line"));
    expect(error.message).toBe(
      "the command line has 1 problem:\n  rate: Calltouch allows at most 5 requests per second, got 9",
    );
  });

  it("gives the same campaign when its own output is parsed again (flags are merged that way)", async () => {
    const { campaign } = await loadCampaignFile(fixture("valid.campaign.yaml"));
    expect(parseCampaign({ ...campaign, rate: 3, sheet: undefined }, "the command line")).toEqual({
      ...campaign,
      rate: 3,
      sheet: undefined,
    });
  });

  it("gives the defaults for an empty campaign", () => {
    expect(parseCampaign({}, "defaults")).toEqual({
      dedupeWindow: "24h",
      calltouchTimezone: "Europe/Moscow",
      scheduleTimeFormat: "yyyy-mm-dd hh:mm:ss",
      rate: 5,
      retry: { attempts: 6 },
      retryUnknown: false,
      resendWithoutSessionId: false,
      pastScheduleTime: "skip",
    });
  });

  it.each<[string, unknown]>([
    ["the number 0", 0],
    ['the text "0"', "0"],
  ])("keeps dedupeWindow as written when it is %s (off)", (_name, value) => {
    expect(parseCampaign({ dedupeWindow: value }, "t").dedupeWindow).toBe(value);
  });

  it("keeps a duration other than the default", () => {
    expect(parseCampaign({ dedupeWindow: "30m" }, "t").dedupeWindow).toBe("30m");
  });
});

describe("resolveSourceFromCampaign", () => {
  const campaignPath = resolve(FIXTURES, "valid.campaign.yaml");

  it("resolves source relative to the campaign file, not the working directory", () => {
    const campaign = parseCampaign({ source: "../data/clients.csv" }, "t");
    expect(resolveSourceFromCampaign(campaignPath, campaign)).toBe(resolve("fixtures/data/clients.csv"));
  });

  it("passes a Google Sheets URL through", () => {
    const url = "https://docs.google.com/spreadsheets/d/1AbC/edit#gid=5";
    expect(resolveSourceFromCampaign(campaignPath, parseCampaign({ source: url }, "t"))).toBe(url);
  });

  it("asks for a source key when there is none", async () => {
    const error = await configError(() => resolveSourceFromCampaign(campaignPath, parseCampaign({}, "t")));
    expect(error.message).toBe(
      "fixtures/campaign/valid.campaign.yaml has no source key; add source: clients.csv (the file to dial).",
    );
  });

  it("resolves exclude files the same way", () => {
    expect(resolveFromCampaign(campaignPath, "dnc.csv")).toBe(resolve(FIXTURES, "dnc.csv"));
  });
});
