import { describe, expect, it } from "vitest";
import { collectTags } from "../../src/mapping/tags.js";
import { english } from "../english.js";

describe("collectTags", () => {
  it.each<[string | undefined, string[] | undefined, string[]]>([
    ["vip, горячий; москва", undefined, ["vip", "горячий", "москва"]],
    [" a ,, ;b; ", undefined, ["a", "b"]],
    ["a\nb\r\nc", undefined, ["a", "b", "c"]],
    ["vip", ["prozvon"], ["vip", "prozvon"]],
    [undefined, ["prozvon", " база "], ["prozvon", "база"]],
    ["VIP, vip, Prozvon", ["prozvon", "vip"], ["VIP", "Prozvon"]],
    ["", undefined, []],
  ])("%j + defaults %j -> %j", (cell, defaults, tags) => {
    expect(english(collectTags(cell, defaults))).toEqual({ ok: true, tags });
  });

  it("accepts 10 tags and refuses 11", () => {
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(english(collectTags(ten.join(","), undefined))).toEqual({ ok: true, tags: ten });
    expect(english(collectTags([...ten, "t10"].join(","), undefined))).toEqual({
      ok: false,
      message: "11 tags; Calltouch accepts at most 10",
      fromCell: true,
    });
  });

  it("says how many tags came from defaults.tags when they push the row over 10", () => {
    const nine = Array.from({ length: 9 }, (_, i) => `t${i}`).join(";");
    expect(english(collectTags(nine, ["prozvon", "база", "T0"]))).toEqual({
      ok: false,
      message: "11 tags (9 in the cell and 2 from defaults.tags); Calltouch accepts at most 10",
      fromCell: true,
    });
  });

  it("refuses a tag over 100 characters and accepts one of exactly 100", () => {
    expect(english(collectTags("x".repeat(100), undefined))).toEqual({ ok: true, tags: ["x".repeat(100)] });
    expect(english(collectTags(`ok, ${"я".repeat(101)}`, undefined))).toEqual({
      ok: false,
      message: `tag "${"я".repeat(39)}…" is 101 characters; Calltouch accepts at most 100`,
      fromCell: true,
    });
  });

  it("blames defaults.tags, not the cell, for a default tag that is too long", () => {
    expect(english(collectTags("vip", ["y".repeat(120)]))).toEqual({
      ok: false,
      message: `defaults.tags: tag "${"y".repeat(39)}…" is 120 characters; Calltouch accepts at most 100`,
      fromCell: false,
    });
  });
});
