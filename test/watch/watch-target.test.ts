import { describe, expect, it } from "vitest";
import { watchTargetKind } from "../../src/cli/watch-target.js";

describe("what ctdial watch follows", () => {
  it.each([
    ["campaigns", "folder"],
    ["/srv/dialing/campaigns", "folder"],
    ["C:\\\\Users\\\\op\\\\campaigns", "folder"],
    ["docs.google.com", "folder"],
    ["https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0", "sheet"],
    ["http://DOCS.google.com/spreadsheets/d/1AbC", "sheet"],
    ["docs.google.com/spreadsheets/d/1AbC/edit#gid=0", "sheet"],
  ] as const)("%s is a %s", (target, kind) => {
    expect(watchTargetKind(target)).toBe(kind);
  });
});
