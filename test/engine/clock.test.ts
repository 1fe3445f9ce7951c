import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import {
  createCalltouchClient,
  createRateLimiter,
  resolveCampaign,
  runCampaign,
  startSandbox,
} from "../../src/index.js";
import { tempDir } from "../tidy.js";

/** A run of one row due at noon on 2030-06-01, with "now" fixed at `now`. */
async function runAt(now: string) {
  const dir = tempDir("ctdial-clock-");
  writeFileSync(join(dir, "clients.csv"), "Телефон;Время звонка\n+7 916 111-22-33;2030-06-01 12:00:00\n");
  const clock = fixedClock(new Date(now));
  const sandbox = await startSandbox();
  const client = createCalltouchClient({ baseUrl: sandbox.url, token: "sandbox" });
  try {
    const resolved = await resolveCampaign(join(dir, "clients.csv"), { routeKey: "rk_clock" }, {}, { clock });
    const summary = await runCampaign(resolved, {
      client,
      limiter: createRateLimiter({ rate: 5 }),
      stateDir: join(dir, "state"),
      clock,
    });
    return { summary, accepted: sandbox.accepted.map((a) => a.body) };
  } finally {
    await client.close();
    await sandbox.close();
  }
}

describe("a run judges schedule times against its clock, not the machine's date", () => {
  it("skips a row whose time has passed by the clock (2031)", async () => {
    const { summary, accepted } = await runAt("2031-01-01T00:00:00Z");
    expect(summary).toMatchObject({ total: 1, sent: 0, skipped: 1, skippedBecause: { "past-schedule": 1 } });
    expect(accepted).toEqual([]);
  });

  it("sends a row whose time is still ahead by the clock (2029), with its schedule time", async () => {
    const { summary, accepted } = await runAt("2029-01-01T00:00:00Z");
    expect(summary).toMatchObject({ total: 1, sent: 1, skipped: 0 });
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ phone: "79161112233" });
    expect(JSON.stringify(accepted[0])).toContain("2030");
  });
});
