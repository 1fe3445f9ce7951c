import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignPathFor, proposeCampaign } from "../../src/campaign/init.js";
import { bundledSchemaPath } from "../../src/campaign/json-schema.js";
import { loadCampaignFile } from "../../src/campaign/load.js";
import type { Campaign } from "../../src/campaign/schema.js";
import { ConfigError } from "../../src/errors.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctdial-init-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes the proposal where `ctdial init` would and loads it back through the real loader. */
async function loadBack(yaml: string, name = "clients.campaign.yaml"): Promise<Campaign> {
  const path = join(dir, name);
  await writeFile(path, yaml, "utf8");
  return (await loadCampaignFile(path)).campaign;
}

describe("proposeCampaign", () => {
  it("writes the recognised fields and the other columns as fields, and loads back as written", async () => {
    const proposal = proposeCampaign(["Имя", "Телефон", "Город", "Источник"], "clients.csv", {
      schemaRef: "s.json",
    });
    const campaign = await loadBack(proposal.yaml);
    expect(campaign.source).toBe("clients.csv");
    expect(campaign.routeKey).toBeUndefined();
    expect(campaign.mapping).toEqual({
      phone: "Телефон",
      utmSource: "Источник",
      fields: { Имя: "Имя", Город: "Город" },
    });
    expect(proposal.recognised).toEqual([
      { field: "phone", header: "Телефон" },
      { field: "utmSource", header: "Источник" },
    ]);
    expect(proposal.fields).toEqual(["Имя", "Город"]);
    expect(proposal.unrecognised).toEqual([]);
    expect(proposal.summary).toEqual([
      "Recognised: Телефон -> phone, Источник -> utmSource",
      "Sent as fields: Имя, Город",
    ]);
  });

  it("starts with the yaml-language-server line and a commented routeKey", () => {
    const { yaml } = proposeCampaign(["Телефон"], "clients.csv", {
      schemaRef: "../schema/campaign.schema.json",
    });
    const lines = yaml.split("\n");
    expect(lines[0]).toBe("# yaml-language-server: $schema=../schema/campaign.schema.json");
    expect(lines).toContain("# routeKey: routekey_1");
    expect(yaml.endsWith("\n")).toBe(true);
  });

  it("points editors at the schema shipped with ctdial by default", () => {
    expect(proposeCampaign(["Телефон"], "clients.csv").yaml.split("\n")[0]).toBe(
      `# yaml-language-server: $schema=${bundledSchemaPath()}`,
    );
    expect(bundledSchemaPath()).toBe(resolve("schema/campaign.schema.json"));
  });

  it("comments out the columns past the 5-field limit and says which", async () => {
    const headers = ["Телефон", "a", "b", "c", "d", "e", "f", "g"];
    const proposal = proposeCampaign(headers, "clients.csv", { schemaRef: "s.json" });
    const campaign = await loadBack(proposal.yaml);
    expect(Object.keys(campaign.mapping?.fields ?? {})).toEqual(["a", "b", "c", "d", "e"]);
    expect(proposal.yaml).toContain("    # f: f\n    # g: g\n");
    expect(proposal.unrecognised).toEqual(["f", "g"]);
    expect(proposal.summary).toContain("Not sent (Calltouch takes at most 5 fields): f, g");
  });

  it("guesses the phone column when none has a known name, says so, and still loads", async () => {
    const proposal = proposeCampaign(["Имя", "Тел. клиента (моб)", "Город"], "clients.csv", {
      schemaRef: "s.json",
    });
    const campaign = await loadBack(proposal.yaml);
    expect(campaign.mapping).toEqual({ phone: "Тел. клиента (моб)", fields: { Имя: "Имя", Город: "Город" } });
    expect(proposal.yaml).toContain("# GUESS: no column is named like a phone");
    expect(proposal.summary).toEqual([
      "No phone column recognised: guessed Тел. клиента (моб); check mapping.phone.",
      "Sent as fields: Имя, Город",
    ]);
  });

  it("refuses a file with no phone column, naming its headers, as validate does", () => {
    const attempt = () => proposeCampaign(["Имя", "Город"], "clients.csv", { schemaRef: "s.json" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      "clients.csv: no phone column found; the file has: Имя, Город. Name the phone column Телефон and run ctdial init again.",
    );
    expect(() => proposeCampaign([], "clients.csv")).toThrow(
      "clients.csv: no phone column found; the file has: no named columns.",
    );
  });

  it("warns about written fields that look like dates or tags, by header or by sampled cells", () => {
    const samples = [
      ["79991112233", "01.02.2026 10:00", "vip", "Тверь"],
      ["79991112244", "02.02.2026 10:00", "", "Тверь"],
      ["79991112255", "03.02.2026 10:00", "new", "Тверь"],
    ];
    const proposal = proposeCampaign(["Телефон", "Визит", "Метки клиента", "Город"], "clients.csv", {
      schemaRef: "s.json",
      samples,
    });
    expect(proposal.fields).toEqual(["Визит", "Метки клиента", "Город"]);
    expect(proposal.warnings).toEqual([
      "column Визит looks like dates or times but is sent as a plain field, so an impossible date such as 31.02 is not caught; if it says when to call, set mapping.scheduleTime: Визит",
      "column Метки клиента looks like tags but is sent as one plain field; to send them as tags, set mapping.tags: Метки клиента",
    ]);
  });

  it("uses the first of two phone columns and comments out the second", async () => {
    const proposal = proposeCampaign(["Телефон", "Мобильный"], "clients.csv", { schemaRef: "s.json" });
    expect((await loadBack(proposal.yaml)).mapping).toEqual({ phone: "Телефон" });
    expect(proposal.yaml).toContain(
      "  # phone: Мобильный    # also looks like phone; only one column can be used\n",
    );
    expect(proposal.unrecognised).toEqual(["Мобильный"]);
    expect(proposal.summary).toContain("Not used: Мобильный (another column is already phone)");
  });

  it("quotes headers YAML would misread, and they load back exactly", async () => {
    const awkward = ["Имя: клиента", "123", "yes", "#hash", "- dash", "null", "'quote\"", "Телефон"];
    const proposal = proposeCampaign(awkward, "my clients: 2026.csv", { schemaRef: "s.json" });
    const campaign = await loadBack(proposal.yaml);
    expect(campaign.source).toBe("my clients: 2026.csv");
    expect(campaign.mapping?.phone).toBe("Телефон");
    expect(campaign.mapping?.fields).toEqual(Object.fromEntries(awkward.slice(0, 5).map((h) => [h, h])));
  });

  it("writes sheet: when the headers came from a named tab", async () => {
    const proposal = proposeCampaign(["Телефон"], "clients.xlsx", {
      schemaRef: "s.json",
      sheetName: "Лист 2",
    });
    expect((await loadBack(proposal.yaml)).sheet).toBe("Лист 2");
  });

  it("has examples of every optional rule that load once uncommented", async () => {
    const { yaml } = proposeCampaign(["Телефон"], "clients.csv", { schemaRef: "s.json" });
    const lines = yaml.split("\n");
    const examplesFrom = lines.findIndex((line) => line.startsWith("# Optional rules"));
    expect(examplesFrom).toBeGreaterThan(0);
    const uncommented = lines
      .map((line, index) =>
        index > examplesFrom || line.startsWith("# routeKey:") ? line.replace(/^# /, "") : line,
      )
      .join("\n");
    const campaign = await loadBack(uncommented, "uncommented.campaign.yaml");
    expect(campaign).toEqual({
      routeKey: "routekey_1",
      source: "clients.csv",
      mapping: { phone: "Телефон" },
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
});

describe("campaignPathFor", () => {
  it("puts <name>.campaign.yaml beside the source", () => {
    expect(campaignPathFor("/data/clients.csv")).toBe("/data/clients.campaign.yaml");
    expect(campaignPathFor("/data/база.2026.xlsx")).toBe("/data/база.2026.campaign.yaml");
  });

  it("names a Google Sheet's file after the spreadsheet id, in the working directory", () => {
    expect(campaignPathFor("https://docs.google.com/spreadsheets/d/1AbC_d-9/edit#gid=0")).toBe(
      resolve("1AbC_d-9.campaign.yaml"),
    );
  });
});
