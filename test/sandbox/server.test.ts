import { afterEach, describe, expect, it } from "vitest";
import { createCalltouchClient } from "../../src/calltouch/client.js";
import { CREATE_PATH } from "../../src/calltouch/endpoint.js";
import type { CallbackRequest, CalltouchClient } from "../../src/calltouch/types.js";
import { ConfigError } from "../../src/errors.js";
import { API_ERROR_TEXT, type Sandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/index.js";

const T0 = Date.parse("2026-03-02T10:00:00Z");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A sandbox on a manual clock, so that the rate window and the intervals never depend on the machine's speed. */
async function sandbox(options: SandboxOptions = {}) {
  const clock = { now: T0 };
  const sb = await startSandbox({ now: () => clock.now, ...options });
  cleanups.push(() => sb.close());
  const client = (token = "sandbox", responseTimeoutMs = 5000): CalltouchClient => {
    const c = createCalltouchClient({ baseUrl: sb.url, token, responseTimeoutMs });
    cleanups.push(() => c.close());
    return c;
  };
  return { sb, clock, client };
}

let phoneCounter = 0;
const fresh = (over: Partial<CallbackRequest> = {}): CallbackRequest => {
  phoneCounter += 1;
  return { routeKey: "routekey_1", phone: `7999${String(phoneCounter).padStart(7, "0")}`, ...over };
};

const post = (sb: Sandbox, body: string, headers: Record<string, string> = { "Access-Token": "sandbox" }) =>
  fetch(`${sb.url}${CREATE_PATH}`, { method: "POST", body, headers });

describe("the happy path", () => {
  it("accepts with incrementing widgetRequestIds and records what it accepted", async () => {
    const { sb, client } = await sandbox({ firstRequestId: 500 });
    const c = client();
    const a = fresh({ tags: ["x"] });
    const b = fresh();
    expect(await c.send(a)).toEqual({ kind: "accepted", status: 200, requestId: 500 });
    expect(await c.send(b)).toEqual({ kind: "accepted", status: 200, requestId: 501 });
    expect(sb.accepted).toEqual([
      { requestId: 500, receivedAt: T0, body: a, clientAddress: "127.0.0.1" },
      { requestId: 501, receivedAt: T0, body: b, clientAddress: "127.0.0.1" },
    ]);
    expect(sb.requests.map((r) => r.answer)).toEqual([200, 200]);
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe("the gateway", () => {
  it("answers 404 off the create path and 405 for other methods", async () => {
    const { sb } = await sandbox();
    expect((await fetch(`${sb.url}/other`, { method: "POST" })).status).toBe(404);
    const get = await fetch(`${sb.url}${CREATE_PATH}`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
  });

  it("refuses a missing token, and tokens outside the configured list, with 403 Invalid credentials", async () => {
    const { sb, client } = await sandbox({ tokens: ["good"] });
    const missing = await post(sb, JSON.stringify(fresh()), {});
    expect([missing.status, await missing.json()]).toEqual([403, { message: "Invalid credentials" }]);
    expect(await client("bad").send(fresh())).toEqual({
      kind: "http-error",
      status: 403,
      message: "Invalid credentials",
    });
    expect(await client("good").send(fresh())).toMatchObject({ kind: "accepted" });
  });

  it("admits 5 requests in any 1-second window per address; the 6th gets 429 with Retry-After", async () => {
    const { sb, clock, client } = await sandbox();
    const c = client();
    const outcomes = [];
    for (let i = 0; i < 6; i += 1) {
      clock.now = T0 + i * 100;
      outcomes.push(await c.send(fresh()));
    }
    expect(outcomes.slice(0, 5).every((o) => o.kind === "accepted")).toBe(true);
    expect(outcomes[5]).toMatchObject({ kind: "http-error", status: 429, retryAfterMs: 1000 });
    expect(outcomes[5]?.kind === "http-error" && outcomes[5].message).toMatch(
      /не более 5 запросов в секунду/,
    );
    expect(sb.rateLimited).toBe(1);
    clock.now = T0 + 1000;
    expect(await c.send(fresh())).toMatchObject({ kind: "accepted" });
    expect(sb.accepted).toHaveLength(6);
  });
});

describe("the application's answers", () => {
  it("an empty body or broken JSON is error 1", async () => {
    const { sb } = await sandbox();
    for (const raw of ["", "{not json"]) {
      const res = await post(sb, raw);
      expect([res.status, await res.json()]).toEqual([
        400,
        { data: { apiErrorData: { errorCode: 1, errorMessage: API_ERROR_TEXT[1] } } },
      ]);
    }
  });

  it("field violations come back as validationErrorData", async () => {
    const { client } = await sandbox();
    const outcome = await client().send({ routeKey: "", phone: "79992223344", tags: Array(11).fill("t") });
    expect(outcome).toEqual({
      kind: "validation-error",
      status: 400,
      violations: [
        { propertyPath: "routeKey", message: "Значение не должно быть пустым." },
        { propertyPath: "tags", message: "Эта коллекция должна содержать 10 элементов или меньше." },
      ],
    });
  });

  it.each<[string, SandboxOptions, Partial<CallbackRequest>, number]>([
    ["invalid phone", {}, { phone: "78001234567" }, 10013],
    ["disabled routeKey", { disabledRouteKeys: ["routekey_1"] }, {}, 10003],
    ["unknown routeKey", { routeKeys: ["other"] }, {}, 10003],
    ["service off", { serviceEnabled: false }, {}, 10002],
    ["no minutes", { minutes: 0 }, {}, 10001],
    ["unknown session", { sessions: ["1"] }, { sessionId: "2" }, 10004],
  ])("%s -> %i with its Russian message", async (_name, options, over, code) => {
    const { sb, client } = await sandbox(options);
    expect(await client().send(fresh(over))).toEqual({
      kind: "api-error",
      status: 400,
      code,
      message: API_ERROR_TEXT[code],
    });
    expect(sb.accepted).toHaveLength(0);
  });

  it("spends the minutes balance on accepted requests only", async () => {
    const { client } = await sandbox({ minutes: 2 });
    const c = client();
    const codes = [];
    for (const body of [fresh(), fresh({ phone: "78001234567" }), fresh(), fresh()]) {
      const o = await c.send(body);
      codes.push(o.kind === "api-error" ? o.code : o.kind);
    }
    expect(codes).toEqual(["accepted", 10013, "accepted", 10001]);
  });

  it("per-phone, per-session and interval limits: 10006, 10005, 10007", async () => {
    const { clock, client } = await sandbox({ phoneDailyLimit: 1, sessionLimit: 1, minIntervalMs: 60_000 });
    const c = client();
    const phone = fresh();
    expect(await c.send(phone)).toMatchObject({ kind: "accepted" });
    clock.now += 10_000;
    expect(await c.send({ ...phone, sessionId: "77" })).toMatchObject({ code: 10007 });
    clock.now += 60_000;
    expect(await c.send(phone)).toMatchObject({ code: 10006 });
    expect(await c.send({ ...phone, sessionId: "77" })).toMatchObject({ kind: "accepted" });
    clock.now += 60_000;
    expect(await c.send(fresh({ sessionId: "77" }))).toMatchObject({ code: 10005 });
  });
});

describe("fault knobs", () => {
  it("failRate 1: every request gets a JSON 500 and nothing is recorded", async () => {
    const { sb, client } = await sandbox({ failRate: 1 });
    expect(await client().send(fresh())).toEqual({
      kind: "http-error",
      status: 500,
      message: "Внутренняя ошибка сервера",
    });
    expect(sb.accepted).toHaveLength(0);
    expect(sb.requests[0]).toMatchObject({ fault: "error-5xx", answer: 500 });
  });

  it("htmlRate 1: a proxy's HTML 502 page", async () => {
    const { sb, client } = await sandbox({ htmlRate: 1 });
    expect(await client().send(fresh())).toEqual({
      kind: "bad-body",
      status: 502,
      snippet: "502 Bad Gateway 502 Bad Gateway nginx",
    });
    expect(sb.accepted).toHaveLength(0);
  });

  it("resetBeforeRate 1: the connection is reset and nothing is recorded", async () => {
    const { sb, client } = await sandbox({ resetBeforeRate: 1 });
    expect(await client().send(fresh())).toMatchObject({ kind: "network", errorCode: "ECONNRESET" });
    expect(sb.accepted).toHaveLength(0);
    expect(sb.requests[0]).toMatchObject({ fault: "reset-before", answer: "reset" });
  });

  it("resetAfterRate 1: the request is accepted and recorded, the answer is lost", async () => {
    const { sb, client } = await sandbox({ resetAfterRate: 1 });
    const body = fresh();
    expect(await client().send(body)).toMatchObject({
      kind: "network",
      phase: "after-send",
      errorCode: "ECONNRESET",
    });
    expect(sb.accepted.map((a) => a.body)).toEqual([body]);
  });

  it("hangRate 1: never answers, records nothing, and close() still returns", async () => {
    const { sb, client } = await sandbox({ hangRate: 1 });
    expect(await client("sandbox", 100).send(fresh())).toMatchObject({
      kind: "network",
      phase: "after-send",
      errorCode: "ETIMEDOUT",
    });
    expect(sb.accepted).toHaveLength(0);
    expect(sb.requests[0]).toMatchObject({ fault: "hang", answer: "hang" });
  });

  it("latency delays the answer after processing: a client that gives up meanwhile has still created a callback", async () => {
    const { sb, client } = await sandbox({ latencyMs: 300 });
    expect(await client("sandbox", 50).send(fresh())).toMatchObject({ kind: "network", phase: "after-send" });
    expect(sb.accepted).toHaveLength(1);
  });

  it("the same seed gives the same faults", async () => {
    const faults = async () => {
      const { sb, clock, client } = await sandbox({ failRate: 0.5, seed: 42 });
      const c = client();
      for (let i = 0; i < 10; i += 1) {
        clock.now += 1000;
        await c.send(fresh());
      }
      return sb.requests.map((r) => r.fault);
    };
    const first = await faults();
    expect(first).toContain("error-5xx");
    expect(first).toContain("none");
    expect(await faults()).toEqual(first);
  });

  it("configure() changes rules and knobs at runtime and refuses bad values", async () => {
    const { sb, client } = await sandbox();
    const c = client();
    expect(await c.send(fresh())).toMatchObject({ kind: "accepted" });
    sb.configure({ serviceEnabled: false });
    expect(await c.send(fresh())).toMatchObject({ code: 10002 });
    sb.configure({ serviceEnabled: true, failRate: 1 });
    expect(await c.send(fresh())).toMatchObject({ status: 500 });
    expect(() => sb.configure({ failRate: 2 })).toThrow(ConfigError);
    expect(sb.settings.failRate).toBe(1);
  });

  it("refuses bad options at start", async () => {
    await expect(startSandbox({ hangRate: -1 })).rejects.toThrow(ConfigError);
  });
});

describe("onAnswer", () => {
  it("sees every request once, with the answer it got", async () => {
    const answers: (number | string)[] = [];
    const { sb, client } = await sandbox({ onAnswer: (seen) => answers.push(seen.answer) });
    const c = client();
    await c.send(fresh());
    await c.send(fresh({ phone: "78001234567" }));
    sb.configure({ resetAfterRate: 1 });
    await c.send(fresh());
    sb.configure({ resetAfterRate: 0, hangRate: 1 });
    await client("sandbox", 50).send(fresh());
    await fetch(`${sb.url}/nowhere`);
    expect(answers).toEqual([200, 400, "reset", "hang", 404]);
  });
});

describe("a sandbox left running", () => {
  it("remembers only the latest `keep` requests, and counts them all", async () => {
    const { sb, clock, client } = await sandbox({ keep: 3 });
    const c = client();
    const bodies = [fresh(), fresh(), fresh(), fresh(), fresh()];
    for (const body of bodies) {
      clock.now += 1000;
      await c.send(body);
    }
    expect(sb.accepted.map((a) => a.body)).toEqual(bodies.slice(2));
    expect(sb.requests).toHaveLength(3);
    expect([sb.acceptedCount, sb.requestCount]).toEqual([5, 5]);
    const record = (await (await fetch(`${sb.url}/__sandbox/accepted`)).json()) as { accepted: unknown[] };
    expect(record).toMatchObject({ acceptedTotal: 5, requests: 5, rateLimited: 0 });
    expect(record.accepted).toHaveLength(3);
  });
});
