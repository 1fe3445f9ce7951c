// Writes schema/campaign.schema.json from the zod schema in src/campaign/schema.ts, through the built
// dist/ (Node 20 cannot run TypeScript): `npm run gen:schema` builds first. test/campaign/json-schema.test.ts
// fails when the committed file and the schema disagree.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";

const built = new URL("../dist/campaign/json-schema.js", import.meta.url);
if (!existsSync(built)) {
  console.error(
    "dist/campaign/json-schema.js is missing; run npm run build first (npm run gen:schema does).",
  );
  process.exit(2);
}
const { bundledSchemaPath, campaignJsonSchemaText } = await import(built.href);
const target = bundledSchemaPath();
await mkdir(new URL("../schema/", import.meta.url), { recursive: true });
await writeFile(target, campaignJsonSchemaText(), "utf8");
console.log(`wrote ${target}`);
