import { afterEach, describe, expect, it } from "vitest";
import { createCalltouchClient } from "../../src/calltouch/client.js";
import type { CalltouchClient } from "../../src/calltouch/types.js";
import { dispatch } from "../../src/dispatch/dispatch.js";
import { createRateLimiter } from "../../src/dispatch/rate-limiter.js";
import type { DispatchOutcome } from "../../src/dispatch/types.js";
import { type Sandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/index.js";
import { phoneOf, rows } from "./fake-client.js";

/**
 * The real client against the built-in emulator on loopback, at the real rate (5 per second, the
 * sandbox enforcing a strict 1-second sliding window). These runs take seconds each, so they are few.
 */
let sandbox: Sandbox | undefined;
let client: CalltouchClient | undefined;

afterEach(async () => {
  await client?.close();
  await sandbox?.close();
  client = undefined;
  sandbox = undefined;
});

async function run(count: number, sandboxOptions: SandboxOptions) {
  sandbox = await startSandbox(sandboxOptions);
  client = createCalltouchClient({ baseUrl: sandbox.url, token: "sandbox" });
  const outcomes = new Map<number, DispatchOutcome>();
  const { items, state } = rows(count);
  const result = await dispatch(items, {
    client,
    limiter: createRateLimiter({ rate: 5 }),
    campaignRouteKey: "routekey_1",
    // Shorter than the default backoff so a run is not dominated by one unlucky row's waits.
    retry: { baseDelayMs: 200, maxAttempts: 8 },
    hooks: {
      onOutcome(item, outcome) {
        expect(outcomes.has(item.rowNumber), `row ${item.rowNumber} reported twice`).toBe(false);
        outcomes.set(item.rowNumber, outcome);
      },
    },
  });
  return { result, outcomes, pulled: state.pulled, sandbox };
}

/** How many times each phone reached the sandbox, from its own record of requests. */
function requestsPerPhone(box: Sandbox): Map<string, number> {
  const counts = new Map<string, number>();
  for (const seen of box.requests) {
    if (seen.body === "") continue;
    const phone = (JSON.parse(seen.body) as { phone: string }).phone;
    counts.set(phone, (counts.get(phone) ?? 0) + 1);
  }
  return counts;
}

describe("dispatch against the sandbox", () => {
  it("delivers each of 60 rows exactly once through 5xx answers and proxy pages, and draws no 429", async () => {
    const { result, outcomes, sandbox: box } = await run(60, { failRate: 0.2, htmlRate: 0.1, seed: 7 });

    expect(box.rateLimited).toBe(0);
    expect(box.requests.some((seen) => seen.answer === 500)).toBe(true);
    expect(box.requests.some((seen) => seen.answer === 502)).toBe(true);
    const acceptedPhones = box.accepted.map((a) => a.body.phone);
    expect(new Set(acceptedPhones).size).toBe(acceptedPhones.length);
    expect(new Set(acceptedPhones)).toEqual(new Set(Array.from({ length: 60 }, (_, i) => phoneOf(i + 1))));
    expect(result.counts).toEqual({ sent: 60, failed: 0, pending: 0, unknown: 0, skipped: 0 });
    expect(result.attempts).toBe(box.requests.length);
    const retried = [...outcomes.values()].filter((o) => o.status === "sent" && o.attempts > 1);
    expect(retried.length).toBeGreaterThan(5);
  }, 90_000);

  it("reports answers lost after processing as unknown and never dials those phones twice", async () => {
    const { result, outcomes, sandbox: box } = await run(20, { resetAfterRate: 0.3, seed: 3 });

    const unknownRows = [...outcomes].filter(([, o]) => o.status === "unknown").map(([row]) => row);
    expect(unknownRows.length).toBeGreaterThan(0);
    expect(result.counts.sent + result.counts.unknown).toBe(20);
    const perPhone = requestsPerPhone(box);
    for (let index = 1; index <= 20; index++) expect(perPhone.get(phoneOf(index))).toBe(1);
    // The sandbox did create those callbacks: resending would have rung the client twice.
    const accepted = new Set(box.accepted.map((a) => a.body.phone));
    for (const row of unknownRows) expect(accepted.has(phoneOf(row - 1))).toBe(true);
    expect(box.accepted).toHaveLength(20);
  }, 60_000);

  it("stops at 10001 mid-run: no further request reaches the sandbox and the rest stay pending", async () => {
    const { result, outcomes, pulled, sandbox: box } = await run(20, { minutes: 8 });

    expect(result.stopped).toMatchObject({
      code: 10001,
      advice: expect.stringMatching(/^Top up callback minutes/),
    });
    expect(box.accepted).toHaveLength(8);
    // The 9th request drew 10001; its answer came long before the next slot, so nothing followed it.
    expect(box.requests).toHaveLength(9);
    expect(result.counts).toEqual({ sent: 8, failed: 0, pending: pulled - 8, unknown: 0, skipped: 0 });
    expect(outcomes.get(10)).toMatchObject({ status: "pending", attempts: 1 });
    expect(outcomes.size).toBe(pulled);
  }, 60_000);
});
