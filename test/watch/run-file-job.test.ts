import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { createRateLimiter } from "../../src/dispatch/rate-limiter.js";
import { runFileJob } from "../../src/watch/campaign-job.js";
import { scriptedClient } from "../dispatch/fake-client.js";
import { tempDir } from "../tidy.js";

function context(stateDir: string, env: NodeJS.ProcessEnv = { CALLTOUCH_ROUTE_KEY: "rk_env" }) {
  const { client, sent } = scriptedClient();
  return {
    sent,
    ctx: {
      campaign: {},
      env,
      stateDir,
      client,
      token: "test-token",
      limiter: createRateLimiter({ rate: 5, windowMs: 20, marginMs: 2 }),
      onEvent: () => {},
      signal: new AbortController().signal,
      onProgress: () => {},
      clock: systemClock,
    },
  };
}

function folder(): string {
  const dir = tempDir("ctdial-job-");
  writeFileSync(join(dir, "clients.csv"), "Телефон;Имя\r\n+7 916 111-22-33;Анна\r\n");
  return dir;
}

describe("one file of the folder, run with the engine", () => {
  it("uses the file's sidecar widget key before CALLTOUCH_ROUTE_KEY", async () => {
    const dir = folder();
    writeFileSync(join(dir, "clients.campaign.yaml"), "routeKey: rk_sidecar\n");
    const { ctx, sent } = context(join(dir, "state"));
    const end = await runFileJob(join(dir, "clients.csv"), ctx);
    expect(end.kind).toBe("done");
    expect(sent.map((s) => s.routeKey)).toEqual(["rk_sidecar"]);
  });

  it("uses CALLTOUCH_ROUTE_KEY for a file whose campaign names no widget", async () => {
    const dir = folder();
    const { ctx, sent } = context(join(dir, "state"));
    expect((await runFileJob(join(dir, "clients.csv"), ctx)).kind).toBe("done");
    expect(sent.map((s) => s.routeKey)).toEqual(["rk_env"]);
  });

  it("keeps the file for a later run when its report cannot be replaced, instead of failing it", async () => {
    const dir = folder();
    // What Windows does to a report open in Excel, made here with a folder in the report's place.
    mkdirSync(join(dir, "clients.report.csv", "inside"), { recursive: true });
    const { ctx } = context(join(dir, "state"));
    const end = await runFileJob(join(dir, "clients.csv"), ctx);
    expect(end.kind, JSON.stringify(end)).toBe("later");
    if (end.kind === "later") expect(JSON.stringify(end.why)).toContain("Cannot write the report");
  });
});
