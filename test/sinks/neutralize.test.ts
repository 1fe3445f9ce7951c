import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutralizeFormula } from "../../src/sinks/neutralize.js";

describe("neutralizeFormula", () => {
  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["=cmd|'/c calc'!A1", "'=cmd|'/c calc'!A1"],
    ["+7 999 222-33-44", "'+7 999 222-33-44"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["\0=1", "'\0=1"],
    ["-", "'-"],
  ])("puts an apostrophe before %j", (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
  });

  it.each([
    "-1",
    "-5",
    "+79992223344",
    "-1,5",
    "-0.25",
    "+.5",
    "-2e3",
    "Иван",
    "",
    "a=b",
    " =1",
    "8 999 222-33-44",
    "'=already",
  ])("leaves %j as it is", (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });

  it("never lets text start with a formula sign unless it is a plain number, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("=", "+", "-", "@", "\t", "\r", "", "7"), (tail, head) => {
        const text = head + tail;
        const out = neutralizeFormula(text);
        expect(neutralizeFormula(out)).toBe(out);
        if (out === text) {
          expect(/^[=+\-@\t\r\0]/.test(text) ? /^[+-][\d.,]/.test(text) : true).toBe(true);
        } else {
          expect(out).toBe(`'${text}`);
        }
      }),
    );
  });
});
