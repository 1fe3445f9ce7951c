import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { makeSpoolDir, removeSpoolDir } from "../../../src/sources/xlsx/spool-dir.js";
import { tempDir } from "../../tidy.js";

// The exit hook is seen from a process of its own; `npm test` builds dist/ before the tests run.
const MODULE = pathToFileURL(join(process.cwd(), "dist/sources/xlsx/spool-dir.js")).href;

describe("the folder worksheet parts are spooled to", () => {
  it("is removed by its reader", async () => {
    const dir = await makeSpoolDir();
    expect(existsSync(dir)).toBe(true);
    await removeSpoolDir(dir);
    expect(existsSync(dir)).toBe(false);
  });

  it("is removed at exit when the process ends while a reader still holds it (Ctrl+C)", () => {
    const tmp = tempDir("ctdial-spool-");
    const script = `const { makeSpoolDir } = await import(${JSON.stringify(MODULE)}); await makeSpoolDir(); process.exit(3);`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, TMPDIR: tmp },
    });
    expect(child.status, child.stderr.toString()).toBe(3);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
