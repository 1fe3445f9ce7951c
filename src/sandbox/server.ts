import http from "node:http";
import type { AddressInfo } from "node:net";
import { CREATE_PATH } from "../calltouch/endpoint.js";
import type { CallbackRequest } from "../calltouch/types.js";
import { answerCall } from "./answer-call.js";
import { createRandom, drawFault, drawLatency } from "./faults.js";
import {
  internalErrorAnswer,
  methodNotAllowedAnswer,
  notFoundAnswer,
  payloadTooLargeAnswer,
  proxyPageAnswer,
  type SandboxAnswer,
  tooManyRequestsAnswer,
} from "./messages.js";
import {
  applyPatch,
  DEFAULT_SETTINGS,
  type SandboxOptions,
  type SandboxPatch,
  type SandboxSettings,
} from "./options.js";
import { SlidingWindowLimiter } from "./rate-window.js";
import { Ledger } from "./rules.js";
import type { SeenRequest } from "./seen-request.js";

export interface AcceptedRequest {
  readonly requestId: number;
  /** Arrival time, ms since the epoch (by the sandbox's clock). */
  readonly receivedAt: number;
  readonly body: CallbackRequest;
  readonly clientAddress: string;
}

/**
 * GET here returns `{accepted, acceptedTotal, rateLimited, requests}`: the emulator's own record, for
 * tests across processes. `accepted` is the latest `keep` accepted requests; the counts are whole.
 */
export const INSPECT_PATH = "/__sandbox/accepted";
/** POST a JSON patch of settings here (e.g. `{"minutes": 100}` to top up the balance) while it runs. */
export const CONFIGURE_PATH = "/__sandbox/configure";

export interface Sandbox {
  /** Base URL to use as CALLTOUCH_API_URL, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly port: number;
  /**
   * The latest `keep` requests it accepted (created a callback for), oldest first, including those whose
   * answer it then lost on purpose.
   */
  readonly accepted: readonly AcceptedRequest[];
  /** How many requests it accepted since it started (`accepted` holds only the latest). */
  readonly acceptedCount: number;
  /** The latest `keep` requests that reached it, oldest first, with the answer given. */
  readonly requests: readonly SeenRequest[];
  /** How many requests reached it since it started. */
  readonly requestCount: number;
  /** How many requests were refused with 429. */
  readonly rateLimited: number;
  readonly settings: SandboxSettings;
  /** Changes rules or fault knobs while running; throws ConfigError for a bad value. */
  configure(patch: SandboxPatch): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Requests remembered by default: plenty for any test or a day of trying an integration, while a
 * `ctdial sandbox` left running for weeks stays the same size (the counts go on).
 */
export const DEFAULT_KEEP = 10_000;

/** Starts the Calltouch emulator on loopback. See options.ts for every knob and its default. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const {
    port = 0,
    host = "127.0.0.1",
    seed = 1,
    firstRequestId = 1,
    now = Date.now,
    onAnswer,
    keep: keepOption = DEFAULT_KEEP,
    ...patch
  } = options;
  let settings = applyPatch(DEFAULT_SETTINGS, patch);
  const keep = Math.max(1, Math.trunc(keepOption));
  const random = createRandom(seed);
  const limiter = new SlidingWindowLimiter(settings.rateLimit, settings.rateWindowMs);
  const ledger = new Ledger(firstRequestId);
  const accepted: AcceptedRequest[] = [];
  const requests: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let rateLimited = 0;
  let acceptedCount = 0;
  let requestCount = 0;
  /** Appends, dropping the oldest beyond `keep`: the record's memory is bounded, its counts are not. */
  const remember = <T>(list: T[], item: T): void => {
    list.push(item);
    if (list.length > keep) list.splice(0, list.length - keep);
  };

  // Every way a request ends goes through one of these three, so that onAnswer sees each request once.
  const reply = (seen: SeenRequest, res: http.ServerResponse, answer: SandboxAnswer): void => {
    writeAnswer(seen, res, answer);
    onAnswer?.(seen);
  };
  const reset = (seen: SeenRequest, req: http.IncomingMessage): void => {
    resetConnection(seen, req);
    onAnswer?.(seen);
  };
  const hangUp = (seen: SeenRequest): void => {
    seen.answer = "hang";
    onAnswer?.(seen);
  };

  const later = (fn: () => void): void => {
    const ms = drawLatency(settings, random);
    if (ms <= 0) {
      fn();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  /** Path, method and the rate window: what a gateway checks before the application sees anything. */
  const refuse = (seen: SeenRequest): SandboxAnswer | undefined => {
    if (seen.path !== CREATE_PATH) return notFoundAnswer();
    if (seen.method !== "POST") return methodNotAllowedAnswer();
    if (limiter.admit(seen.clientAddress, seen.receivedAt)) return undefined;
    rateLimited += 1;
    const seconds = Math.max(1, Math.ceil(limiter.waitMs(seen.clientAddress, seen.receivedAt) / 1000));
    return tooManyRequestsAnswer(settings.rateLimit, seconds);
  };

  const process = (seen: SeenRequest, req: http.IncomingMessage): SandboxAnswer => {
    const header = req.headers["access-token"];
    const token = Array.isArray(header) ? header[0] : header;
    const result = answerCall({ token, raw: seen.body, at: seen.receivedAt }, settings, ledger);
    if (result.accepted) {
      acceptedCount += 1;
      remember(accepted, {
        ...result.accepted,
        receivedAt: seen.receivedAt,
        clientAddress: seen.clientAddress,
      });
    }
    return result.answer;
  };

  const respond = (
    seen: SeenRequest,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    raw?: string,
  ): void => {
    if (raw === undefined) {
      reply(seen, res, payloadTooLargeAnswer());
      return;
    }
    seen.body = raw;
    if (seen.fault === "hang") {
      hangUp(seen);
      return;
    }
    // A 5xx or a proxy page stands for a failure in front of the application: nothing is processed.
    const answer =
      seen.fault === "error-5xx"
        ? internalErrorAnswer()
        : seen.fault === "html-502"
          ? proxyPageAnswer()
          : process(seen, req);
    later(() => (seen.fault === "reset-after" ? reset(seen, req) : reply(seen, res, answer)));
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (req.method === "GET" && req.url === INSPECT_PATH) {
      // For tests and integrators: what the emulator accepted, outside the API and its rate window.
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ accepted, acceptedTotal: acceptedCount, rateLimited, requests: requestCount }),
      );
      return;
    }
    if (req.method === "POST" && req.url === CONFIGURE_PATH) {
      readBody(req, (raw) => {
        try {
          api.configure(JSON.parse(raw ?? "") as SandboxPatch);
          res.writeHead(204).end();
        } catch (error) {
          res.writeHead(400, { "content-type": "text/plain" }).end((error as Error).message);
        }
      });
      return;
    }
    // The arrival time is taken before anything else, so the rate window sees requests in arrival order.
    const seen: SeenRequest = {
      receivedAt: now(),
      clientAddress: (req.socket.remoteAddress ?? "unknown").replace(/^::ffff:/, ""),
      method: req.method ?? "",
      path: (req.url ?? "/").split("?")[0] ?? "/",
      body: "",
      fault: "none",
      answer: "pending",
    };
    requestCount += 1;
    remember(requests, seen);
    req.on("error", () => {});
    const refusal = refuse(seen);
    if (refusal !== undefined) {
      reply(seen, res, refusal);
      return;
    }
    seen.fault = drawFault(settings, random);
    if (seen.fault === "reset-before") {
      reset(seen, req);
      return;
    }
    readBody(req, (raw) => respond(seen, req, res, raw));
  };

  const server = http.createServer(handle);
  // Node's default, stated because it matters: the client's idle sockets must time out before this.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;

  const api: Sandbox = {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    accepted,
    requests,
    get acceptedCount() {
      return acceptedCount;
    },
    get requestCount() {
      return requestCount;
    },
    get rateLimited() {
      return rateLimited;
    },
    get settings() {
      return settings;
    },
    configure(next: SandboxPatch): void {
      settings = applyPatch(settings, next);
      limiter.reconfigure(settings.rateLimit, settings.rateWindowMs);
    },
    close(): Promise<void> {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        // Kept-alive idle sockets and hanging requests would hold close() open forever.
        server.closeAllConnections();
      });
    },
  };
  return api;
}

/** A TCP reset (RST), not a clean close: what a crashed server or a dropping balancer looks like. */
function resetConnection(seen: SeenRequest, req: http.IncomingMessage): void {
  seen.answer = "reset";
  req.socket.resetAndDestroy();
}

function readBody(req: http.IncomingMessage, done: (raw: string | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on("end", () => done(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
}

function writeAnswer(seen: SeenRequest, res: http.ServerResponse, answer: SandboxAnswer): void {
  seen.answer = answer.status;
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(answer.status, {
    "Content-Type": answer.contentType,
    "Content-Length": Buffer.byteLength(answer.body),
    ...answer.headers,
  });
  res.end(answer.body);
}
