import http from "node:http";
import https from "node:https";
import { ConfigError } from "../errors.js";
import { createEndpoint, describeHost } from "./endpoint.js";
import { abortOutcome, networkOutcome, type SendPhase, timeoutOutcome } from "./network-error.js";
import { readAnswer } from "./read-answer.js";
import { redactOutcome, scrubToken } from "./redact.js";
import type { CallbackRequest, CallOutcome, CalltouchClient } from "./types.js";

export interface CalltouchClientOptions {
  /** CALLTOUCH_API_URL: scheme, host and an optional path prefix; a trailing "/" is fine. */
  readonly baseUrl: string;
  /** The Access-Token. Never appears in an outcome, a message or a log line. */
  readonly token: string;
  /**
   * From the start of a send until the request is completely written (DNS, TCP, TLS, waiting for a
   * free socket, writing). Firing means nothing reached the server: a `before-send` outcome.
   * @default 10000
   */
  readonly connectTimeoutMs?: number;
  /**
   * From the moment the request is written until the whole answer is read. Firing means the answer
   * was lost and a callback may exist: an `after-send` outcome.
   * @default 30000
   */
  readonly responseTimeoutMs?: number;
  /** An agent of the caller's (tests, proxies). It is not destroyed by close(). @default a keep-alive agent */
  readonly agent?: http.Agent;
}

/**
 * How long an idle kept-alive socket may wait for reuse. It must be shorter than the server's idle
 * timeout: when a server closes an idle socket at the moment we write a request into it, the request
 * is lost in a reset that arrives after the write, and we cannot know the server never read it, so the
 * row ends `unknown`. Node's own server closes after 5 s, nginx after 75 s; 4 s stays under both.
 * Node's agent also honours a `Keep-Alive: timeout=N` hint (it waits at most N-1 s).
 */
export const FREE_SOCKET_TIMEOUT_MS = 4000;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_RESPONSE_TIMEOUT_MS = 30_000;
/** Calltouch's answers are a few hundred bytes; a longer body is kept only up to this much (it is a page, not JSON). */
const MAX_BODY_BYTES = 256 * 1024;

/** One request -> one CallOutcome. Never throws for an answer or a network failure. */
export function createCalltouchClient(options: CalltouchClientOptions): CalltouchClient {
  const endpoint = createEndpoint(options.baseUrl);
  const token = checkedToken(options.token);
  const transport = endpoint.protocol === "https:" ? https : http;
  const agent =
    options.agent ??
    new transport.Agent({
      keepAlive: true,
      timeout: FREE_SOCKET_TIMEOUT_MS,
      // The most recently used socket is the least likely to have been closed by the server meanwhile.
      scheduling: "lifo",
    });
  const settings: Exchange = {
    endpoint,
    transport,
    agent,
    token,
    host: describeHost(endpoint),
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    responseTimeoutMs: options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
  };
  let closed = false;

  return {
    send(request: CallbackRequest, sendOptions?: { signal?: AbortSignal }): Promise<CallOutcome> {
      // i18n-exempt: only a bug raises it (a send after close)
      if (closed) return Promise.reject(new Error("CalltouchClient.send() called after close()"));
      return exchange(settings, JSON.stringify(request), sendOptions?.signal);
    },
    async close(): Promise<void> {
      closed = true;
      // Requests still in flight are cut: callers close only after their in-flight requests settled.
      if (options.agent === undefined) agent.destroy();
    },
  };
}

interface Exchange {
  readonly endpoint: URL;
  readonly transport: typeof http | typeof https;
  readonly agent: http.Agent;
  readonly token: string;
  readonly host: string;
  readonly connectTimeoutMs: number;
  readonly responseTimeoutMs: number;
}

function checkedToken(raw: string): string {
  // A token file usually ends with a newline; anything else outside visible ASCII cannot be a header value.
  const token = raw.trim();
  if (token === "") throw new ConfigError({ code: "E_TOKEN_EMPTY", params: {} }, { code: "E_CONFIG" });
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError({ code: "E_TOKEN_CHARS", params: {} }, { code: "E_CONFIG" });
  }
  return token;
}

/**
 * One HTTP exchange. The phase is the heart of it: until the request is completely handed to the
 * socket ('finish'), no failure can have created a callback (`before-send`, safe to retry); after it,
 * a lost answer may hide a created callback (`after-send`). A reset on a reused keep-alive socket after
 * the write is reported `after-send` too: it is usually the idle-close race, but a server that read the
 * request and then died looks exactly the same from here.
 */
function exchange(x: Exchange, body: string, signal: AbortSignal | undefined): Promise<CallOutcome> {
  return new Promise<CallOutcome>((resolve) => {
    if (signal?.aborted) {
      resolve(abortOutcome("before-send", x.host));
      return;
    }
    let phase: SendPhase = "before-send";
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let request: http.ClientRequest | undefined;

    const settle = (outcome: CallOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(redactOutcome(outcome, x.token));
    };
    const cut = (outcome: CallOutcome): void => {
      settle(outcome);
      request?.destroy();
    };
    function onAbort(): void {
      cut(abortOutcome(phase, x.host));
    }
    const enterAfterSend = (): void => {
      if (phase === "after-send") return;
      phase = "after-send";
      clearTimeout(timer);
      timer = setTimeout(
        () => cut(timeoutOutcome("after-send", x.host, x.responseTimeoutMs)),
        x.responseTimeoutMs,
      );
    };

    try {
      request = x.transport.request(x.endpoint, {
        method: "POST",
        agent: x.agent,
        headers: {
          "Access-Token": x.token,
          "Content-Type": "application/json",
          Accept: "application/json",
          "Content-Length": Buffer.byteLength(body),
          "User-Agent": "ctdial",
        },
      });
    } catch (error) {
      resolve(networkOutcome(error, "before-send", x.host));
      return;
    }
    timer = setTimeout(
      () => cut(timeoutOutcome("before-send", x.host, x.connectTimeoutMs)),
      x.connectTimeoutMs,
    );
    signal?.addEventListener("abort", onAbort, { once: true });

    request.on("finish", enterAfterSend);
    request.on("error", (error) => settle(networkOutcome(error, phase, x.host)));
    request.on("response", (response) => {
      // A server may answer before it read all of the body; from here on the answer is what counts.
      enterAfterSend();
      readResponse(x, response, settle);
    });
    request.end(body);
  });
}

function readResponse(
  x: Exchange,
  response: http.IncomingMessage,
  settle: (outcome: CallOutcome) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  response.on("data", (chunk: Buffer) => {
    if (size < MAX_BODY_BYTES) chunks.push(chunk);
    size += chunk.length;
  });
  response.on("end", () => {
    const text = Buffer.concat(chunks).toString("utf8");
    const answer = { status: response.statusCode ?? 0, headers: response.headers, body: text };
    settle(readAnswer(answer, Date.now(), (page) => scrubToken(page, x.token)));
  });
  response.on("error", (error) => settle(networkOutcome(error, "after-send", x.host)));
  response.on("close", () => {
    if (!response.complete) settle(networkOutcome({ code: "ECONNRESET" }, "after-send", x.host));
  });
}
