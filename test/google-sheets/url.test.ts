import { describe, expect, it } from "vitest";
import { looksLikeSheet, parseSheetLocation } from "../../src/google-sheets/url.js";
import { sourceKindOf } from "../../src/sources/open.js";

const ID = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";

describe("Google Sheets links as users copy them", () => {
  it.each([
    [`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=123`, 123],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit?gid=0#gid=0`, 0],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit?gid=55`, 55],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=77&range=B4`, 77],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit?usp=sharing`, undefined],
    [`https://docs.google.com/spreadsheets/d/${ID}/htmlview`, undefined],
    [`https://docs.google.com/spreadsheets/d/${ID}`, undefined],
    [`https://docs.google.com/spreadsheets/u/1/d/${ID}/edit#gid=9`, 9],
    [`  ${ID}  `, undefined],
    // Copied without its scheme (some browsers hide it), or typed.
    [`docs.google.com/spreadsheets/d/${ID}/edit#gid=4`, 4],
    [`www.docs.google.com/spreadsheets/d/${ID}/edit`, undefined],
  ])("%s", (link, gid) => {
    expect(looksLikeSheet(link)).toBe(true);
    expect(parseSheetLocation(link)).toEqual(
      gid === undefined ? { spreadsheetId: ID } : { spreadsheetId: ID, gid },
    );
  });

  it("takes a link without https:// for a sheet, not for a file name", () => {
    expect(sourceKindOf(`docs.google.com/spreadsheets/d/${ID}/edit#gid=4`)).toBe("sheets");
    expect(sourceKindOf(`docs.google.com/spreadsheets/d/${ID}/edit?usp=sharing.csv`)).toBe("sheets");
    expect(sourceKindOf("clients.csv")).toBe("csv");
    expect(looksLikeSheet("docs.google.com.csv")).toBe(false);
  });

  it("does not take a file name for an id", () => {
    expect(looksLikeSheet("clients.csv")).toBe(false);
    expect(looksLikeSheet("./my-very-long-client-base-file-name-2026.xlsx")).toBe(false);
  });

  it("refuses a publish-to-the-web link and a link to another site, saying what to copy instead", () => {
    expect(() => parseSheetLocation("https://docs.google.com/spreadsheets/d/e/2PACX-1vQabc/pubhtml")).toThrow(
      /"Publish to the web" link.*copy the link from the browser's address bar/,
    );
    expect(() => parseSheetLocation("https://drive.google.com/file/d/abc/view")).toThrow(
      /is not a Google Sheets link; copy the link/,
    );
  });
});
