import { describe, expect, it } from "vitest";
import { REPORT_COLUMNS } from "../../src/report-columns.js";
import { reportLayout } from "../../src/sinks/layout.js";

const report = ["sent", null, null, 77, "2026-03-01T10:00:00+03:00", 1, "79991234501"];

describe("reportLayout", () => {
  it("adds the report columns at the right of the source's", () => {
    const layout = reportLayout(["Телефон", "Имя"]);
    expect(layout.headers).toEqual(["Телефон", "Имя", ...REPORT_COLUMNS]);
    expect(layout.arrange(["79991234501", "Иван"], report)).toEqual(["79991234501", "Иван", ...report]);
  });

  it("pads a short row so the report values stay under their headers", () => {
    const layout = reportLayout(["Телефон", "Имя", "Город"]);
    expect(layout.arrange(["79991234501"], report)).toEqual(["79991234501", null, null, ...report]);
  });

  it("keeps a ragged row's extra cells after the report columns", () => {
    const layout = reportLayout(["Телефон"]);
    expect(layout.arrange(["79991234501", "лишнее", 5], report)).toEqual([
      "79991234501",
      ...report,
      "лишнее",
      5,
    ]);
  });

  it("fills a reused array with nothing left over from a longer row before it", () => {
    const layout = reportLayout(["Телефон", "Имя", "Город"]);
    const into: (string | number | null)[] = [];
    expect(layout.arrange(["79991234501", "Иван", "Казань", "лишнее", 5], report, into)).toBe(into);
    expect(into).toEqual(["79991234501", "Иван", "Казань", ...report, "лишнее", 5]);
    layout.arrange(["79991234502"], ["would-send", null, null, null, null, null, null], into);
    expect(into).toEqual(["79991234502", null, null, "would-send", null, null, null, null, null, null]);
  });

  it("replaces the values of a previous report's columns instead of adding them again", () => {
    const layout = reportLayout(["Телефон", ...REPORT_COLUMNS, "Комментарий"]);
    expect(layout.headers).toEqual(["Телефон", ...REPORT_COLUMNS, "Комментарий"]);
    const old = ["invalid", null, "column Телефон: wrong length", null, null, null, null];
    expect(layout.arrange(["79991234501", ...old, "перезвонить"], report)).toEqual([
      "79991234501",
      ...report,
      "перезвонить",
    ]);
  });

  it("matches report columns trimmed and case-insensitively, and adds only the missing ones", () => {
    const layout = reportLayout(["Телефон", " CTDIAL_STATUS ", "ctdial_error"]);
    expect(layout.headers).toEqual([
      "Телефон",
      " CTDIAL_STATUS ",
      "ctdial_error",
      "ctdial_error_code",
      "ctdial_request_id",
      "ctdial_sent_at",
      "ctdial_attempts",
      "ctdial_phone",
    ]);
    const failed = ["failed", 10013, "Номер телефона невалиден", null, null, 1, "79991234501"];
    expect(layout.arrange(["79991234501", "would-send", null], failed)).toEqual([
      "79991234501",
      "failed",
      "Номер телефона невалиден",
      10013,
      null,
      null,
      1,
      "79991234501",
    ]);
  });
});
