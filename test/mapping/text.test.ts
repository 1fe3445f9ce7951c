import { describe, expect, it } from "vitest";
import { cellToText } from "../../src/mapping/text.js";
import type { Cell } from "../../src/sources/types.js";

describe("cellToText: a cell as the text a person sees", () => {
  it.each<[Cell | undefined, string | undefined]>([
    [null, undefined],
    [undefined, undefined],
    ["   ", undefined],
    ["  Иван  ", "Иван"],
    ["строка 1\nстрока 2", "строка 1\nстрока 2"],
    [79991234501, "79991234501"],
    [0.1 + 0.2, "0.3"],
    [1234.5, "1234.5"],
    [2 ** 60, "1152921504606846976"],
    [true, "TRUE"],
    [false, "FALSE"],
    [{ type: "date", wallClock: "2026-02-01T17:10:05" }, "01.02.2026 17:10:05"],
    [{ type: "date", wallClock: "1985-07-14T00:00:00" }, "14.07.1985"],
    [{ type: "error", text: "#N/A" }, "#N/A"],
  ])("%j -> %j", (cell, text) => {
    expect(cellToText(cell)).toBe(text);
  });
});
