import { fileURLToPath } from "node:url";
import { z } from "zod";
import { campaignSchema } from "./schema.js";

/**
 * The JSON Schema of a campaign file, generated from the zod schema so that the two cannot disagree
 * (a test compares it with the committed schema/campaign.schema.json; `npm run gen:schema` rewrites
 * it). Draft 7, because editors' YAML support (yaml-language-server) reads draft 7 and below; the
 * input side, so that keys with a default are optional.
 */
export function campaignJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(campaignSchema, {
    target: "draft-07",
    io: "input",
    // `.int()` adds ±2^53 bounds that say nothing to a person reading the schema in an editor.
    override: ({ jsonSchema }) => {
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, title: "ctdial campaign", ...rest };
}

/** The committed file's exact text: 2-space JSON and a final newline. */
export function campaignJsonSchemaText(): string {
  return `${JSON.stringify(campaignJsonSchema(), null, 2)}\n`;
}

/** schema/campaign.schema.json of the installed package (from src/campaign/ and dist/campaign/ alike). */
export function bundledSchemaPath(): string {
  return fileURLToPath(new URL("../../schema/campaign.schema.json", import.meta.url));
}
