import { describe, expect, it } from "vitest";
import { parseUnitId } from "../../src/mapping/unit-id.js";
import type { Cell } from "../../src/sources/types.js";
import { english } from "../english.js";

describe("parseUnitId", () => {
  it.each<[Cell, number]>([
    ["112233", 112233],
    [112233, 112233],
    [" 112233 ", 112233],
    ["112 233", 112233],
    ["112\u00a0233", 112233],
    [0, 0],
  ])("%j -> %d", (cell, unitId) => {
    expect(english(parseUnitId(cell))).toEqual({ ok: true, unitId });
  });

  it.each<[Cell, string]>([
    ["12.5", '"12.5"'],
    ["abc", '"abc"'],
    ["-5", '"-5"'],
    ["11 22", '"11 22"'],
    ["99999999999999999999", '"99999999999999999999"'],
    [12.5, "12.5"],
    [-3, "-3"],
    [true, '"TRUE"'],
    [{ type: "date", wallClock: "2026-02-01T00:00:00" }, '"01.02.2026"'],
  ])("%j is refused", (cell, shown) => {
    expect(english(parseUnitId(cell))).toEqual({
      ok: false,
      message: `expected a whole number (the department's unitId), got ${shown}`,
    });
  });
});
