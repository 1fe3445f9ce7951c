import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename } from "node:path";
import type { Clock } from "../clock.js";
import type { Lang } from "../i18n/lang.js";
import type { Hold } from "../watch/supervisor.js";
import { hostPort, isLoopback } from "./address.js";
import type { UiMetrics } from "./metrics.js";
import type { UiModel } from "./model.js";
import { pageHtml, tokenPageHtml } from "./page.js";

/**
 * The page's HTTP server, on Node's own http module. Every route is listed here; anything else is
 * 404, a known route with another method 405, a body over `MAX_BODY` 413. A POST must carry the
 * page's CSRF token and come from the page's own origin. With a token (CTDIAL_UI_TOKEN) every route
 * needs it: in the HttpOnly SameSite=Strict cookie the page's form sets, or as HTTP basic auth.
 */
export interface UiServerOptions {
  readonly host: string;
  readonly port: number;
  /** CTDIAL_UI_TOKEN; required by the caller when `host` is not a loopback address. */
  readonly token?: string;
  readonly model: UiModel;
  readonly metrics: UiMetrics;
  readonly hold: Hold;
  /** The process's language: the page's unless it asks for another (`?lang=ru`). */
  readonly lang: Lang;
  readonly clock: Clock;
  /** A pause or resume from the page, for the log (`by`: where it came from). */
  readonly onAction?: (action: "pause" | "resume", by: string) => void;
  /** How often the live stream may send (ms). @default 1000 */
  readonly pushMs?: number;
}

export interface UiServer {
  /** `http://127.0.0.1:8484/` */
  readonly url: string;
  readonly port: number;
  /** Says "stopped" to every page following the stream, then closes. */
  close(): Promise<void>;
}

export const MAX_BODY = 4096;
const COOKIE = "ctdial_ui";
const HEARTBEAT_MS = 30_000;
const ROUTES: Readonly<Record<string, readonly string[]>> = {
  "/": ["GET"],
  "/api/status": ["GET"],
  "/api/events": ["GET"],
  "/metrics": ["GET"],
  "/api/pause": ["POST"],
  "/api/resume": ["POST"],
  "/login": ["POST"],
};

interface Follower {
  readonly res: ServerResponse;
  readonly lang: Lang;
  sent: number;
}

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const { model, metrics, hold } = options;
  const pushMs = options.pushMs ?? 1000;
  // One CSRF token for the page of this process: a page from another site cannot read it.
  const csrf = randomBytes(24).toString("base64url");
  const followers = new Set<Follower>();
  let ticker: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let closing = false;
  let port = options.port;

  const allowedHosts = (): Set<string> => {
    const names = new Set([hostPort(options.host, port).toLowerCase()]);
    for (const name of ["127.0.0.1", "localhost", "[::1]"]) names.add(`${name}:${port}`);
    return names;
  };

  function langOf(url: URL): Lang {
    const asked = url.searchParams.get("lang");
    return asked === "ru" || asked === "en" ? asked : options.lang;
  }

  function authorized(req: IncomingMessage): boolean {
    const token = options.token;
    if (token === undefined || token === "") return true;
    const cookie = cookies(req.headers.cookie)[COOKIE];
    if (cookie !== undefined && same(cookie, cookieValue(token))) return true;
    const auth = req.headers.authorization;
    if (auth?.startsWith("Basic ")) {
      const decoded = Buffer.from(auth.slice(6), "base64").toString("utf8");
      const password = decoded.slice(decoded.indexOf(":") + 1);
      if (same(password, token)) return true;
    }
    return false;
  }

  /** The request comes from the page itself, not from another site's page or form. */
  function sameOrigin(req: IncomingMessage): boolean {
    const site = req.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin" && site !== "none") return false;
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let host: string;
      try {
        host = new URL(origin).host.toLowerCase();
      } catch {
        return false;
      }
      if (host !== (req.headers.host ?? "").toLowerCase()) return false;
    }
    return true;
  }

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  }

  function json(res: ServerResponse, status: number, value: unknown): void {
    send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
  }

  function plain(res: ServerResponse, status: number, text: string): void {
    send(res, status, "text/plain; charset=utf-8", `${text}\n`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cache-Control", "no-store");
    // On a loopback address the page must be asked for by its own address: a foreign site's name
    // pointed at 127.0.0.1 (DNS rebinding) is refused. Beyond it, the token guards every route.
    const host = (req.headers.host ?? "").toLowerCase();
    if (isLoopback(options.host) && !allowedHosts().has(host)) return plain(res, 421, "misdirected");
    const url = new URL(req.url ?? "/", "http://page.invalid");
    const path = url.pathname;
    const report = /^\/report\/(c\d{1,9})$/.exec(path);
    const methods = report !== null ? ["GET"] : ROUTES[path];
    if (methods === undefined) return plain(res, 404, "not found");
    if (!methods.includes(req.method ?? "")) {
      res.setHeader("Allow", methods.join(", "));
      return plain(res, 405, "not allowed");
    }
    const body = req.method === "POST" ? await readBody(req, res) : "";
    if (body === undefined) return;
    const lang = langOf(url);

    if (path === "/login") {
      if (!sameOrigin(req)) return plain(res, 403, "forbidden");
      const given = new URLSearchParams(body).get("token") ?? "";
      const ok = options.token !== undefined && same(given, options.token);
      if (!ok) return htmlPage(res, 401, (nonce) => tokenPageHtml(lang, true, nonce));
      res.setHeader("Set-Cookie", `${COOKIE}=${cookieValue(given)}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: `/?lang=${lang}`, "Content-Length": 0 });
      res.end();
      return;
    }
    if (!authorized(req)) {
      if (path === "/") return htmlPage(res, 401, (nonce) => tokenPageHtml(lang, false, nonce));
      res.setHeader("WWW-Authenticate", 'Basic realm="ctdial", charset="UTF-8"');
      return plain(res, 401, "token needed");
    }

    if (req.method === "POST") {
      if (!sameOrigin(req)) return plain(res, 403, "forbidden");
      const given = req.headers["x-csrf-token"];
      if (typeof given !== "string" || !same(given, csrf)) return plain(res, 403, "forbidden");
      if (model.isStopped) return plain(res, 409, "stopped");
      const by = req.socket.remoteAddress ?? "?";
      const action = path === "/api/pause" ? "pause" : "resume";
      const changed = action === "pause" ? hold.pause(by, options.clock.now()) : hold.resume();
      if (changed) options.onAction?.(action, by);
      return json(res, 200, model.status(lang));
    }
    switch (path) {
      case "/":
        return htmlPage(res, 200, (nonce) => pageHtml(model.status(lang), csrf, nonce));
      case "/api/status":
        return json(res, 200, model.status(lang));
      case "/metrics": {
        const text = await metrics.text();
        return send(res, 200, metrics.contentType, text);
      }
      case "/api/events":
        return follow(req, res, lang);
    }
    if (report !== null) return sendReport(res, report[1] ?? "");
    return plain(res, 404, "not found");
  }

  function htmlPage(res: ServerResponse, status: number, make: (nonce: string) => string): void {
    const nonce = randomBytes(16).toString("base64");
    res.setHeader(
      "Content-Security-Policy",
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
    send(res, status, "text/html; charset=utf-8", make(nonce));
  }

  /** The campaign's own report, found by the model from the campaign's name; the request gives only an id. */
  function sendReport(res: ServerResponse, id: string): void {
    const path = model.reportPath(id);
    if (path === undefined) {
      plain(res, 404, "not found");
      return;
    }
    const name = basename(path);
    const stream = createReadStream(path);
    stream.once("open", () => {
      res.writeHead(200, {
        "Content-Type": name.endsWith(".xlsx")
          ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          : "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
      stream.pipe(res);
    });
    stream.once("error", () => {
      if (!res.headersSent) plain(res, 404, "not found");
      else res.destroy();
    });
  }

  /** Server-Sent Events: the status now, then again when it changed (at most once a second). */
  function follow(_req: IncomingMessage, res: ServerResponse, lang: Lang): void {
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    const status = model.status(lang);
    const follower: Follower = { res, lang, sent: status.version };
    if (model.isStopped || closing) {
      res.end(`retry: 3000\nevent: stopped\ndata: ${JSON.stringify(status)}\n\n`);
      return;
    }
    res.write(`retry: 3000\ndata: ${JSON.stringify(status)}\n\n`);
    followers.add(follower);
    metrics.clients(followers.size);
    startTicking();
    res.on("close", () => {
      followers.delete(follower);
      metrics.clients(followers.size);
      if (followers.size === 0) stopTicking();
    });
  }

  function push(): void {
    if (followers.size === 0) return;
    const version = model.version;
    const byLang = new Map<Lang, string>();
    for (const follower of followers) {
      if (follower.sent === version) continue;
      let data = byLang.get(follower.lang);
      if (data === undefined) {
        data = JSON.stringify(model.status(follower.lang));
        byLang.set(follower.lang, data);
      }
      follower.sent = version;
      follower.res.write(`data: ${data}\n\n`);
    }
  }

  function startTicking(): void {
    ticker ??= setInterval(push, pushMs);
    heartbeat ??= setInterval(() => {
      for (const follower of followers) follower.res.write(": alive\n\n");
    }, HEARTBEAT_MS);
  }

  function stopTicking(): void {
    clearInterval(ticker);
    clearInterval(heartbeat);
    ticker = undefined;
    heartbeat = undefined;
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, "error");
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.maxHeadersCount = 50;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${hostPort(options.host, port)}/`;

  return {
    url,
    port,
    close: async () => {
      closing = true;
      stopTicking();
      for (const follower of followers) {
        const data = JSON.stringify(model.status(follower.lang));
        follower.res.end(`event: stopped\ndata: ${data}\n\n`);
      }
      followers.clear();
      metrics.clients(0);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      });
    },
  };
}

/** The body of a POST, at most MAX_BODY bytes; undefined once a 413 was answered. */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY) {
    res.setHeader("Connection", "close");
    res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("too large\n");
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY) {
        done = true;
        res.setHeader("Connection", "close");
        res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("too large\n");
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", () => {
      if (done) return;
      done = true;
      resolve(undefined);
    });
  });
}

function cookies(header: string | undefined): Record<string, string> {
  const found: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    try {
      found[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      // A cookie that is not ours and not well-formed: ignored.
    }
  }
  return found;
}

/** What the cookie keeps: a digest of the token, never the token itself. */
function cookieValue(token: string): string {
  return createHash("sha256").update(`ctdial-ui:${token}`).digest("base64url");
}

/** Compares secrets in constant time (their hashes, so that the lengths do not tell either). */
function same(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
