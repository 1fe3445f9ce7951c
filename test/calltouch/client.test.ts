import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createCalltouchClient } from "../../src/calltouch/client.js";
import { CREATE_PATH } from "../../src/calltouch/endpoint.js";
import type { CallbackRequest, CalltouchClient } from "../../src/calltouch/types.js";
import { ConfigError } from "../../src/errors.js";
import { say } from "../../src/i18n/catalog.js";
import { waitFor } from "../wait-for.js";
import {
  hang,
  html,
  json,
  NGINX_502,
  resetAfterRead,
  resetMidAnswer,
  type ScriptedServer,
  startScripted,
} from "./scripted-server.js";

const REQUEST: CallbackRequest = { routeKey: "routekey_1", phone: "79992223344", tags: ["prozvon"] };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(...scripts: Parameters<typeof startScripted>): Promise<ScriptedServer> {
  const server = await startScripted(...scripts);
  cleanups.push(() => server.close());
  return server;
}

function client(
  baseUrl: string,
  options: Partial<Parameters<typeof createCalltouchClient>[0]> = {},
): CalltouchClient {
  const c = createCalltouchClient({ baseUrl, token: "tok-1", ...options });
  cleanups.push(() => c.close());
  return c;
}

describe("the request", () => {
  it("POSTs the JSON body with the token and JSON headers to the create path", async () => {
    const server = await serve(json(200, { data: { widgetRequestId: 242839778 } }));
    const outcome = await client(server.url).send(REQUEST);
    expect(outcome).toEqual({ kind: "accepted", status: 200, requestId: 242839778 });
    const [seen] = server.seen;
    expect(seen?.method).toBe("POST");
    expect(seen?.url).toBe(CREATE_PATH);
    expect(seen?.headers["access-token"]).toBe("tok-1");
    expect(seen?.headers["content-type"]).toBe("application/json");
    expect(seen?.headers.accept).toBe("application/json");
    expect(JSON.parse(seen?.body ?? "")).toEqual(REQUEST);
  });

  it("keeps a base path and ignores a trailing slash", async () => {
    const server = await serve(json(200, { data: { widgetRequestId: 1 } }));
    await client(`${server.url}/proxy/calltouch/`).send(REQUEST);
    expect(server.seen[0]?.url).toBe(`/proxy/calltouch${CREATE_PATH}`);
  });

  it("reuses one kept-alive connection for consecutive requests", async () => {
    const server = await serve(
      json(200, { data: { widgetRequestId: 1 } }),
      json(200, { data: { widgetRequestId: 2 } }),
    );
    const c = client(server.url);
    expect(await c.send(REQUEST)).toMatchObject({ kind: "accepted", requestId: 1 });
    expect(await c.send(REQUEST)).toMatchObject({ kind: "accepted", requestId: 2 });
    expect(server.connections()).toBe(1);
  });

  it("refuses a malformed base URL or token at construction, without echoing the token", () => {
    expect(() => createCalltouchClient({ baseUrl: "api.calltouch.ru", token: "t" })).toThrow(ConfigError);
    expect(() => createCalltouchClient({ baseUrl: "ftp://x", token: "t" })).toThrow(/https:\/\//);
    expect(() => createCalltouchClient({ baseUrl: "http://x", token: "  " })).toThrow(/CALLTOUCH_TOKEN/);
    const bad = () => createCalltouchClient({ baseUrl: "http://x", token: "SECRET TOKEN\u0007" });
    expect(bad).toThrow(ConfigError);
    expect(bad).not.toThrow(/SECRET/);
  });

  it("trims the newline a token file leaves", async () => {
    const server = await serve(json(200, { data: { widgetRequestId: 1 } }));
    await client(server.url, { token: "tok-2\n" }).send(REQUEST);
    expect(server.seen[0]?.headers["access-token"]).toBe("tok-2");
  });

  it("rejects send() after close()", async () => {
    const c = createCalltouchClient({ baseUrl: "http://127.0.0.1:9", token: "t" });
    await c.close();
    await expect(c.send(REQUEST)).rejects.toThrow(/after close/);
  });
});

describe("answers become outcomes", () => {
  it("500, then 200: each answer is its own outcome", async () => {
    const server = await serve(
      json(500, { message: "Internal Server Error" }),
      json(200, { data: { widgetRequestId: 7 } }),
    );
    const c = client(server.url);
    expect(await c.send(REQUEST)).toEqual({
      kind: "http-error",
      status: 500,
      message: "Internal Server Error",
    });
    expect(await c.send(REQUEST)).toEqual({ kind: "accepted", status: 200, requestId: 7 });
  });

  it("a proxy's HTML 502 page is bad-body with a readable snippet", async () => {
    const server = await serve(html(502, NGINX_502));
    expect(await client(server.url).send(REQUEST)).toEqual({
      kind: "bad-body",
      status: 502,
      snippet: "502 Bad Gateway 502 Bad Gateway nginx",
    });
  });

  it("429 with Retry-After in seconds carries retryAfterMs", async () => {
    const server = await serve(json(429, { message: "Too Many Requests" }, { "Retry-After": "2" }));
    expect(await client(server.url).send(REQUEST)).toEqual({
      kind: "http-error",
      status: 429,
      message: "Too Many Requests",
      retryAfterMs: 2000,
    });
  });

  it("an API error keeps Calltouch's message verbatim", async () => {
    const message = "Недостаточно минут для обратного звонка";
    const server = await serve(
      json(400, { data: { apiErrorData: { errorCode: 10001, errorMessage: message } } }),
    );
    expect(await client(server.url).send(REQUEST)).toEqual({
      kind: "api-error",
      status: 400,
      code: 10001,
      message,
    });
  });
});

describe("lost answers are told apart by phase", () => {
  it("a reset after the request was read is after-send", async () => {
    const server = await serve(resetAfterRead);
    expect(await client(server.url).send(REQUEST)).toMatchObject({
      kind: "network",
      phase: "after-send",
      errorCode: "ECONNRESET",
    });
    expect(server.seen).toHaveLength(1);
  });

  it("a reset in the middle of the answer is after-send", async () => {
    const server = await serve(resetMidAnswer);
    expect(await client(server.url).send(REQUEST)).toMatchObject({ kind: "network", phase: "after-send" });
  });

  it("no answer within the response timeout is after-send ETIMEDOUT", async () => {
    const server = await serve(hang);
    const outcome = await client(server.url, { responseTimeoutMs: 150 }).send(REQUEST);
    expect(outcome).toMatchObject({ kind: "network", phase: "after-send", errorCode: "ETIMEDOUT" });
    expect(outcome.kind === "network" && say("en", outcome.message)).toMatch(/may have been created/);
    expect(outcome.kind === "network" && say("ru", outcome.message)).toMatch(
      /обратный звонок мог быть создан/,
    );
  });

  it("a refused connection is before-send", async () => {
    const server = await startScripted(hang);
    await server.close();
    expect(await client(server.url).send(REQUEST)).toMatchObject({
      kind: "network",
      phase: "before-send",
      errorCode: "ECONNREFUSED",
    });
  });

  it("a request that never got a connection in time is before-send, and never reaches the server", async () => {
    const server = await serve(hang);
    // One socket only: the first request holds it, the second waits for it and hits the connect timeout.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(async () => agent.destroy());
    const c = client(server.url, { agent, connectTimeoutMs: 100, responseTimeoutMs: 60_000 });
    void c.send(REQUEST);
    const second = await c.send(REQUEST);
    expect(second).toMatchObject({ kind: "network", phase: "before-send", errorCode: "ETIMEDOUT" });
    expect(server.seen).toHaveLength(1);
  });

  it("a reset while the body is still being written is before-send", async () => {
    // The server resets as soon as the headers arrive; a 32 MB body cannot all be handed to the socket by then.
    const server = http.createServer((req) => req.socket.resetAndDestroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { port } = server.address() as { port: number };
    const huge: CallbackRequest = { ...REQUEST, callUrl: "x".repeat(32 * 1024 * 1024) };
    expect(await client(`http://127.0.0.1:${port}`).send(huge)).toMatchObject({
      kind: "network",
      phase: "before-send",
    });
  });

  it("a reset on a reused kept-alive socket is after-send: the server may have read it", async () => {
    const server = await serve(json(200, { data: { widgetRequestId: 1 } }), resetAfterRead);
    const c = client(server.url);
    await c.send(REQUEST);
    expect(await c.send(REQUEST)).toMatchObject({
      kind: "network",
      phase: "after-send",
      errorCode: "ECONNRESET",
    });
    expect(server.connections()).toBe(1);
  });

  it("an abort before sending is before-send and sends nothing; an abort while waiting is after-send", async () => {
    const server = await serve(hang);
    const c = client(server.url);
    const early = await c.send(REQUEST, { signal: AbortSignal.abort() });
    expect(early).toMatchObject({ kind: "network", phase: "before-send", errorCode: "ABORT_ERR" });
    expect(server.seen).toHaveLength(0);

    const controller = new AbortController();
    const pending = c.send(REQUEST, { signal: controller.signal });
    await waitFor(() => server.seen.length > 0, "the request to reach the server", 20_000, 5);
    controller.abort();
    expect(await pending).toMatchObject({ kind: "network", phase: "after-send", errorCode: "ABORT_ERR" });
  });
});

describe("redaction never breaks a real answer", () => {
  it("a token that happens to occur in a JSON answer does not corrupt it", async () => {
    // Regression: scrubbing the body before parsing turned "widgetRequestId" into "widge***Reques***Id".
    const server = await serve(json(200, { data: { widgetRequestId: 5 } }));
    expect(await client(server.url, { token: "t" }).send(REQUEST)).toEqual({
      kind: "accepted",
      status: 200,
      requestId: 5,
    });
  });
});
