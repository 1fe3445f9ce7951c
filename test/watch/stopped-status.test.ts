import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatStatus } from "../../src/cli/watch-status.js";
import { createRateLimiter } from "../../src/dispatch/rate-limiter.js";
import { serveFolder } from "../../src/watch/service.js";
import { scriptedClient } from "../dispatch/fake-client.js";
import { tempDir } from "../tidy.js";

describe("STATUS.txt when the folder service ends with an error", () => {
  it("says STOPPED at a time, with the error, instead of the state it was in", async () => {
    const dir = tempDir("ctdial-stopped-");
    const folder = join(dir, "campaigns");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.csv"), "Телефон\r\n+7 916 000-00-01\r\n");
    // The sender lock's folder cannot be made (a file stands where it would go): a fatal error.
    writeFileSync(join(dir, "blocked"), "");
    const { client } = scriptedClient();
    const run = serveFolder({
      dir: folder,
      stateDir: join(dir, "state"),
      lockDir: join(dir, "blocked", "state"),
      waitForLock: true,
      campaign: { routeKey: "rk" },
      env: {},
      client,
      token: "t",
      limiter: createRateLimiter({ rate: 5 }),
      onEvent: () => undefined,
      words: { status: (view) => formatStatus(view, "UTC"), errorNote: () => "", exitCodeOf: () => 0 },
      signal: new AbortController().signal,
      once: false,
      quietMs: 10,
      scanMs: 20,
    });
    await expect(run).rejects.toThrow();
    const status = join(folder, "STATUS.txt");
    expect(existsSync(status)).toBe(true);
    const first = readFileSync(status, "utf8").split("\r\n")[0];
    expect(first).toMatch(
      /^ctdial watch: STOPPED at \d{1,2} \w{3} \d{4}, \d\d:\d\d \(UTC\): an error ended it: /,
    );
    expect(existsSync(join(folder, "a.csv"))).toBe(true);
  });
});
