import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { identityOf } from "../../../src/engine/campaign-state.js";
import { resolveCampaign } from "../../../src/engine/resolve.js";
import { sourceKindOf } from "../../../src/sources/open.js";
import { type SheetsFake, startSheetsFake } from "../../fakes/sheets/server.js";
import { bareEnv } from "../../google-sheets/helpers.js";
import { tempDir } from "../../tidy.js";

let fake: SheetsFake;
let env: NodeJS.ProcessEnv;
const ID = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";
const LINK = `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=77`;

beforeEach(async () => {
  fake = await startSheetsFake();
  fake.add({
    spreadsheetId: ID,
    title: "База",
    timeZone: "Asia/Novosibirsk",
    tabs: [
      { title: "Лист1", rows: [["x"]] },
      { title: "Клиенты", sheetId: 77, rows: [["Телефон"], ["79990000001"]] },
    ],
  });
  env = bareEnv({ GOOGLE_SHEETS_ACCESS_TOKEN: "t", GOOGLE_SHEETS_API_URL: fake.url });
});
afterEach(() => fake.close());

describe("a Google Sheet as a campaign's source", () => {
  it("is recognised by its link or its bare id, never a file name", () => {
    expect(sourceKindOf(LINK)).toBe("sheets");
    expect(sourceKindOf(ID)).toBe("sheets");
    expect(sourceKindOf("clients.csv")).toBe("csv");
  });

  it("reads schedule times in the spreadsheet's time zone unless the campaign names one", async () => {
    const resolved = await resolveCampaign(LINK, {}, env);
    expect(resolved.campaign.timezone).toBe("Asia/Novosibirsk");
    expect(resolved.sheetTab).toMatchObject({ spreadsheetId: ID, sheetId: 77, title: "Клиенты" });
    // The results go back into the sheet unless --report says otherwise.
    expect(resolved.reportPath).toBe(LINK);
    const dir = tempDir("ctdial-camp-");
    writeFileSync(join(dir, "c.campaign.yaml"), `source: "${LINK}"\ntimezone: Europe/Moscow\n`);
    const named = await resolveCampaign(join(dir, "c.campaign.yaml"), { report: join(dir, "r.csv") }, env);
    expect(named.campaign.timezone).toBe("Europe/Moscow");
    expect(named.reportPath).toBe(join(dir, "r.csv"));
  });

  it("is one campaign by spreadsheet id + tab id + routeKey, whatever the tab and the file are called", async () => {
    const before = identityOf(await resolveCampaign(LINK, { routeKey: "rk" }, env));
    fake.tab(ID, "Клиенты").title = "Старые клиенты";
    fake.spreadsheets.get(ID)!.title = "Архив";
    const after = identityOf(await resolveCampaign(LINK, { routeKey: "rk" }, env));
    expect(after.id).toBe(before.id);
    expect(after.name).toBe("Архив / Старые клиенты");
    const byTitle = identityOf(await resolveCampaign(ID, { routeKey: "rk", sheet: "Старые клиенты" }, env));
    expect(byTitle.id).toBe(before.id);
    expect(identityOf(await resolveCampaign(LINK, { routeKey: "other" }, env)).id).not.toBe(before.id);
    expect(identityOf(await resolveCampaign(ID, { routeKey: "rk" }, env)).id).not.toBe(before.id);
  });
});
