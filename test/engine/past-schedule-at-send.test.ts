import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import {
  createCalltouchClient,
  createRateLimiter,
  type RowOutcome,
  resolveCampaign,
  runCampaign,
  startSandbox,
} from "../../src/index.js";
import { english } from "../english.js";
import { tempDir, whenDone } from "../tidy.js";

/**
 * A clock running at real speed from Monday 2030-06-03 08:59:58.5 in Moscow (05:59:58.5 UTC): the
 * 09:00 call window opens 1.5 s into the test, so a row due at 08:59:59 is ahead of the clock when the
 * file is read and behind it when the window lets it go.
 */
function justBeforeNine(): Clock {
  const offset = Date.UTC(2030, 5, 3, 5, 59, 58, 500) - Date.now();
  return { now: () => Date.now() + offset };
}

async function runWaiting(pastScheduleTime: "skip" | "call-now") {
  const dir = tempDir("ctdial-past-at-send-");
  writeFileSync(
    join(dir, "clients.csv"),
    "Телефон;Время звонка\n+7 916 111-22-33;03.06.2030 08:59:59\n+7 916 111-22-44;03.06.2030 12:00\n",
  );
  writeFileSync(
    join(dir, "clients.campaign.yaml"),
    `routeKey: rk_past\ntimezone: Europe/Moscow\ncallWindow:\n  from: "09:00"\n  to: "20:00"\npastScheduleTime: ${pastScheduleTime}\n`,
  );
  const clock = justBeforeNine();
  const sandbox = await startSandbox();
  whenDone(() => sandbox.close());
  const client = createCalltouchClient({ baseUrl: sandbox.url, token: "sandbox" });
  whenDone(() => client.close());
  const resolved = await resolveCampaign(join(dir, "clients.csv"), {}, {}, { clock });
  const outcomes = new Map<string, RowOutcome>();
  const summary = await runCampaign(resolved, {
    client,
    limiter: createRateLimiter({ rate: 5 }),
    stateDir: join(dir, "state"),
    clock,
    sinks: [
      {
        name: "test",
        accept: (settled) => void outcomes.set(settled.phone ?? "", settled.outcome),
        close: async () => {},
      },
    ],
  });
  return { summary, outcomes, accepted: sandbox.accepted.map((a) => a.body) };
}

describe("a schedule time that passes while the row waits for the call window", () => {
  it("is skipped as past when it is finally to be sent (pastScheduleTime: skip)", async () => {
    const { summary, outcomes, accepted } = await runWaiting("skip");
    expect(summary).toMatchObject({ sent: 1, skipped: 1, skippedBecause: { "past-schedule": 1 } });
    expect(english(outcomes.get("79161112233"))).toMatchObject({
      status: "skipped",
      because: "past-schedule",
      reason: expect.stringContaining("had passed when the row was to be sent"),
    });
    // Only the row still ahead left, with its time.
    expect(accepted).toEqual([
      expect.objectContaining({ phone: "79161112244", scheduleTime: "2030-06-03 12:00:00" }),
    ]);
  }, 30_000);

  it("is sent at once without the time, noted in the report (pastScheduleTime: call-now)", async () => {
    const { summary, outcomes, accepted } = await runWaiting("call-now");
    expect(summary).toMatchObject({ sent: 2, skipped: 0 });
    const first = accepted.find((body) => body.phone === "79161112233");
    expect(first).toBeDefined();
    expect(first).not.toHaveProperty("scheduleTime");
    expect(english(outcomes.get("79161112233"))).toMatchObject({
      status: "sent",
      note: expect.stringContaining("called at once, without a schedule time"),
    });
  }, 30_000);
});
