import { describe, expect, it } from "vitest";
import { noPhoneColumnProblem } from "../../src/campaign/header-list.js";
import type { Mapping } from "../../src/campaign/schema.js";
import { ConfigError, errorSentence } from "../../src/errors.js";
import { headerKey, resolveColumns } from "../../src/mapping/columns.js";

const HEADERS = [" Телефон ", "Имя", "Город", "Источник", "Теги", "Отдел", "Время звонка"];

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("resolveColumns", () => {
  it("finds headers trimmed, case-insensitively, with ё = е and the header as written in the file", () => {
    const mapping: Mapping = {
      phone: "телефон",
      fields: { Имя: "  ИМЯ ", Город: "город" },
      utmSource: "источник",
      tags: "ТЕГИ",
      unitId: "Отдёл",
      scheduleTime: "время  звонка",
    };
    expect(resolveColumns(HEADERS, mapping)).toEqual({
      phone: { header: "Телефон", index: 0 },
      fields: [
        { name: "Имя", header: "Имя", index: 1 },
        { name: "Город", header: "Город", index: 2 },
      ],
      utmSource: { header: "Источник", index: 3 },
      tags: { header: "Теги", index: 4 },
      unitId: { header: "Отдел", index: 5 },
      scheduleTime: { header: "Время звонка", index: 6 },
    });
  });

  it("compares headers in NFC, so a decomposed й (as macOS writes it) matches", () => {
    expect(headerKey("Серии\u0306")).toBe(headerKey("Серий"));
  });

  it("reports every missing header at once, naming the headers the file has", () => {
    const mapping: Mapping = { phone: "Phone number", fields: { Имя: "ФИО" }, sessionId: "Сессия" };
    const problems = problemsOf(() => resolveColumns(["Имя", "Phone", "Город"], mapping));
    expect(problems).toEqual([
      'mapping.phone: no column named "Phone number"; the file has: Имя, Phone, Город',
      'mapping.fields.Имя: no column named "ФИО"; the file has: Имя, Phone, Город',
      'mapping.sessionId: no column named "Сессия"; the file has: Имя, Phone, Город',
    ]);
  });

  it("says which columns are ambiguous when two headers match one name", () => {
    const problems = problemsOf(() => resolveColumns(["Телефон", "Имя", "ТЕЛЕФОН"], { phone: "Телефон" }));
    expect(problems).toEqual([
      'mapping.phone: 2 columns match "Телефон" (columns 1 and 3); rename one of them',
    ]);
  });

  it("refuses more than 5 fields as a configuration problem", () => {
    const headers = ["Телефон", "a", "b", "c", "d", "e", "f"];
    const fields = { a: "a", b: "b", c: "c", d: "d", e: "e", f: "f" };
    expect(problemsOf(() => resolveColumns(headers, { phone: "Телефон", fields }))).toEqual([
      "mapping.fields: 6 fields; Calltouch accepts at most 5",
    ]);
    const five = { a: "a", b: "b", c: "c", d: "d", e: "e" };
    expect(resolveColumns(headers, { phone: "Телефон", fields: five }).fields).toHaveLength(5);
  });

  it("counts defaults.fields without a column towards the 5", () => {
    const headers = ["Телефон", "a", "b", "c", "d", "e"];
    const fields = { a: "a", b: "b", c: "c", d: "d", e: "e" };
    expect(
      problemsOf(() =>
        resolveColumns(headers, { phone: "Телефон", fields }, { fields: { a: "x", Менеджер: "Ольга" } }),
      ),
    ).toEqual(["mapping.fields: 6 fields (with defaults.fields); Calltouch accepts at most 5"]);
  });

  it("names the headers that are there when the mapping has no phone column", () => {
    const mapping = { phone: "" } as Mapping;
    expect(problemsOf(() => resolveColumns(["Имя", "Город"], mapping))).toEqual([
      "no phone column found; the file has: Имя, Город. Name the phone column Телефон or set mapping.phone",
    ]);
    expect(noPhoneColumnProblem([])).toBe(
      "no phone column found; the file has: no named columns. Name the phone column Телефон or set mapping.phone",
    );
  });

  it("lists at most 20 headers and counts the rest", () => {
    const headers = Array.from({ length: 23 }, (_, i) => `c${i + 1}`);
    const [problem] = problemsOf(() => resolveColumns(headers, { phone: "Телефон" }));
    expect(problem).toBe(
      `mapping.phone: no column named "Телефон"; the file has: ${headers.slice(0, 20).join(", ")} and 3 more`,
    );
  });

  it("puts the problems under one sentence in the error message", () => {
    expect(() => resolveColumns(["Имя"], { phone: "Телефон" })).toThrow(
      'The campaign\'s mapping does not match the columns of the file\n  mapping.phone: no column named "Телефон"; the file has: Имя',
    );
  });
});

describe("resolveColumns on a ctdial report read back as a source", () => {
  const REPORT = ["Телефон", "Имя", "ctdial_status", "ctdial_error"];

  it("never maps a ctdial_* column, saying it is not in the file", () => {
    const problems = problemsOf(() =>
      resolveColumns(REPORT, { phone: "Телефон", fields: { Ошибка: "ctdial_error" } }),
    );
    expect(problems).toEqual([
      'mapping.fields.Ошибка: no column named "ctdial_error"; the file has: Телефон, Имя',
    ]);
  });

  it("maps the data columns at their places in the row, and knows the report's status column", () => {
    expect(resolveColumns(REPORT, { phone: "Телефон", fields: { Имя: "Имя" } })).toEqual({
      phone: { header: "Телефон", index: 0 },
      fields: [{ header: "Имя", index: 1, name: "Имя" }],
      report: { status: { header: "ctdial_status", index: 2 } },
    });
  });
});

describe("resolveColumns in Russian", () => {
  it("words every problem of the mapping in the user's language, with the stable code E_CONFIG", () => {
    let caught: unknown;
    try {
      resolveColumns(["Имя", "Телефон", "ТЕЛЕФОН"], { phone: "Телефон", fields: { Город: "Город" } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.code).toBe("E_CONFIG");
    expect(errorSentence("ru", error)).toBe(
      [
        "Сопоставление колонок в кампании не подходит к колонкам файла",
        "mapping.phone: под «Телефон» подходят 2 колонки (2 и 3); переименуйте лишние",
        "mapping.fields.Город: нет колонки «Город»; в файле есть: Имя, Телефон, ТЕЛЕФОН",
      ].join("\n  "),
    );
  });
});
