import { afterEach, describe, expect, it, vi } from "vitest";
import { dispatch } from "../../src/dispatch/dispatch.js";
import { createRateLimiter } from "../../src/dispatch/rate-limiter.js";
import type { DispatchItem } from "../../src/dispatch/types.js";
import { said } from "../../src/i18n/catalog.js";
import { english } from "../english.js";
import { answer, fastOptions, phoneOf, rows, scriptedClient } from "./fake-client.js";

const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.useRealTimers();
});

describe("dispatch: delivery", () => {
  it("sends every row once and reports it sent with the request id, local time and attempts", async () => {
    const { client, sent } = scriptedClient();
    const { items } = rows(12);
    const { options, final } = fastOptions(client);
    const result = await dispatch(items, options);
    expect(result).toEqual({
      stoppedRoutes: [],
      counts: { sent: 12, failed: 0, pending: 0, unknown: 0, skipped: 0 },
      attempts: 12,
    });
    const outcomes = final();
    expect(outcomes.size).toBe(12);
    expect(outcomes.get(2)).toMatchObject({ status: "sent", requestId: 1, attempts: 1 });
    const sentAt = (outcomes.get(2) as { sentAt: string }).sentAt;
    expect(sentAt).toMatch(ISO_WITH_OFFSET);
    expect(Math.abs(Date.parse(sentAt) - Date.now())).toBeLessThan(60_000);
    expect(new Set(sent.map((s) => s.phone)).size).toBe(12);
  });

  it("sends the first request at once, without waiting for a window to fill, then one per interval", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const { client, sent } = scriptedClient();
    const { options } = fastOptions(client, { limiter: createRateLimiter({ rate: 5 }) });
    const running = dispatch(rows(3).items, options);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(203);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.runAllTimersAsync();
    expect((await running).counts.sent).toBe(3);
  });

  it("sends the first rows before the source is read to the end", async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let pulled = 0;
    async function* source(): AsyncGenerator<DispatchItem> {
      for (let index = 1; index <= 6; index++) {
        if (index === 4) await gate;
        pulled++;
        yield { rowNumber: index + 1, request: { routeKey: "routekey_1", phone: phoneOf(index) } };
      }
    }
    const { client, answered } = scriptedClient();
    const { options } = fastOptions(client);
    const running = dispatch(source(), options);
    await vi.waitFor(() => expect(answered).toHaveLength(3));
    expect(pulled).toBe(3);
    release();
    expect((await running).counts.sent).toBe(6);
  });

  it("holds at most maxHeld rows at once, however long the source and however many rows back off", async () => {
    const { client } = scriptedClient((request, attempt) =>
      Number(request.phone.slice(-1)) % 3 === 0 && attempt < 3 ? answer.http(503) : answer.accepted(1),
    );
    const { items, state } = rows(150);
    let reported = 0;
    let mostHeld = 0;
    const { options } = fastOptions(client, {
      maxHeld: 6,
      retry: { baseDelayMs: 20, maxDelayMs: 40 },
      hooks: {
        onOutcome() {
          mostHeld = Math.max(mostHeld, state.pulled - reported);
          reported++;
        },
      },
    });
    const result = await dispatch(items, options);
    expect(result.counts.sent).toBe(150);
    expect(mostHeld).toBeGreaterThan(2);
    expect(mostHeld).toBeLessThanOrEqual(6);
  });
});

describe("dispatch: hooks", () => {
  it("still settles every row when the onAttempt hook throws, and says so through onHookError", async () => {
    const { client } = scriptedClient((request, attempt) =>
      request.phone === phoneOf(1) && attempt === 1 ? answer.http(500) : answer.accepted(5),
    );
    const { options, final } = fastOptions(client);
    const hookErrors: unknown[] = [];
    options.hooks.onAttempt = () => {
      throw new Error("the log is gone");
    };
    options.hooks.onHookError = (error) => hookErrors.push(error);
    const result = await dispatch(rows(3).items, options);
    expect(result.counts).toEqual({ sent: 3, failed: 0, pending: 0, unknown: 0, skipped: 0 });
    expect([...final().values()].every((outcome) => outcome.status === "sent")).toBe(true);
    expect(hookErrors).toHaveLength(4);
  });

  it("tells onAttempt what follows: again with its delay, or the settled outcome", async () => {
    const { client } = scriptedClient((request, attempt) =>
      request.phone === phoneOf(1) && attempt === 1 ? answer.http(500) : answer.accepted(5),
    );
    const { options } = fastOptions(client);
    const seen: string[] = [];
    options.hooks.onAttempt = ({ item, next }) => {
      if (item.rowNumber === 2) seen.push(next.kind === "again" ? "again" : next.outcome.status);
    };
    await dispatch(rows(1).items, options);
    expect(seen).toEqual(["again", "sent"]);
  });

  it("says a row is settled, not retried, when its retries are used up", async () => {
    const { client } = scriptedClient(() => answer.http(500));
    const { options } = fastOptions(client, { retry: { maxAttempts: 2 } });
    const seen: string[] = [];
    options.hooks.onAttempt = ({ next }) => seen.push(next.kind === "again" ? "again" : next.outcome.status);
    await dispatch(rows(1).items, options);
    expect(seen).toEqual(["again", "failed"]);
  });
});

describe("dispatch: transient answers", () => {
  it("retries 5xx, proxy pages and refused connections through the limiter until one is accepted", async () => {
    const script = [answer.http(500), answer.proxyPage(), answer.refused()];
    const { client, sent } = scriptedClient((request, attempt) =>
      request.phone === phoneOf(1) && attempt <= script.length ? script[attempt - 1]! : answer.accepted(7),
    );
    const intents: number[] = [];
    const decisions: string[] = [];
    const { options, final } = fastOptions(client);
    options.hooks.beforeSend = (item, attempt) => {
      if (item.rowNumber === 2) intents.push(attempt);
    };
    options.hooks.onAttempt = ({ item, decision }) => {
      if (item.rowNumber === 2) decisions.push(decision.action);
    };
    const result = await dispatch(rows(3).items, options);
    expect(final().get(2)).toMatchObject({ status: "sent", requestId: 7, attempts: 4 });
    expect(intents).toEqual([1, 2, 3, 4]);
    expect(decisions).toEqual(["retry", "retry", "retry", "done"]);
    expect(result.attempts).toBe(6);
    expect(sent.filter((s) => s.phone === phoneOf(1))).toHaveLength(4);
  });

  it("fails a row at once when Retry-After asks for longer than one backoff may last", async () => {
    const { client, sent } = scriptedClient(() => answer.http(429, 60_000));
    const { options, final } = fastOptions(client);
    await dispatch(rows(1).items, options);
    expect(final().get(2)).toEqual({ status: "failed", code: 429, message: "HTTP 429", attempts: 1 });
    expect(sent).toHaveLength(1);
  });

  it("fails a row with the last reason and code when its attempts run out", async () => {
    const { client, sent } = scriptedClient((request) =>
      request.phone === phoneOf(1) ? answer.http(503) : answer.accepted(1),
    );
    const { options, final } = fastOptions(client, { retry: { maxAttempts: 3, baseDelayMs: 1 } });
    await dispatch(rows(2).items, options);
    expect(final().get(2)).toEqual({ status: "failed", code: 503, message: "HTTP 503", attempts: 3 });
    expect(sent.filter((s) => s.phone === phoneOf(1))).toHaveLength(3);
  });

  it("slows the whole limiter down on a 429, for as long as Retry-After asks", async () => {
    const { client } = scriptedClient((request, attempt) =>
      request.phone === phoneOf(1) && attempt === 1 ? answer.http(429, 30) : answer.accepted(1),
    );
    const { options, final } = fastOptions(client, { retry: { baseDelayMs: 1, maxDelayMs: 100 } });
    const slowDown = vi.spyOn(options.limiter, "slowDown");
    await dispatch(rows(3).items, options);
    expect(slowDown).toHaveBeenCalledExactlyOnceWith(30);
    expect(final().get(2)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("reports a lost answer as unknown and never sends that row again", async () => {
    const { client, sent } = scriptedClient((request) =>
      request.phone === phoneOf(2) ? answer.lost() : answer.accepted(1),
    );
    const { options, final } = fastOptions(client);
    const result = await dispatch(rows(3).items, options);
    expect(english(final().get(3))).toEqual({
      status: "unknown",
      code: "ECONNRESET",
      message: "reset after send",
      attempts: 1,
    });
    expect(sent.filter((s) => s.phone === phoneOf(2))).toHaveLength(1);
    expect(result.counts).toEqual({ sent: 2, failed: 0, pending: 0, unknown: 1, skipped: 0 });
  });

  it("resends a lost answer only when retryUnknown allows it", async () => {
    const { client } = scriptedClient((request, attempt) =>
      request.phone === phoneOf(2) && attempt === 1 ? answer.lost() : answer.accepted(1),
    );
    const { options, final } = fastOptions(client, { retryUnknown: true });
    await dispatch(rows(3).items, options);
    expect(final().get(3)).toMatchObject({ status: "sent", attempts: 2 });
  });
});

describe("dispatch: refusals of one row", () => {
  it("fails the row with Calltouch's message verbatim and its code, and goes on", async () => {
    const byPhone = new Map([
      [phoneOf(1), answer.apiError(10006, "Превышено количество запросов на этот номер")],
      [phoneOf(2), answer.apiError(10013, "Некорректный номер телефона")],
      [
        phoneOf(3),
        { kind: "validation-error", status: 400, violations: [{ message: "Длина не более 255" }] } as const,
      ],
    ]);
    const { client, sent } = scriptedClient((request) => byPhone.get(request.phone) ?? answer.accepted(5));
    const { options, final } = fastOptions(client);
    const result = await dispatch(rows(4).items, options);
    const outcomes = final();
    expect(outcomes.get(2)).toEqual({
      status: "failed",
      code: 10006,
      message: "Превышено количество запросов на этот номер",
      attempts: 1,
    });
    expect(outcomes.get(3)).toEqual({
      status: "failed",
      code: 10013,
      message: "Некорректный номер телефона",
      attempts: 1,
    });
    expect(outcomes.get(4)).toEqual({
      status: "failed",
      code: 400,
      message: "Длина не более 255",
      attempts: 1,
    });
    expect(outcomes.get(5)).toMatchObject({ status: "sent" });
    expect(sent).toHaveLength(4);
    expect(result.counts).toEqual({ sent: 1, failed: 3, pending: 0, unknown: 0, skipped: 0 });
  });

  it("sends a 10007 row again after the long delay, while the rows behind it go on", async () => {
    const { client, sent } = scriptedClient((request, attempt) =>
      request.phone === phoneOf(2) && attempt === 1
        ? answer.apiError(10007, "Минимальный интервал между запросами не прошёл")
        : answer.accepted(3),
    );
    const { options, final } = fastOptions(client);
    await dispatch(rows(6).items, options);
    expect(final().get(3)).toMatchObject({ status: "sent", attempts: 2 });
    expect(sent.at(-1)).toMatchObject({ phone: phoneOf(2), attempt: 2 });
  });

  it("fails a row that keeps answering 10007 after the allowed rounds", async () => {
    const { client, sent } = scriptedClient((request) =>
      request.phone === phoneOf(1) ? answer.apiError(10007, "Слишком рано") : answer.accepted(3),
    );
    const { options, final } = fastOptions(client, { retry: { retryLaterDelayMs: 5, retryLaterRounds: 2 } });
    await dispatch(rows(2).items, options);
    expect(final().get(2)).toEqual({ status: "failed", code: 10007, message: "Слишком рано", attempts: 3 });
    expect(sent.filter((s) => s.phone === phoneOf(1))).toHaveLength(3);
  });

  it("waits for a slow answer without sending the row twice", async () => {
    const { client, sent } = scriptedClient(async () => {
      await delay(40);
      return answer.accepted(1);
    });
    const { options } = fastOptions(client);
    const result = await dispatch(rows(5).items, options);
    expect(result.counts.sent).toBe(5);
    expect(sent).toHaveLength(5);
  });
});

describe("dispatch: 10004 and resendWithoutSessionId", () => {
  const withSession = async function* (): AsyncGenerator<DispatchItem> {
    yield { rowNumber: 2, request: { routeKey: "routekey_1", phone: phoneOf(1), sessionId: "stale-1" } };
    yield { rowNumber: 3, request: { routeKey: "routekey_1", phone: phoneOf(2) } };
  };
  // Calltouch knows no session: a request with a sessionId meets 10004, one without is accepted.
  const requests: { phone: string; sessionId?: string }[] = [];
  const unknownSessions = () =>
    scriptedClient((request) => {
      requests.push({ phone: request.phone, ...(request.sessionId ? { sessionId: request.sessionId } : {}) });
      return request.sessionId === undefined
        ? answer.accepted(7)
        : answer.apiError(10004, "Сессия не найдена");
    });

  it("fails the row by default, after one request", async () => {
    requests.length = 0;
    const { client } = unknownSessions();
    const { options, final } = fastOptions(client);
    await dispatch(withSession(), options);
    expect(final().get(2)).toMatchObject({ status: "failed", code: 10004, attempts: 1 });
    expect(final().get(3)).toMatchObject({ status: "sent", attempts: 1 });
    expect(requests).toHaveLength(2);
  });

  it("with the option, sends the row once more, without its sessionId", async () => {
    requests.length = 0;
    const { client } = unknownSessions();
    const { options, final } = fastOptions(client, { resendWithoutSessionId: true });
    const result = await dispatch(withSession(), options);
    expect(final().get(2)).toMatchObject({ status: "sent", requestId: 7, attempts: 2 });
    expect(requests.filter((r) => r.phone === phoneOf(1))).toEqual([
      { phone: phoneOf(1), sessionId: "stale-1" },
      { phone: phoneOf(1) },
    ]);
    expect(result.attempts).toBe(3);
  });
});

describe("dispatch: the last word before a request leaves (beforeSend's gate)", () => {
  const skipped = {
    status: "skipped" as const,
    reason: said("rowsDialedRecently", {
      campaign: "other.csv",
      at: "2026-11-30T10:00:00+03:00",
      window: "7d",
    }),
    because: "dialed-recently" as const,
  };

  it("keeps a held row home and settles it with the hold's outcome; sends a changed request as given", async () => {
    const { client, sent } = scriptedClient();
    const { options, final } = fastOptions(client);
    options.hooks.beforeSend = (item, _attempt, request) => {
      if (item.rowNumber === 2) return { hold: skipped };
      if (item.rowNumber === 3) return { request: { ...request, comment: "changed at the last moment" } };
      return undefined;
    };
    const seen: unknown[] = [];
    const original = client.send.bind(client);
    client.send = (request, opts) => {
      seen.push(request);
      return original(request, opts);
    };
    const result = await dispatch(rows(3).items, options);
    expect(final().get(2)).toEqual(skipped);
    expect(final().get(3)).toMatchObject({ status: "sent" });
    expect(sent.map((s) => s.phone)).toEqual([phoneOf(2), phoneOf(3)]);
    expect(seen[0]).toMatchObject({ phone: phoneOf(2), comment: "changed at the last moment" });
    expect(result.counts).toMatchObject({ sent: 2, skipped: 1 });
    expect(result.attempts).toBe(2);
  });

  it("asks again before a retry after 10007, and a hold then ends the row without a second request", async () => {
    const { client, sent } = scriptedClient(() => answer.apiError(10007, "Слишком частые заявки"));
    const { options, final } = fastOptions(client);
    const asked: number[] = [];
    options.hooks.beforeSend = (_item, attempt) => {
      asked.push(attempt);
      return attempt === 1 ? undefined : { hold: skipped };
    };
    await dispatch(rows(1).items, options);
    expect(asked).toEqual([1, 2]);
    expect(sent).toHaveLength(1);
    expect(final().get(2)).toEqual(skipped);
  });
});
