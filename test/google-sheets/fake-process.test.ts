import { describe, expect, it } from "vitest";
import { startSheetsFakeProcess } from "../fakes/sheets/spawn.js";

describe("the Sheets fake as its own process", () => {
  it("starts, takes a spreadsheet over /__fake and reports what it holds", async () => {
    const fake = await startSheetsFakeProcess();
    try {
      await fake.add({
        spreadsheetId: "p1",
        tabs: [{ title: "Лист1", rows: [["Телефон"], ["79991234501"]] }],
      });
      await fake.edit({
        op: "insert",
        spreadsheetId: "p1",
        title: "Лист1",
        before: 2,
        rows: [["79990000000"]],
      });
      const tab = await fake.tab("p1", "Лист1");
      expect(tab.rows).toEqual([["Телефон"], ["79990000000"], ["79991234501"]]);
      const res = await fetch(new URL("v4/spreadsheets/p1", fake.url), {
        headers: { authorization: "Bearer t" },
      });
      expect(res.status).toBe(200);
      expect(await fake.requests()).toHaveLength(1);
    } finally {
      await fake.stop();
    }
  });
});
