import { describe, expect, it } from "vitest";
import { REPORT_COLUMNS } from "../../../src/report-columns.js";
import { resultValues } from "../../../src/sinks/sheet/cells.js";

const ERROR_AT = REPORT_COLUMNS.indexOf("ctdial_error");

describe("the results written beside a sheet's rows", () => {
  const invalid = {
    status: "invalid",
    problems: [{ column: "Телефон", problem: { code: "rowsPhoneEmpty", params: {} } }],
  } as const;

  it("word ctdial_error in the language asked for, English by default", () => {
    expect(resultValues(invalid)[ERROR_AT]).toBe("column Телефон: phone is empty");
    const russian = String(resultValues(invalid, undefined, "ru")[ERROR_AT]);
    expect(russian).toMatch(/^колонка Телефон: /);
    expect(russian).not.toMatch(/phone is empty/);
    // The status stays the word scripts and filters look for.
    expect(resultValues(invalid, undefined, "ru")[0]).toBe("invalid");
  });
});
