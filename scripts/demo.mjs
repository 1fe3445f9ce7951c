// `npm run demo`: writes the example client base to campaigns/example.csv and dials it against the
// built-in sandbox. The example has a few bad rows on purpose, so ctdial exits 1 (some rows invalid);
// that is the demo working, not npm failing. Its call times are written relative to today, so the demo
// dials the same rows whatever the date. Each demo uses a fresh journal, so running it again dials again
// instead of resuming.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { langOfProcess } from "../dist/cli/lang.js";
import { words } from "../dist/i18n/catalog.js";
import { exampleClientsCsv } from "../dist/sandbox/example-clients.js";

writeFileSync("campaigns/example.csv", exampleClientsCsv(Date.now()));
const stateDir = mkdtempSync(join(tmpdir(), "ctdial-demo-"));
const args = ["dist/cli.js", "run", "campaigns/example.csv", "--sandbox", "--yes", "--state-dir", stateDir];
let status;
try {
  ({ status } = spawnSync(process.execPath, args, { stdio: "inherit" }));
} finally {
  rmSync(stateDir, { recursive: true, force: true });
}
if (status === 0 || status === 1) {
  // In the language ctdial itself just spoke (--lang is not passed to the demo: CTDIAL_LANG, the locale).
  const say = words(langOfProcess([], process.env));
  console.log(`\n${say.cliDemoDone({ source: "campaigns/example.csv" })}`);
  console.log(say.cliDemoTry());
  process.exit(0);
}
process.exit(status ?? 1);
