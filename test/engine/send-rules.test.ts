import { describe, expect, it } from "vitest";
import { parseCampaign } from "../../src/campaign/load.js";
import { runWaitText } from "../../src/cli/messages.js";
import type { CampaignState } from "../../src/engine/campaign-state.js";
import type { RunWait } from "../../src/engine/run-state.js";
import { createSendRules, type SendRulesOptions } from "../../src/engine/send-rules.js";
import { StopError } from "../../src/errors.js";
import { openDedupeRegistry } from "../../src/journal/index.js";
import type { RowOutcome } from "../../src/outcome.js";
import { english } from "../english.js";
import { tempDir, whenDone } from "../tidy.js";

/** A state with an in-memory daily counter and dedupe registry: the send rules only call these. */
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
        refresh: async () => {},
        claim: (phoneKey: number, campaign: string) => ({
          claim: { accepted: async () => void dialed.push({ phoneKey, campaign }), release() {} },
        }),
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
/** Each test's rules get their own rows in flight, as each run has its own. */
const fresh = (): SendRulesOptions => {
  const rows = new Set<number>();
  return {
    inFlight: {
      flightStarted: (n) => void rows.add(n),
      flightEnded: (n) => void rows.delete(n),
      inFlightBesides: (n) => rows.size - (rows.has(n) ? 1 : 0),
    },
  };
};

const sent = { status: "sent" as const, requestId: 1, sentAt: "2026-11-25T10:00:00+03:00", attempts: 1 };

describe("send rules: the daily limit", () => {
  it("stops before the request that would pass the limit, counting requests in flight", async () => {
    const { state, accepted } = fakeState(2);
    const rules = createSendRules(parseCampaign({}, "test"), state, fresh());
    await rules.beforeSend(row(2), row(2).request);
    await rules.beforeSend(row(3), row(3).request);
    // Two in flight, none accepted yet: a third could make three.
    await expect(rules.beforeSend(row(4), row(4).request)).rejects.toThrow(StopError);
    await rules.afterOutcome(row(2), sent);
    await rules.afterOutcome(row(3), { status: "failed", message: "x", attempts: 1 });
    expect(accepted).toHaveLength(1);
    await rules.beforeSend(row(4), row(4).request);
    await rules.afterOutcome(row(4), sent);
    const stop = await rules.beforeSend(row(5), row(5).request).catch((error: unknown) => error);
    expect(stop).toBeInstanceOf(StopError);
    expect((stop as StopError).code).toBe("E_DAILY_LIMIT");
    expect((stop as StopError).message).toBe(
      "the daily limit of 2 accepted requests is reached (2 accepted today)",
    );
    expect((stop as StopError).kind).toBe("daily-limit");
    expect((stop as StopError).params).toEqual({ limit: 2, used: 2 });
  });

  it("never lets rows released together pass on the last unit of the day", async () => {
    // The window opening releases rows waiting in their slots at once; the counter answers from
    // memory, so their checks interleave within one turn of the event loop.
    const { state } = fakeState(1);
    const rules = createSendRules(parseCampaign({}, "test"), state, fresh());
    const results = await Promise.allSettled([2, 3, 4].map((n) => rules.beforeSend(row(n), row(n).request)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(2);
  });

  it("lets a retry of a row already in flight through", async () => {
    const { state } = fakeState(1);
    const rules = createSendRules(parseCampaign({}, "test"), state, fresh());
    await rules.beforeSend(row(2), row(2).request);
    await rules.beforeSend(row(2), row(2).request);
  });

  it("records accepted phones for other campaigns' dedupe window", async () => {
    const { state, dialed } = fakeState();
    const rules = createSendRules(parseCampaign({}, "test"), state, fresh());
    await rules.afterOutcome(row(7), sent);
    await rules.afterOutcome(row(8), { status: "unknown", message: "lost", attempts: 1 });
    expect(dialed).toEqual([{ phoneKey: 79990000007, campaign: "clients.csv" }]);
  });
});

describe("send rules: the call window", () => {
  // Wednesday 2026-11-25 07:00 in Moscow (04:00 UTC): the 09:00-20:00 window opens in two hours.
  const early = Date.UTC(2026, 10, 25, 4, 0, 0);
  const campaign = parseCampaign(
    { timezone: "Europe/Moscow", callWindow: { from: "09:00", to: "20:00" } },
    "test",
  );

  it("with --no-wait stops with the time it opens", async () => {
    const rules = createSendRules(campaign, fakeState().state, {
      ...fresh(),
      noWait: true,
      clock: { now: () => early },
    });
    await expect(rules.beforeSend(row(2), row(2).request)).rejects.toThrow(
      "outside the call window (09:00-20:00, mon tue wed thu fri sat sun, Europe/Moscow); it opens at",
    );
  });

  it("otherwise waits, saying until when (as data), and sends when it opens", async () => {
    let clock = early;
    const notes: (RunWait | undefined)[] = [];
    const rules = createSendRules(campaign, fakeState().state, {
      ...fresh(),
      clock: { now: () => clock },
      sleep: async (ms) => {
        clock += Math.max(ms, 3_600_000);
      },
      onWait: (note) => notes.push(note),
    });
    await rules.beforeSend(row(2), row(2).request);
    expect(clock).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 25, 6, 0, 0));
    expect(notes[0]).toEqual({ for: "call-window", opensAt: early + 2 * 3_600_000 });
    expect(runWaitText(notes[0]!, early)).toBe("waiting for the call window, opens in 2:00:00");
    expect(notes.at(-1)).toBeUndefined();
  });

  it("stops when a signal arrives while waiting", async () => {
    const controller = new AbortController();
    const rules = createSendRules(campaign, fakeState().state, {
      ...fresh(),
      clock: { now: () => early },
      signal: controller.signal,
      sleep: async () => controller.abort(),
    });
    await expect(rules.beforeSend(row(2), row(2).request)).rejects.toThrow(
      "stopped while waiting for the call window",
    );
  });
});

describe("send rules: a schedule time is judged when the row is sent, not only when it is read", () => {
  // Sunday 2026-11-29 20:30 in Moscow: the weekday window is closed until Monday 09:00.
  const sundayNight = Date.UTC(2026, 10, 29, 17, 30, 0);
  const window = { from: "09:00", to: "19:00", days: ["mon", "tue", "wed", "thu", "fri"] };
  const planned = (scheduleTime: string) => ({
    ...row(2),
    request: { routeKey: "rk", phone: "79990000002", scheduleTime },
  });
  const waitingRules = (pastScheduleTime: "skip" | "call-now") => {
    let clock = sundayNight;
    const campaign = parseCampaign(
      { timezone: "Europe/Moscow", callWindow: window, pastScheduleTime },
      "test",
    );
    const rules = createSendRules(campaign, fakeState().state, {
      ...fresh(),
      clock: { now: () => clock },
      // An hour a step: the night passes in a few turns.
      sleep: async (ms) => {
        clock += Math.max(ms, 3_600_000);
      },
    });
    return { rules, now: () => clock };
  };

  it("skips a row planned for Sunday evening when the window opens on Monday (pastScheduleTime: skip)", async () => {
    const { rules, now } = waitingRules("skip");
    const row2 = planned("2026-11-29 20:00:00");
    const word = await rules.beforeSend(row2, row2.request);
    expect(now()).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 30, 6, 0, 0)); // Monday 09:00 Moscow
    expect(english(word)).toEqual({
      hold: {
        status: "skipped",
        because: "past-schedule",
        reason: expect.stringContaining(
          "the schedule time 29.11.2026 20:00:00 had passed when the row was to be sent",
        ),
      },
    });
  });

  it("sends it at once without its time, with a note (pastScheduleTime: call-now)", async () => {
    const { rules } = waitingRules("call-now");
    const row2 = planned("2026-11-29 20:00:00");
    const word = await rules.beforeSend(row2, row2.request);
    expect(english(word)).toEqual({
      request: { routeKey: "rk", phone: "79990000002" },
      note: expect.stringContaining("called at once, without a schedule time"),
    });
  });

  it("sends a time still ahead as it is", async () => {
    const { rules } = waitingRules("skip");
    const row2 = planned("2026-11-30 12:00:00");
    expect(await rules.beforeSend(row2, row2.request)).toBeUndefined();
  });

  it("reads the time in the wire format the campaign sends", async () => {
    const campaign = parseCampaign({ scheduleTimeFormat: "dd-mm-yyyy hh:mm:ss" }, "test");
    const rules = createSendRules(campaign, fakeState().state, {
      ...fresh(),
      clock: { now: () => sundayNight },
    });
    const past = planned("29-11-2026 20:29:59");
    expect(await rules.beforeSend(past, past.request)).toHaveProperty("hold");
    const ahead = planned("29-11-2026 20:30:01");
    expect(await rules.beforeSend(ahead, ahead.request)).toBeUndefined();
  });
});

describe("send rules: the dedupe window's last word", () => {
  /** A state whose dedupe registry is real (in a temp folder), as each campaign of a process has. */
  async function realState(dir: string, name: string, window: "24h" | 0 = "24h") {
    const registry = await openDedupeRegistry({ stateDir: dir, windowMs: 86_400_000, durable: false });
    whenDone(() => registry.close());
    const state = {
      journal: { identity: { name } },
      daily: undefined,
      timezone: "Europe/Moscow",
      dedupe: window === 0 ? { registry } : { registry, windowMs: 86_400_000, window },
    } as unknown as CampaignState;
    return createSendRules(parseCampaign({}, "test"), state, fresh());
  }

  it("holds a row back while another campaign's request for the phone is in flight, and lets its retry through", async () => {
    const dir = tempDir();
    const a = await realState(dir, "клиенты.csv");
    const b = await realState(dir, "клиенты (2).csv");
    expect(await a.beforeSend(row(2), row(2).request)).toBeUndefined();
    const held = await b.beforeSend(row(2), row(2).request);
    expect(english(held)).toEqual({
      hold: {
        status: "skipped",
        because: "dialed-recently",
        reason: expect.stringMatching(/^dialed by campaign клиенты\.csv at .*\(within dedupeWindow 24h\)$/),
      },
    });
    // 10007, and a minute later the same row again: its own claim does not hold it back.
    expect(await a.beforeSend(row(2), row(2).request)).toBeUndefined();
    await a.afterOutcome(row(2), { ...sent, sentAt: new Date().toISOString() });
    await b.afterOutcome(row(2), (held as { hold: RowOutcome }).hold);
    // Accepted now: still held back for the window.
    expect(await b.beforeSend(row(2), row(2).request)).toHaveProperty("hold");
  });

  it("checks a retried row again against a request another campaign made meanwhile", async () => {
    const dir = tempDir();
    const a = await realState(dir, "a.csv");
    const careless = await realState(dir, "no-window.csv", 0);
    expect(await a.beforeSend(row(3), row(3).request)).toBeUndefined();
    // A campaign with dedupeWindow: 0 checks nothing, but what it sends counts for the others.
    expect(await careless.beforeSend(row(3), row(3).request)).toBeUndefined();
    await careless.afterOutcome(row(3), { ...sent, sentAt: new Date().toISOString() });
    expect(english(await a.beforeSend(row(3), row(3).request))).toEqual({
      hold: expect.objectContaining({ reason: expect.stringContaining("dialed by campaign no-window.csv") }),
    });
  });

  it("frees the phone when the request created nothing", async () => {
    const dir = tempDir();
    const a = await realState(dir, "a.csv");
    const b = await realState(dir, "b.csv");
    await a.beforeSend(row(4), row(4).request);
    await a.afterOutcome(row(4), { status: "failed", message: "refused", attempts: 1 });
    expect(await b.beforeSend(row(4), row(4).request)).toBeUndefined();
  });
});
