import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { campaignJsonSchema, campaignJsonSchemaText } from "../../src/campaign/json-schema.js";

type Node = { properties?: Record<string, Node>; description?: string; [key: string]: unknown };

/** Every property path whose schema has no description (what an editor shows on hover). */
function undescribed(node: Node, path: string): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => [
    ...(typeof child.description === "string" && child.description !== "" ? [] : [`${path}${key}`]),
    ...undescribed(child, `${path}${key}.`),
  ]);
}

describe("campaign JSON Schema", () => {
  it("is the committed schema/campaign.schema.json", async () => {
    const committed = await readFile("schema/campaign.schema.json", "utf8");
    expect(committed, "schema/campaign.schema.json is out of date: run npm run gen:schema").toBe(
      campaignJsonSchemaText(),
    );
  });

  it("is draft 7 with a title and a description, for editors", () => {
    const schema = campaignJsonSchema();
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.title).toBe("ctdial campaign");
    expect(schema.description).toMatch(/^A ctdial campaign/);
  });

  it("describes every key at every level", () => {
    expect(undescribed(campaignJsonSchema() as Node, "")).toEqual([]);
  });

  it("refuses unknown keys at every level, as ctdial does", () => {
    const schema = campaignJsonSchema() as Node;
    const groups = ["", "mapping", "callWindow", "defaults"];
    for (const group of groups) {
      const node = group === "" ? schema : schema.properties?.[group];
      expect(node?.additionalProperties, group || "top level").toBe(false);
    }
  });

  it("leaves keys with a default optional, and requires only mapping.phone", () => {
    const schema = campaignJsonSchema() as Node;
    expect(schema.required).toBeUndefined();
    expect(schema.properties?.mapping?.required).toEqual(["phone"]);
    expect(schema.properties?.rate?.default).toBe(5);
  });
});
