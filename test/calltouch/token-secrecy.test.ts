import http from "node:http";
import { afterEach, expect, it } from "vitest";
import { createCalltouchClient } from "../../src/calltouch/client.js";
import { decide } from "../../src/calltouch/decide.js";
import type { CallbackRequest } from "../../src/calltouch/types.js";
import {
  hang,
  html,
  json,
  NGINX_502,
  resetAfterRead,
  resetMidAnswer,
  type Script,
  type ScriptedServer,
  startScripted,
} from "./scripted-server.js";

const TOKEN = "SECRET-TOKEN-123";
const REQUEST: CallbackRequest = { routeKey: "routekey_1", phone: "79992223344" };
const servers: ScriptedServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A debugging proxy that shows the request headers back, in every shape a body can take. */
const echo =
  (status: number, shape: "html" | "json-message" | "api-error" | "violation" | "id"): Script =>
  (req, res) => {
    const token = String(req.headers["access-token"]);
    const bodies = {
      // The token sits at the snippet's cut: no prefix of it may survive truncation either.
      html: `<html><body><pre>${"x".repeat(173)} Access-Token: ${token}</pre></body></html>`,
      "json-message": JSON.stringify({ message: `bad token ${token}` }),
      "api-error": JSON.stringify({ data: { apiErrorData: { errorCode: 10003, errorMessage: token } } }),
      violation: JSON.stringify({
        data: { validationErrorData: { violations: [{ message: token, propertyPath: token }] } },
      }),
      id: JSON.stringify({ data: { widgetRequestId: token } }),
    };
    res.writeHead(status, { "Content-Type": shape === "html" ? "text/html" : "application/json" });
    res.end(bodies[shape]);
  };

const FAILURES: [string, Script][] = [
  ["500", json(500, { message: "Internal Server Error" })],
  ["403", json(403, { message: "Invalid credentials" })],
  ["429", json(429, {}, { "Retry-After": "1" })],
  ["html 502", html(502, NGINX_502)],
  ["reset after read", resetAfterRead],
  ["reset mid answer", resetMidAnswer],
  ["hang", hang],
  ["echo html", echo(502, "html")],
  ["echo message", echo(403, "json-message")],
  ["echo api error", echo(400, "api-error")],
  ["echo violation", echo(400, "violation")],
  ["echo id", echo(200, "id")],
];

it.each(FAILURES)("the token appears in no outcome or decision: %s", async (_name, script) => {
  const server = await startScripted(script);
  servers.push(server);
  const client = createCalltouchClient({ baseUrl: server.url, token: TOKEN, responseTimeoutMs: 100 });
  const outcome = await client.send(REQUEST);
  await client.close();
  const text = JSON.stringify([outcome, decide(outcome)]);
  expect(server.seen[0]?.headers["access-token"]).toBe(TOKEN);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain("SECRET-TOK");
});

it("the token appears in no outcome of a refused or cut connection", async () => {
  const refused = await startScripted(hang);
  await refused.close();
  const outcomes = [];
  let client = createCalltouchClient({ baseUrl: refused.url, token: TOKEN });
  outcomes.push(await client.send(REQUEST));
  outcomes.push(await client.send(REQUEST, { signal: AbortSignal.abort() }));
  await client.close();

  const agent = new http.Agent({ maxSockets: 1 });
  const slow = await startScripted(hang);
  servers.push(slow);
  client = createCalltouchClient({
    baseUrl: slow.url,
    token: TOKEN,
    agent,
    connectTimeoutMs: 50,
    responseTimeoutMs: 100,
  });
  const [first, second] = await Promise.all([client.send(REQUEST), client.send(REQUEST)]);
  outcomes.push(first, second);
  agent.destroy();

  expect(outcomes.map((o) => o.kind === "network" && o.phase)).toEqual([
    "before-send",
    "before-send",
    "after-send",
    "before-send",
  ]);
  expect(JSON.stringify(outcomes)).not.toContain(TOKEN);
});
