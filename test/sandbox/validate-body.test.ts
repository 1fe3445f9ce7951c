import { describe, expect, it } from "vitest";
import { validateBody } from "../../src/sandbox/validate-body.js";

const ok = { routeKey: "routekey_1", phone: "79992223344" };
const check = (body: unknown) => validateBody(typeof body === "string" ? body : JSON.stringify(body));
const paths = (body: unknown) => {
  const result = check(body);
  return result.kind === "violations" ? result.violations.map((v) => v.propertyPath) : result.kind;
};

describe("validateBody", () => {
  it("accepts the minimal body and the full one", () => {
    expect(check(ok)).toEqual({ kind: "ok", body: ok });
    const full = {
      ...ok,
      fields: [{ name: "Имя", value: "Иван" }],
      sessionId: "123456",
      scheduleTime: "2021-02-01 17:10:00",
      utmSource: "base",
      callUrl: "https://example.ru/",
      tags: ["a", "b"],
      unitId: 112233,
    };
    expect(check(full).kind).toBe("ok");
    expect(check({ ...ok, scheduleTime: "01-02-2021 17:10:00" }).kind).toBe("ok");
  });

  it.each(["", "  ", "{", "[]", "42", '"x"', "null"])("%j is a syntax error (code 1)", (raw) => {
    expect(validateBody(raw)).toEqual({ kind: "syntax" });
  });

  it("reports every missing required field at once", () => {
    expect(paths({})).toEqual(["routeKey", "phone"]);
    expect(paths({ routeKey: "", phone: null })).toEqual(["routeKey", "phone"]);
  });

  it("checks lengths in characters, not bytes", () => {
    expect(paths({ ...ok, routeKey: "ж".repeat(255) })).toBe("ok");
    expect(paths({ ...ok, routeKey: "ж".repeat(256) })).toEqual(["routeKey"]);
    expect(paths({ ...ok, sessionId: "1".repeat(101) })).toEqual(["sessionId"]);
  });

  it("checks fields: at most 5, name and value 1..255", () => {
    const field = { name: "n", value: "v" };
    expect(paths({ ...ok, fields: Array(6).fill(field) })).toEqual(["fields"]);
    expect(
      paths({ ...ok, fields: [{ name: "", value: "v" }, { name: "n", value: "x".repeat(256) }, "x"] }),
    ).toEqual(["fields[0].name", "fields[1].value", "fields[2]"]);
    expect(paths({ ...ok, fields: { name: "n" } })).toEqual(["fields"]);
  });

  it("checks tags: at most 10, each 1..100", () => {
    expect(paths({ ...ok, tags: Array(11).fill("t") })).toEqual(["tags"]);
    expect(paths({ ...ok, tags: ["x".repeat(101), 5] })).toEqual(["tags[0]", "tags[1]"]);
  });

  it("checks types: unitId an integer, strings as strings, scheduleTime's shape", () => {
    expect(paths({ ...ok, unitId: 1.5 })).toEqual(["unitId"]);
    expect(paths({ ...ok, unitId: "12" })).toEqual(["unitId"]);
    expect(paths({ ...ok, phone: 79992223344, utmSource: ["a"] })).toEqual(["phone", "utmSource"]);
    expect(paths({ ...ok, scheduleTime: "01.02.2021 17:10" })).toEqual(["scheduleTime"]);
  });

  it("writes Russian messages", () => {
    const result = check({ routeKey: "x".repeat(256), phone: "" });
    expect(result).toEqual({
      kind: "violations",
      violations: [
        {
          propertyPath: "routeKey",
          message: "Значение слишком длинное. Должно быть равно 255 символам или меньше.",
        },
        { propertyPath: "phone", message: "Значение не должно быть пустым." },
      ],
    });
  });
});
