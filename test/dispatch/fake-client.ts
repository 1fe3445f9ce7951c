import type { CallbackRequest, CallOutcome, CalltouchClient } from "../../src/calltouch/types.js";
import { createRateLimiter } from "../../src/dispatch/rate-limiter.js";
import type { DispatchItem, DispatchOptions, DispatchOutcome } from "../../src/dispatch/types.js";
import { said } from "../../src/i18n/catalog.js";

/** Answers a scripted test client can give; shapes as src/calltouch/types.ts defines them. */
export const answer = {
  accepted: (requestId: number): CallOutcome => ({ kind: "accepted", status: 200, requestId }),
  apiError: (code: number, message: string): CallOutcome => ({
    kind: "api-error",
    status: 400,
    code,
    message,
  }),
  http: (status: number, retryAfterMs?: number): CallOutcome =>
    retryAfterMs === undefined
      ? { kind: "http-error", status }
      : { kind: "http-error", status, retryAfterMs },
  proxyPage: (): CallOutcome => ({ kind: "bad-body", status: 502, snippet: "502 Bad Gateway nginx" }),
  refused: (): CallOutcome => ({
    kind: "network",
    phase: "before-send",
    errorCode: "ECONNREFUSED",
    message: said("rowsVerbatim", { text: "refused" }),
  }),
  lost: (): CallOutcome => ({
    kind: "network",
    phase: "after-send",
    errorCode: "ECONNRESET",
    message: said("rowsVerbatim", { text: "reset after send" }),
  }),
};

export interface Sent {
  readonly phone: string;
  readonly routeKey: string;
  /** 1 for the first request of this phone. */
  readonly attempt: number;
  readonly order: number;
}

type Script = (
  request: CallbackRequest,
  attempt: number,
  signal?: AbortSignal,
) => CallOutcome | Promise<CallOutcome>;

/**
 * A CalltouchClient whose answers a test scripts per request. It records every request that reached
 * it and every answer it gave, in order, so tests can say what was sent before and after an event.
 */
export function scriptedClient(
  script: Script = (request) => answer.accepted(Number(request.phone.slice(-6))),
) {
  const sent: Sent[] = [];
  const answered: { phone: string; order: number }[] = [];
  const perPhone = new Map<string, number>();
  let order = 0;
  const client: CalltouchClient = {
    async send(request, options) {
      const attempt = (perPhone.get(request.phone) ?? 0) + 1;
      perPhone.set(request.phone, attempt);
      sent.push({ phone: request.phone, routeKey: request.routeKey, attempt, order: order++ });
      const outcome = await script(request, attempt, options?.signal);
      answered.push({ phone: request.phone, order: order++ });
      return outcome;
    },
    async close() {},
  };
  return { client, sent, answered };
}

export function phoneOf(index: number): string {
  return `7999${index.toString().padStart(7, "0")}`;
}

/** `count` rows; `routeKeyOf` picks each row's widget. Records how many the dispatcher pulled. */
export function rows(count: number, routeKeyOf: (index: number) => string = () => "routekey_1") {
  const state = { pulled: 0 };
  async function* generate(): AsyncGenerator<DispatchItem> {
    for (let index = 1; index <= count; index++) {
      state.pulled++;
      yield { rowNumber: index + 1, request: { routeKey: routeKeyOf(index), phone: phoneOf(index) } };
    }
  }
  return { items: generate(), state };
}

/** Options with a limiter and retries scaled down so a test runs in milliseconds (the rules stay the same). */
export function fastOptions(client: CalltouchClient, overrides: Partial<DispatchOptions> = {}) {
  const outcomes = new Map<number, DispatchOutcome[]>();
  const options: DispatchOptions = {
    client,
    limiter: createRateLimiter({ rate: 5, windowMs: 20, marginMs: 5 }),
    retry: { baseDelayMs: 1, maxDelayMs: 5, retryLaterDelayMs: 20 },
    campaignRouteKey: "routekey_1",
    hooks: {
      onOutcome(item, outcome) {
        outcomes.set(item.rowNumber, [...(outcomes.get(item.rowNumber) ?? []), outcome]);
      },
    },
    ...overrides,
  };
  /** The one outcome of each row (fails the test if a row got two). */
  const final = (): Map<number, DispatchOutcome> => {
    const result = new Map<number, DispatchOutcome>();
    for (const [row, list] of outcomes) {
      if (list.length !== 1) throw new Error(`row ${row} got ${list.length} outcomes`);
      result.set(row, list[0]!);
    }
    return result;
  };
  return { options, final };
}
