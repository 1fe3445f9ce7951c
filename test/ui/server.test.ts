import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planUi } from "../../src/cli/watch-ui.js";
import type { RowAttempt } from "../../src/engine/run.js";
import { ConfigError } from "../../src/errors.js";
import { parseUiAddress } from "../../src/ui/address.js";
import { maskPhone, maskPhonesIn } from "../../src/ui/mask.js";
import { UiMetrics } from "../../src/ui/metrics.js";
import { UiModel, type UiStatus } from "../../src/ui/model.js";
import { MAX_BODY, startUiServer, type UiServer } from "../../src/ui/server.js";
import type { StatusView } from "../../src/watch/folder-events.js";
import { Hold } from "../../src/watch/supervisor.js";
import { tempDir, whenDone } from "../tidy.js";
import { waitFor } from "../wait-for.js";

const NOW = Date.UTC(2026, 11, 7, 9, 30);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  server: UiServer,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: server.port,
        method,
        path,
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A folder service as the page sees it: a view that the test changes, one file running. */
function fakeFolder(dir: string) {
  let view: StatusView = {
    dir,
    at: NOW,
    state: { kind: "sending" },
    since: NOW,
    running: [{ name: "clients.csv", done: 3, read: 10, counts: { sent: 2, invalid: 1 } }],
    waiting: [],
    recent: [],
  };
  return {
    handle: { view: () => view, senderLockHeld: () => true },
    set(next: Partial<StatusView>) {
      view = { ...view, ...next };
    },
  };
}

async function setUp(options: { token?: string; lang?: "en" | "ru" } = {}) {
  const dir = tempDir("ctdial-ui-");
  let now = NOW;
  const clock = { now: () => now };
  const hold = new Hold();
  const model = new UiModel({
    clock,
    dir,
    endpoint: { sandbox: false, address: "api.calltouch.ru" },
    hold,
    noteText: () => "note",
  });
  const metrics = new UiMetrics(model, hold, () => false);
  const folder = fakeFolder(dir);
  model.attach(folder.handle);
  const actions: string[] = [];
  const server = await startUiServer({
    host: "127.0.0.1",
    port: 0,
    ...(options.token === undefined ? {} : { token: options.token }),
    model,
    metrics,
    hold,
    lang: options.lang ?? "en",
    clock,
    pushMs: 50,
    onAction: (action, by) => actions.push(`${action} ${by}`),
  });
  whenDone(() => server.close());
  const page = await call(server, "GET", "/");
  const csrf = /"csrf":"([^"]+)"/.exec(page.body)?.[1] ?? "";
  return {
    dir,
    hold,
    model,
    metrics,
    folder,
    server,
    csrf,
    actions,
    tick: (ms: number) => {
      now += ms;
    },
  };
}

describe("the page's server", () => {
  it("serves the page, its status and its metrics; anything else is 404 or 405", async () => {
    const { server } = await setUp();
    const page = await call(server, "GET", "/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["content-security-policy"]).toMatch(/default-src 'none'/);
    expect(page.body).toContain("clients.csv");
    expect(page.body).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    expect((await call(server, "GET", "/api/status")).status).toBe(200);
    expect((await call(server, "GET", "/nothing")).status).toBe(404);
    expect((await call(server, "GET", "/api/status/../../etc/passwd")).status).toBe(404);
    const put = await call(server, "PUT", "/");
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe("GET");
    expect((await call(server, "GET", "/api/pause")).status).toBe(405);
    expect((await call(server, "DELETE", "/api/status")).status).toBe(405);
    // Asked for by another name (DNS rebinding): refused.
    expect((await call(server, "GET", "/api/status", { headers: { Host: "evil.example" } })).status).toBe(
      421,
    );
  });

  it("answers /api/status with what the page shows", async () => {
    const { server } = await setUp();
    const status = JSON.parse((await call(server, "GET", "/api/status")).body) as UiStatus;
    expect(status).toMatchObject({
      lang: "en",
      service: {
        kind: "folder",
        running: true,
        state: "sending",
        lock: "held",
        endpoint: { sandbox: false, address: "api.calltouch.ru" },
      },
      chart: { total: 0 },
      campaigns: [
        {
          id: "c1",
          name: "clients.csv",
          state: "dialing",
          stateText: "Dialing",
          settled: 3,
          known: 10,
          progressText: "3 of 10 rows settled",
          counts: { sent: 2, invalid: 1 },
        },
      ],
    });
    expect(status.chart.perMinute).toHaveLength(60);
    expect(typeof status.version).toBe("number");
    expect(status.service.lines.length).toBeGreaterThan(0);
  });

  it("speaks Russian when the process does, or when the page asks", async () => {
    const { server } = await setUp({ lang: "ru" });
    const status = JSON.parse((await call(server, "GET", "/api/status")).body) as UiStatus;
    expect(status.campaigns[0]?.stateText).toBe("Идёт обзвон");
    expect(status.campaigns[0]?.progressText).toBe("обработано 3 из 10 строк");
    expect((await call(server, "GET", "/")).body).toContain("Приостановить отправку");
    const en = JSON.parse((await call(server, "GET", "/api/status?lang=en")).body) as UiStatus;
    expect(en.campaigns[0]?.stateText).toBe("Dialing");
  });

  it("refuses a body over the limit with 413", async () => {
    const { server, csrf } = await setUp();
    const big = "x".repeat(MAX_BODY + 1);
    const reply = await call(server, "POST", "/api/pause", {
      headers: { "X-CSRF-Token": csrf, "Content-Type": "application/json" },
      body: big,
    });
    expect(reply.status).toBe(413);
  });

  it("pauses and resumes only for the page itself (CSRF token, origin)", async () => {
    const { server, csrf, hold, actions } = await setUp();
    const port = server.port;
    const post = (path: string, headers: Record<string, string>) =>
      call(server, "POST", path, { headers: { "Content-Type": "application/json", ...headers }, body: "{}" });
    expect((await post("/api/pause", {})).status).toBe(403);
    expect((await post("/api/pause", { "X-CSRF-Token": "guess" })).status).toBe(403);
    expect((await post("/api/pause", { "X-CSRF-Token": csrf, Origin: "http://evil.example" })).status).toBe(
      403,
    );
    expect((await post("/api/pause", { "X-CSRF-Token": csrf, "Sec-Fetch-Site": "cross-site" })).status).toBe(
      403,
    );
    expect(hold.active).toBeUndefined();
    const paused = await post("/api/pause", {
      "X-CSRF-Token": csrf,
      Origin: `http://127.0.0.1:${port}`,
      "Sec-Fetch-Site": "same-origin",
    });
    expect(paused.status).toBe(200);
    expect(hold.active).toMatchObject({ by: "127.0.0.1", since: NOW });
    const status = JSON.parse(paused.body) as UiStatus;
    expect(status.service.held).toEqual({ by: "127.0.0.1", since: NOW });
    expect(status.service.alert?.[0]).toMatch(/^All sending paused from this page since/);
    expect((await post("/api/resume", { "X-CSRF-Token": csrf })).status).toBe(200);
    expect(hold.active).toBeUndefined();
    expect(actions).toEqual(["pause 127.0.0.1", "resume 127.0.0.1"]);
  });

  it("with a token, asks for it once and keeps it in an HttpOnly SameSite=Strict cookie, or takes basic auth", async () => {
    const { server } = await setUp({ token: "s3cret" });
    const page = await call(server, "GET", "/");
    expect(page.status).toBe(401);
    expect(page.body).toContain('name="token"');
    expect(page.body).not.toContain("clients.csv");
    const api = await call(server, "GET", "/api/status");
    expect(api.status).toBe(401);
    expect(api.headers["www-authenticate"]).toMatch(/^Basic/);
    expect((await call(server, "GET", "/metrics")).status).toBe(401);
    const wrong = await call(server, "POST", "/login", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "token=nope",
    });
    expect(wrong.status).toBe(401);
    const login = await call(server, "POST", "/login", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "token=s3cret",
    });
    expect(login.status).toBe(303);
    const cookie = String(login.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain("s3cret");
    const withCookie = await call(server, "GET", "/api/status", {
      headers: { Cookie: cookie.split(";")[0] ?? "" },
    });
    expect(withCookie.status).toBe(200);
    const basic = await call(server, "GET", "/metrics", {
      headers: { Authorization: `Basic ${Buffer.from("prometheus:s3cret").toString("base64")}` },
    });
    expect(basic.status).toBe(200);
  });

  it("serves a campaign's own report by its id, and nothing else", async () => {
    const { server, dir } = await setUp();
    writeFileSync(join(dir, "clients.report.csv"), "phone;ctdial_status\n");
    writeFileSync(join(dir, "secret.txt"), "no");
    const report = await call(server, "GET", "/report/c1");
    expect(report.status).toBe(200);
    expect(report.headers["content-disposition"]).toMatch(/attachment; filename="clients.report.csv"/);
    expect(report.body).toBe("phone;ctdial_status\n");
    for (const path of [
      "/report/c2",
      "/report/..%2Fsecret.txt",
      "/report/../secret.txt",
      "/report/c1/../../secret.txt",
      "/report/clients.report.csv",
      "/secret.txt",
    ]) {
      expect((await call(server, "GET", path)).status, path).toBe(404);
    }
  });

  it("finds the report in done/ once the file has left the folder", async () => {
    const { server, dir, folder, model } = await setUp();
    mkdirSync(join(dir, "done"));
    writeFileSync(join(dir, "done", "clients.report.csv"), "old\n");
    writeFileSync(join(dir, "done", "clients.2026-12-07T09-31-00.report.csv"), "new\n");
    model.event({
      kind: "file-done",
      entry: { kind: "done", file: "clients.csv", total: 3, counts: { sent: 3 }, sentNow: 3, to: "done" },
    });
    folder.set({ running: [] });
    model.refresh(true);
    const status = JSON.parse((await call(server, "GET", "/api/status")).body) as UiStatus;
    expect(status.campaigns[0]).toMatchObject({ state: "done", report: "/report/c1" });
    expect((await call(server, "GET", "/report/c1")).body).toMatch(/^(old|new)\n$/);
  });

  it("streams the status (SSE) when it changes, at most once a tick, and ends with 'stopped'", async () => {
    const { server, hold, model, tick } = await setUp();
    const chunks: string[] = [];
    let ended = false;
    const req = request({ host: "127.0.0.1", port: server.port, path: "/api/events" }, (res) => {
      expect(res.headers["content-type"]).toMatch(/^text\/event-stream/);
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => chunks.push(chunk));
      res.on("end", () => {
        ended = true;
      });
    });
    req.end();
    whenDone(() => req.destroy());
    await waitFor(() => chunks.join("").includes("data: "), "the first status");
    const events = () =>
      chunks
        .join("")
        .split("\n\n")
        .filter((e) => e.includes("data: "));
    expect(events()).toHaveLength(1);
    hold.pause("127.0.0.1", NOW);
    tick(1000);
    await waitFor(() => events().length >= 2, "an update");
    expect(events()[1]).toContain('"held":{"by":"127.0.0.1"');
    // Nothing changed: nothing more is sent.
    const before = events().length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events().length).toBe(before);
    expect((await call(server, "GET", "/metrics")).body).toContain("ctdial_ui_clients 1");
    model.stopped();
    await server.close();
    await waitFor(() => ended, "the stream's end");
    expect(chunks.join("")).toMatch(/event: stopped\ndata: \{.*"running":false/);
  });

  it("exports Prometheus metrics that move with the service", async () => {
    const { server, model, metrics, hold } = await setUp();
    const text = async () => (await call(server, "GET", "/metrics")).body;
    const first = await text();
    for (const name of [
      "ctdial_requests_total",
      "ctdial_rows_total",
      "ctdial_limiter_wait_seconds",
      "ctdial_pauses_total",
      "ctdial_paused",
      "ctdial_sender_lock_held",
      "ctdial_campaigns",
      "ctdial_sheets_requests_total",
      "ctdial_sheets_quota_waits_total",
      "ctdial_ui_clients",
    ]) {
      expect(first, name).toContain(`# TYPE ${name} `);
    }
    expect(first).toContain("ctdial_sender_lock_held 1");
    expect(first).toContain('ctdial_campaigns{state="dialing"} 1');
    const attempt = { answer: { kind: "accepted", status: 200, requestId: 1 } } as unknown as RowAttempt;
    metrics.attempt("clients.csv", attempt);
    model.attempt("clients.csv", attempt);
    const sink = model.sinkFor("clients.csv");
    sink.accept({
      index: 0,
      row: { rowNumber: 2, cells: [] },
      outcome: {
        status: "invalid",
        problems: [
          { column: "Телефон", problem: { code: "rowsPhoneGotText", params: { text: "8 999 123 45 44" } } },
        ],
      },
    });
    metrics.settled("clients.csv", {
      index: 0,
      row: { rowNumber: 2, cells: [] },
      outcome: { status: "invalid", problems: [] },
    });
    const limited = metrics.timed({
      rate: 5,
      intervalMs: 204,
      schedule: (fn) => fn(),
      slowDown: () => undefined,
      departed: () => undefined,
      stats: () => ({ started: 0, waiting: 0, inFlight: 0, slowDowns: 0 }),
    });
    await limited.schedule(async () => 1);
    hold.pause("127.0.0.1", NOW);
    const after = await text();
    expect(after).toContain('ctdial_requests_total{campaign="clients.csv",outcome="accepted"} 1');
    expect(after).toContain('ctdial_rows_total{campaign="clients.csv",status="invalid"} 1');
    expect(after).toContain("ctdial_limiter_wait_seconds_count 1");
    expect(after).toContain('ctdial_pauses_total{by="page"} 1');
    expect(after).toContain('ctdial_paused{by="page"} 1');
    // The problem is on the page with its phone masked.
    const status = JSON.parse((await call(server, "GET", "/api/status")).body) as UiStatus;
    expect(status.campaigns[0]?.problems[0]).toMatchObject({
      row: 2,
      column: "Телефон",
      line: 'row 2, column Телефон: expected a phone number, got "+7 999 ***-**-44"',
    });
    expect(JSON.stringify(status)).not.toContain("123 45 44");
    expect(status.chart.total).toBe(1);
  });
});

describe("--ui's address and token", () => {
  it("reads [HOST:]PORT, bare is 127.0.0.1:8484", () => {
    expect(parseUiAddress(true)).toEqual({ host: "127.0.0.1", port: 8484 });
    expect(parseUiAddress("9000")).toEqual({ host: "127.0.0.1", port: 9000 });
    expect(parseUiAddress("0.0.0.0:9000")).toEqual({ host: "0.0.0.0", port: 9000 });
    expect(parseUiAddress("[::1]:9000")).toEqual({ host: "::1", port: 9000 });
    expect(() => parseUiAddress("host:port")).toThrow(ConfigError);
    expect(() => parseUiAddress("70000")).toThrow(ConfigError);
  });

  it("refuses to listen beyond this machine without CTDIAL_UI_TOKEN", () => {
    expect(planUi("127.0.0.1:0", {})).toEqual({ address: { host: "127.0.0.1", port: 0 } });
    let refused: unknown;
    try {
      planUi("0.0.0.0:8484", {});
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).code).toBe("E_UI_TOKEN_NEEDED");
    expect((refused as ConfigError).exitCode).toBe(2);
    expect((refused as ConfigError).message).toMatch(/set CTDIAL_UI_TOKEN/);
    expect(planUi("0.0.0.0:8484", { CTDIAL_UI_TOKEN: "t" })).toEqual({
      address: { host: "0.0.0.0", port: 8484 },
      token: "t",
    });
  });
});

describe("phones on the page", () => {
  it("are masked", () => {
    expect(maskPhone("79991234544")).toBe("+7 999 ***-**-44");
    expect(maskPhone("+7 (999) 123-45-44")).toBe("+7 999 ***-**-44");
    expect(maskPhone("89991234544")).toBe("+7 999 ***-**-44");
    expect(maskPhonesIn("row 3: 8 999 123 45 44 is a duplicate of +79991234544")).toBe(
      "row 3: +7 999 ***-**-44 is a duplicate of +7 999 ***-**-44",
    );
    expect(maskPhonesIn("10005: wrong number, 12 rows")).toBe("10005: wrong number, 12 rows");
  });
});

describe("the live stream's followers", () => {
  it("are counted, and forgotten when they go", async () => {
    const { server } = await setUp();
    const req = request({ host: "127.0.0.1", port: server.port, path: "/api/events" });
    let got = "";
    req.on("response", (res) => res.on("data", (chunk: Buffer) => (got += chunk.toString())));
    req.end();
    await waitFor(() => got.includes("data: "), "the first status");
    expect((await call(server, "GET", "/metrics")).body).toContain("ctdial_ui_clients 1");
    req.destroy();
    await waitFor(
      async () => (await call(server, "GET", "/metrics")).body.includes("ctdial_ui_clients 0"),
      "the follower forgotten",
      5000,
      50,
    );
  });
});
