import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createCalltouchClient,
  createRateLimiter,
  exitCodeOf,
  type OutcomeSink,
  resolveCampaign,
  runCampaign,
  type SettledRow,
  startSandbox,
} from "../src/index.js";
import { tempDir } from "./tidy.js";

describe("ctdial as a library (src/index.ts)", () => {
  it("runs a campaign through the public surface and writes its report", async () => {
    const dir = tempDir("ctdial-lib-");
    writeFileSync(
      join(dir, "clients.csv"),
      "Телефон;Имя\n+7 916 111-22-33;Анна\n8-800-555-35-35;Горячая линия\n",
    );
    const sandbox = await startSandbox();
    const client = createCalltouchClient({ baseUrl: sandbox.url, token: "sandbox" });
    try {
      const resolved = await resolveCampaign(join(dir, "clients.csv"), { routeKey: "rk_lib" }, {});
      const summary = await runCampaign(resolved, {
        client,
        limiter: createRateLimiter({ rate: 5 }),
        stateDir: join(dir, "state"),
      });
      expect(summary).toMatchObject({ total: 2, sent: 1, invalid: 1 });
      expect(exitCodeOf(summary)).toBe(1);
      expect(sandbox.accepted.map((a) => a.body.phone)).toEqual(["79161112233"]);
      expect(readFileSync(summary.report, "utf8")).toContain("8-800 numbers cannot be dialed");
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
});

describe("the settled-row stream (library)", () => {
  it("tells onReady before the first request and hands every row once to the caller's own sink", async () => {
    const dir = tempDir("ctdial-lib-");
    writeFileSync(
      join(dir, "clients.csv"),
      "Телефон;Имя\n+7 916 111-22-33;Анна\n8-800-555-35-35;Горячая линия\n+7 916 111-22-33;Анна снова\n",
    );
    const sandbox = await startSandbox();
    const client = createCalltouchClient({ baseUrl: sandbox.url, token: "sandbox" });
    const events: string[] = [];
    const got: SettledRow[] = [];
    const sink: OutcomeSink = {
      name: "test sink",
      accept(settled) {
        got.push(settled);
        return undefined;
      },
      async close(end) {
        events.push(`close complete=${end.complete}`);
      },
    };
    try {
      const resolved = await resolveCampaign(join(dir, "clients.csv"), { routeKey: "rk_lib" }, {});
      await runCampaign(resolved, {
        client,
        limiter: createRateLimiter({ rate: 5 }),
        stateDir: join(dir, "state"),
        sinks: [sink],
        onReady: () => {
          events.push(`ready after ${sandbox.accepted.length} requests`);
        },
      });
      expect(events).toEqual(["ready after 0 requests", "close complete=true"]);
      expect(got.map((s) => [s.index, s.row.rowNumber, s.outcome.status, s.phone]).sort()).toEqual([
        [0, 2, "sent", "79161112233"],
        [1, 3, "invalid", undefined],
        [2, 4, "skipped", "79161112233"],
      ]);
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
});

describe("the built package", () => {
  it("exposes the library at its main entry (dist/index.js)", async () => {
    const lib = await import(new URL("../dist/index.js", import.meta.url).href);
    expect(typeof lib.runCampaign).toBe("function");
    expect(typeof lib.resolveCampaign).toBe("function");
  });
});
