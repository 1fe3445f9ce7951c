import { describe, expect, it } from "vitest";
import { parseCampaign } from "../../src/campaign/load.js";
import { createSendGate } from "../../src/engine/send-gate.js";
import type { CampaignState } from "../../src/engine/state.js";
import { StopError } from "../../src/errors.js";

/** A state with an in-memory daily counter and dedupe registry: the send gate only calls these. */
function fakeState(limit?: number) {
  const accepted: number[] = [];
  const dialed: { phoneKey: number; campaign: string }[] = [];
  const state = {
    journal: { identity: { name: "clients.csv" } },
    daily:
      limit === undefined
        ? undefined
        : {
            limit,
            counter: {
              used: async () => accepted.length,
              record: async (at: number) => void accepted.push(at),
            },
          },
    dedupe: {
      windowMs: 1,
      registry: {
        record: async (phoneKey: number, _at: number, campaign: string) =>
          void dialed.push({ phoneKey, campaign }),
      },
    },
  } as unknown as CampaignState;
  return { state, accepted, dialed };
}

const row = (rowNumber: number) => ({
  rowNumber,
  phoneKey: 79990000000 + rowNumber,
  rowHash: "h",
  request: { routeKey: "rk", phone: "7" },
});
const sent = { status: "sent" as const, requestId: 1, sentAt: "2026-11-25T10:00:00+03:00", attempts: 1 };

describe("send gate: the daily limit", () => {
  it("stops before the request that would pass the limit, counting requests in flight", async () => {
    const { state, accepted } = fakeState(2);
    const gate = createSendGate(parseCampaign({}, "test"), state);
    await gate.beforeSend(2);
    await gate.beforeSend(3);
    // Two in flight, none accepted yet: a third could make three.
    await expect(gate.beforeSend(4)).rejects.toThrow(StopError);
    await gate.afterOutcome(row(2), sent);
    await gate.afterOutcome(row(3), { status: "failed", message: "x", attempts: 1 });
    expect(accepted).toHaveLength(1);
    await gate.beforeSend(4);
    await gate.afterOutcome(row(4), sent);
    const stop = await gate.beforeSend(5).catch((error: unknown) => error);
    expect(stop).toBeInstanceOf(StopError);
    expect((stop as StopError).code).toBe("E_DAILY_LIMIT");
    expect((stop as StopError).message).toBe(
      "the daily limit of 2 accepted requests is reached (2 accepted today)",
    );
    expect((stop as StopError).advice).toBe(
      "Run the same command again tomorrow, or raise dailyLimit in the campaign file.",
    );
  });

  it("lets a retry of a row already in flight through", async () => {
    const { state } = fakeState(1);
    const gate = createSendGate(parseCampaign({}, "test"), state);
    await gate.beforeSend(2);
    await gate.beforeSend(2);
  });

  it("records accepted phones for other campaigns' dedupe window", async () => {
    const { state, dialed } = fakeState();
    const gate = createSendGate(parseCampaign({}, "test"), state);
    await gate.afterOutcome(row(7), sent);
    await gate.afterOutcome(row(8), { status: "unknown", message: "lost", attempts: 1 });
    expect(dialed).toEqual([{ phoneKey: 79990000007, campaign: "clients.csv" }]);
  });
});

describe("send gate: the call window", () => {
  // Wednesday 2026-11-25 07:00 in Moscow (04:00 UTC): the 09:00-20:00 window opens in two hours.
  const early = Date.UTC(2026, 10, 25, 4, 0, 0);
  const campaign = parseCampaign(
    { timezone: "Europe/Moscow", callWindow: { from: "09:00", to: "20:00" } },
    "test",
  );

  it("with --no-wait stops with the time it opens", async () => {
    const gate = createSendGate(campaign, fakeState().state, { noWait: true, now: () => early });
    await expect(gate.beforeSend(2)).rejects.toThrow(
      "outside the call window (09:00-20:00, mon tue wed thu fri sat sun, Europe/Moscow); it opens at",
    );
  });

  it("otherwise waits, showing a countdown, and sends when it opens", async () => {
    let clock = early;
    const notes: (string | undefined)[] = [];
    const gate = createSendGate(campaign, fakeState().state, {
      now: () => clock,
      sleep: async (ms) => {
        clock += Math.max(ms, 3_600_000);
      },
      onWait: (note) => notes.push(note),
    });
    await gate.beforeSend(2);
    expect(clock).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 25, 6, 0, 0));
    expect(notes[0]).toBe("waiting for the call window, opens in 2:00:00");
    expect(notes.at(-1)).toBeUndefined();
  });

  it("stops when a signal arrives while waiting", async () => {
    const controller = new AbortController();
    const gate = createSendGate(campaign, fakeState().state, {
      now: () => early,
      signal: controller.signal,
      sleep: async () => controller.abort(),
    });
    await expect(gate.beforeSend(2)).rejects.toThrow("stopped while waiting for the call window");
  });
});
