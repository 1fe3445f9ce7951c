import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/dispatch/dispatch.js";
import type { DispatchItem } from "../../src/dispatch/types.js";
import { StopError } from "../../src/errors.js";
import { english } from "../english.js";
import { answer, fastOptions, phoneOf, rows, scriptedClient } from "./fake-client.js";

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const NO_MINUTES = "Недостаточно минут для заказа обратного звонка";
const NO_WIDGET = "Не найден включенный виджет с указанным routeKey";

/** Every answer takes 15 ms, so several requests are in flight when a stop arrives. */
function slowly(outcome: (phone: string) => ReturnType<typeof answer.accepted> | undefined) {
  return async (request: { phone: string }) => {
    await delay(15);
    return outcome(request.phone) ?? answer.accepted(1);
  };
}

describe("dispatch: campaign stops", () => {
  it("stops at 10001: nothing more is sent, requests in flight finish, taken rows end pending", async () => {
    const { client, sent, answered } = scriptedClient(
      slowly((phone) => (phone === phoneOf(5) ? answer.apiError(10001, NO_MINUTES) : undefined)),
    );
    const { items, state } = rows(40);
    const { options, final } = fastOptions(client);
    const result = await dispatch(items, options);

    expect(result.stopped).toEqual({
      kind: "calltouch-refusal",
      code: 10001,
      message: NO_MINUTES,
      advice: expect.stringMatching(/^Top up callback minutes/),
      adviceSaid: { code: "runStopAdvice", params: { which: "10001" } },
    });
    const stopAt = answered.find((a) => a.phone === phoneOf(5))!.order;
    expect(sent.every((s) => s.order < stopAt)).toBe(true);
    const outcomes = final();
    // Every row taken from the source is reported once; rows never taken are left to the caller.
    expect(outcomes.size).toBe(state.pulled);
    expect(state.pulled).toBeLessThan(40);
    expect(outcomes.get(6)).toEqual({ status: "pending", code: 10001, reason: NO_MINUTES, attempts: 1 });
    const sentPhones = new Set(sent.map((s) => s.phone));
    for (const [row, outcome] of outcomes) {
      const phone = phoneOf(row - 1);
      if (phone === phoneOf(5)) continue;
      // A request that left before the stop got its own answer; a row that never left is pending.
      expect(outcome.status).toBe(sentPhones.has(phone) ? "sent" : "pending");
    }
    expect([...outcomes.values()].filter((o) => o.status === "sent").length).toBeGreaterThan(5);
    expect(result.counts.sent + result.counts.pending).toBe(state.pulled);
  });

  it("stops when Calltouch refuses the token, with advice about CALLTOUCH_TOKEN", async () => {
    const { client } = scriptedClient(slowly(() => answer.http(403)));
    const { options, final } = fastOptions(client);
    const result = await dispatch(rows(10).items, options);
    expect(result.stopped).toMatchObject({ code: 403, advice: expect.stringContaining("CALLTOUCH_TOKEN") });
    expect([...final().values()].every((o) => o.status === "pending")).toBe(true);
  });

  it("stops the whole campaign at 10003 for the campaign-wide routeKey", async () => {
    const { client } = scriptedClient(slowly(() => answer.apiError(10003, NO_WIDGET)));
    const { options, final } = fastOptions(client);
    const result = await dispatch(rows(10).items, options);
    expect(result.stopped).toMatchObject({ code: 10003, message: NO_WIDGET });
    expect(result.stoppedRoutes).toEqual([]);
    expect(final().get(2)).toEqual({ status: "pending", code: 10003, reason: NO_WIDGET, attempts: 1 });
  });

  it("stops only the rows of a per-row routeKey at 10003; the others are all sent", async () => {
    const routeOf = (index: number) => (index % 3 === 0 ? "old_widget" : "routekey_1");
    const { client, sent, answered } = scriptedClient(
      slowly((phone) =>
        routeOf(Number(phone.slice(-7))) === "old_widget" ? answer.apiError(10003, NO_WIDGET) : undefined,
      ),
    );
    const { options, final } = fastOptions(client);
    const result = await dispatch(rows(30, routeOf).items, options);

    expect(result.stopped).toBeUndefined();
    expect(result.stoppedRoutes).toEqual([
      {
        kind: "calltouch-refusal",
        routeKey: "old_widget",
        code: 10003,
        message: NO_WIDGET,
        advice: expect.stringContaining("widget"),
        adviceSaid: { code: "runStopAdvice", params: { which: "10003" } },
      },
    ]);
    const firstRefusal = answered.find((a) => a.phone === phoneOf(3))!.order;
    expect(sent.filter((s) => s.routeKey === "old_widget").every((s) => s.order < firstRefusal)).toBe(true);
    for (const [row, outcome] of final()) {
      if (routeOf(row - 1) === "old_widget")
        expect(outcome).toMatchObject({ status: "pending", reason: NO_WIDGET });
      else expect(outcome).toMatchObject({ status: "sent" });
    }
    expect(result.counts).toEqual({ sent: 20, failed: 0, pending: 10, unknown: 0, skipped: 0 });
  });
});

describe("dispatch: signals", () => {
  it("stops taking rows on a signal, lets requests in flight finish and closes the source", async () => {
    const controller = new AbortController();
    let closed = false;
    let pulled = 0;
    async function* source(): AsyncGenerator<DispatchItem> {
      try {
        for (let index = 1; index <= 1000; index++) {
          pulled++;
          yield { rowNumber: index + 1, request: { routeKey: "routekey_1", phone: phoneOf(index) } };
        }
      } finally {
        closed = true;
      }
    }
    const { client, sent } = scriptedClient(async (request) => {
      if (request.phone === phoneOf(4)) controller.abort();
      await delay(15);
      return answer.accepted(1);
    });
    const { options, final } = fastOptions(client, { signal: controller.signal });
    const result = await dispatch(source(), options);

    expect(result.stopped).toMatchObject({ kind: "signal", code: "SIGNAL" });
    expect(closed).toBe(true);
    expect(sent.map((s) => s.phone)).toEqual([1, 2, 3, 4].map(phoneOf));
    const outcomes = final();
    expect(outcomes.size).toBe(pulled);
    expect([2, 3, 4, 5].map((row) => outcomes.get(row)?.status)).toEqual(["sent", "sent", "sent", "sent"]);
    expect([...outcomes.values()].filter((o) => o.status === "pending")).toHaveLength(pulled - 4);
  });

  it("gives up a request still unanswered when the drain time is over: the row is unknown", async () => {
    const controller = new AbortController();
    const { client } = scriptedClient((request) => {
      if (request.phone !== phoneOf(1)) return answer.accepted(1);
      controller.abort();
      // A client that neither answers nor honours the signal.
      return new Promise(() => undefined);
    });
    const { options, final } = fastOptions(client, { signal: controller.signal, drainTimeoutMs: 30 });
    const result = await dispatch(rows(5).items, options);
    expect(result.stopped?.code).toBe("SIGNAL");
    expect(english(final().get(2))).toEqual({
      status: "unknown",
      code: "EABORTED",
      message: "the run stopped before Calltouch answered",
      attempts: 1,
    });
    expect(result.counts.sent).toBe(0);
  });

  it("sends nothing and takes nothing when the signal has already fired", async () => {
    const { client, sent } = scriptedClient();
    const { items, state } = rows(5);
    const { options } = fastOptions(client, { signal: AbortSignal.abort() });
    const result = await dispatch(items, options);
    expect(result).toMatchObject({ stopped: { code: "SIGNAL" }, attempts: 0 });
    expect(sent).toHaveLength(0);
    expect(state.pulled).toBe(0);
  });

  it("reports a row whose backoff a signal cut short as pending, with its attempts and the interruption", async () => {
    const controller = new AbortController();
    const { client } = scriptedClient((request) => {
      setTimeout(() => controller.abort(), 5);
      return request.phone === phoneOf(1) ? answer.http(503) : answer.accepted(1);
    });
    const { options, final } = fastOptions(client, {
      signal: controller.signal,
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
      random: () => 0.99,
    });
    await dispatch(rows(1).items, options);
    expect(final().get(2)).toEqual({
      status: "pending",
      code: "SIGNAL",
      reason: "the run was interrupted by a signal before the row was sent",
      attempts: 1,
    });
  });
});

describe("dispatch: hooks and sources that fail", () => {
  it("rethrows a failing beforeSend (the journal) after rows in flight settle, and never sends that row", async () => {
    const { client, sent } = scriptedClient(slowly(() => undefined));
    const { options, final } = fastOptions(client);
    options.hooks.beforeSend = (item) => {
      if (item.rowNumber === 4) throw new Error("journal: disk full");
    };
    await expect(dispatch(rows(10).items, options)).rejects.toThrow("journal: disk full");
    expect(sent.map((s) => s.phone)).toEqual([1, 2].map(phoneOf));
    expect(final().get(2)).toMatchObject({ status: "sent" });
    expect(final().get(4)).toMatchObject({ status: "pending" });
  });

  it("returns a StopError from beforeSend (a rule such as the daily limit) as the run's stop, not a crash", async () => {
    const { client, sent } = scriptedClient(slowly(() => undefined));
    const { options, final } = fastOptions(client);
    options.hooks.beforeSend = (item) => {
      if (item.rowNumber === 4) {
        throw new StopError(
          { code: "E_DAILY_LIMIT", params: { limit: 2, used: 2 } },
          { advice: { code: "runAdviceDailyLimit", params: {} } },
        );
      }
    };
    const result = await dispatch(rows(10).items, options);
    expect(result.stopped).toEqual({
      kind: "daily-limit",
      code: "E_DAILY_LIMIT",
      message: "the daily limit of 2 accepted requests is reached (2 accepted today)",
      params: { limit: 2, used: 2 },
      advice: "Run the same command again tomorrow, or raise dailyLimit in the campaign file.",
      adviceSaid: { code: "runAdviceDailyLimit", params: {} },
      messageSaid: { code: "E_DAILY_LIMIT", params: { limit: 2, used: 2 } },
    });
    expect(sent.map((s) => s.phone)).toEqual([1, 2].map(phoneOf));
    expect(final().get(4)).toMatchObject({ status: "pending" });
  });

  it("rethrows a source's failure after the rows already taken settle", async () => {
    async function* source(): AsyncGenerator<DispatchItem> {
      yield { rowNumber: 2, request: { routeKey: "routekey_1", phone: phoneOf(1) } };
      throw new Error("clients.csv: row 3 has an unclosed quote");
    }
    const { client } = scriptedClient(slowly(() => undefined));
    const { options, final } = fastOptions(client);
    await expect(dispatch(source(), options)).rejects.toThrow("unclosed quote");
    expect(final().get(2)).toMatchObject({ status: "sent" });
  });
});
