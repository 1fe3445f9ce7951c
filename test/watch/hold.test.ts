import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatStatus } from "../../src/cli/watch-status.js";
import { createRateLimiter } from "../../src/dispatch/rate-limiter.js";
import type { FolderEvent } from "../../src/watch/folder-events.js";
import { serveFolder } from "../../src/watch/service.js";
import { type FolderHandle, Hold } from "../../src/watch/supervisor.js";
import { phoneOf, scriptedClient } from "../dispatch/fake-client.js";
import { tempDir, whenDone } from "../tidy.js";
import { waitFor } from "../wait-for.js";

describe("the supervisor's pause of a folder (watch --ui)", () => {
  it("stops sending (requests in flight finish), says so in STATUS.txt, and resumes where it was", async () => {
    const dir = tempDir("ctdial-hold-");
    const folder = join(dir, "campaigns");
    mkdirSync(folder);
    const rows = 30;
    const phones = Array.from({ length: rows }, (_, i) => `+${phoneOf(i + 1)}`);
    writeFileSync(join(folder, "a.csv"), `Телефон\r\n${phones.join("\r\n")}\r\n`);
    const { client, sent } = scriptedClient();
    const hold = new Hold();
    const events: FolderEvent[] = [];
    let handle: FolderHandle | undefined;
    const stop = new AbortController();
    whenDone(() => stop.abort());
    const run = serveFolder({
      dir: folder,
      stateDir: join(dir, "state"),
      lockDir: undefined,
      waitForLock: true,
      campaign: { routeKey: "rk" },
      env: {},
      client,
      token: "t",
      limiter: createRateLimiter({ rate: 5 }),
      onEvent: (event) => events.push(event),
      words: { status: (view) => formatStatus(view, "UTC"), errorNote: () => "", exitCodeOf: () => 0 },
      signal: stop.signal,
      once: false,
      quietMs: 10,
      scanMs: 50,
      hold,
      onServing: (folderHandle) => {
        handle = folderHandle;
      },
    });
    await waitFor(() => sent.length >= 3, "the first requests", 10_000);
    hold.pause("127.0.0.1", Date.now());
    await waitFor(
      () => handle?.view().running.length === 0 && handle.view().state.kind === "paused",
      "the running file stopped",
      10_000,
    );
    const status = readFileSync(join(folder, "STATUS.txt"), "utf8").split("\r\n")[0];
    expect(status).toMatch(
      /^ctdial watch: PAUSED since .*: all sending paused from the page .*\(127\.0\.0\.1\)/,
    );
    expect(handle?.view().held).toMatchObject({ by: "127.0.0.1" });
    expect(handle?.view().waiting).toEqual([{ name: "a.csv", why: { kind: "paused" } }]);
    const atPause = sent.length;
    expect(atPause).toBeLessThan(rows);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sent.length).toBe(atPause);
    hold.resume();
    await waitFor(() => events.some((event) => event.kind === "file-done"), "the file done", 20_000);
    // Every row sent once: the pause lost nothing and sent nothing twice.
    expect(new Set(sent.map((s) => s.phone)).size).toBe(rows);
    expect(sent).toHaveLength(rows);
    stop.abort();
    expect(await run).toBe(0);
  }, 40_000);
});
