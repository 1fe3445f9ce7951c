import { describe, expect, it } from "vitest";
import { parseCampaignText } from "../../src/campaign/parse-text.js";
import { ConfigError } from "../../src/errors.js";

function messageOf(text: string): string {
  try {
    parseCampaignText(text, "yaml", "clients.campaign.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

const UNDER_MAPPING =
  "the indentation of this line does not match the lines above; indent the keys under mapping: by the same number of spaces (no tabs).";

describe("YAML indentation errors in plain words", () => {
  it("a key indented one space deeper than its siblings: points at that line, not the one above", () => {
    expect(messageOf("routeKey: abc\nmapping:\n  phone: Телефон\n   fields: x\n")).toBe(
      `clients.campaign.yaml:4:1: ${UNDER_MAPPING}`,
    );
  });

  it("a key indented less than its siblings, also after blank lines and comments", () => {
    expect(messageOf("routeKey: abc\nmapping:\n  phone: Телефон\n fields: x\n")).toBe(
      `clients.campaign.yaml:4:1: ${UNDER_MAPPING}`,
    );
    expect(messageOf("# c\nrouteKey: abc\n\nmapping:\n  phone: Телефон # x\n\n     utmSource: x\n")).toBe(
      `clients.campaign.yaml:7:1: ${UNDER_MAPPING}`,
    );
  });

  it("names the nearest mapping the line belongs to", () => {
    expect(messageOf("mapping:\n  phone: a\n  fields:\n    Имя: b\n   Город: c\n")).toBe(
      "clients.campaign.yaml:5:1: the indentation of this line does not match the lines above; indent the keys under fields: by the same number of spaces (no tabs).",
    );
  });

  it("a top-level key with spaces before it", () => {
    expect(messageOf("routeKey: abc\n  mapping: x\n")).toBe(
      "clients.campaign.yaml:2:1: the indentation of this line does not match the lines above; top-level keys start at the beginning of the line, with no spaces before them.",
    );
  });

  it("a tab used for indentation", () => {
    expect(messageOf("routeKey: abc\nmapping:\n\tphone: x\n")).toBe(
      "clients.campaign.yaml:3:1: this line is indented with a tab, and YAML allows only spaces; replace the tab by spaces, as many as the lines above it use.",
    );
  });

  it("other syntax errors keep the parser's words with line and column", () => {
    expect(messageOf("a: [1, 2\nb: 3\n")).toMatch(
      /^clients\.campaign\.yaml:2:1: not valid YAML: Flow sequence/,
    );
  });
});
