import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The whole run gets its own temporary folder and its own XDG state folder, which every test process
 * and every ctdial it starts inherits through the environment: so no test can touch the machine's
 * real ~/.local/state/ctdial, and anything a test (or the product under test) forgets to remove is
 * found here at the end, named, and fails the run instead of piling up in /tmp.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "ctdial-test-run-"));
  const temp = join(root, "tmp");
  const state = join(root, "state");
  mkdirSync(temp);
  mkdirSync(state);
  const before = {
    TMPDIR: process.env.TMPDIR,
    XDG_STATE_HOME: process.env.XDG_STATE_HOME,
    CTDIAL_LANG: process.env.CTDIAL_LANG,
  };
  process.env.TMPDIR = temp;
  process.env.XDG_STATE_HOME = state;
  // Tests expect the words they name: English unless a test asks for another language itself (a
  // developer's ru_RU locale must not turn the suite's expected sentences Russian).
  process.env.CTDIAL_LANG = "en";
  return () => {
    const left = [
      ...readdirSync(temp).map((name) => join("$TMPDIR", name)),
      ...readdirSync(state).map((name) => join("$XDG_STATE_HOME", name)),
    ];
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(root, { recursive: true, force: true, maxRetries: 5 });
    if (left.length > 0) {
      // vitest reports an error thrown here but still exits 0: the exit code must say it too.
      process.exitCode = 1;
      throw new Error(
        `tests left ${left.length} file(s) behind (removed now; each test must remove what it makes): ${left.slice(0, 20).join(", ")}`,
      );
    }
  };
}
