import { describe, expect, it } from "vitest";
import { exampleWorkdir } from "./cli.js";
import { runInPty } from "./pty.js";
import { startSandboxProcess } from "./sandbox-process.js";

/**
 * The question before real requests leave (a terminal, no --yes): it says how many rows are about to
 * go, and declining it sends nothing and exits 2 ("nothing was sent"), like every other exit 2.
 */
const TOKEN = "ct-confirm-token-8b2f4a";
// 30 of the example's 37 rows are sendable; on a loaded machine the count may still be running.
const QUESTION =
  /Send (30 rows of example\.csv \(37 in the file\)|the unsent rows of example\.csv \((about \d+ in the file; )?still counting\)) to 127\.0\.0\.1:\d+ \(routeKey routekey_demo\)\? \[y\/N\]/;

describe.each([
  ["n", "n\r"],
  ["Ctrl+C", "\x03"],
  ["Ctrl+D", "\x04"],
])("answering %s to the question", (_name, answer) => {
  it("sends nothing, says so and exits 2", async () => {
    const sandbox = await startSandboxProcess();
    try {
      const dir = exampleWorkdir();
      const result = await runInPty(["run", "example.csv"], {
        cwd: dir,
        cols: 120,
        env: { CALLTOUCH_TOKEN: TOKEN, CALLTOUCH_API_URL: sandbox.url },
        actions: [{ when: /\[y\/N\]/, send: answer }],
      });
      expect(result.timedOut).toBe(false);
      expect(result.output).toMatch(QUESTION);
      expect(result.code).toBe(2);
      expect(result.output).toContain("ctdial: nothing was sent: the run was not confirmed");
      expect(result.output).not.toContain(TOKEN);
    } finally {
      const log = await sandbox.stop();
      expect(log).not.toContain(" -> ");
    }
  });
});

describe("answering y", () => {
  it("sends", async () => {
    const sandbox = await startSandboxProcess(["--quiet"]);
    try {
      const dir = exampleWorkdir();
      const result = await runInPty(["run", "example.csv"], {
        cwd: dir,
        cols: 120,
        env: { CALLTOUCH_TOKEN: TOKEN, CALLTOUCH_API_URL: sandbox.url },
        actions: [{ when: /\[y\/N\]/, send: "y\r" }],
      });
      expect(result.output).toMatch(QUESTION);
      expect(result.code).toBe(1);
      expect(result.output).toContain("37 rows: sent 30, skipped 1, invalid 6");
    } finally {
      await sandbox.stop();
    }
  });
});
