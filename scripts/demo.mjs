// `npm run demo`: writes the example client base to campaigns/example.csv and dials it against the
// built-in sandbox. The example has a few bad rows on purpose, so ctdial exits 1 (some rows invalid);
// that is the demo working, not npm failing. Its call times are written relative to today, so the demo
// dials the same rows whatever the date. Each demo uses a fresh journal, so running it again dials again
// instead of resuming.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  console.log(
    "\nThat was the demo: open campaigns/example.csv and its report beside it to see a result for every row.",
  );
  console.log(
    "Try your own file: npx ctdial validate clients.csv, then npx ctdial run clients.csv --sandbox",
  );
  process.exit(0);
}
process.exit(status ?? 1);
