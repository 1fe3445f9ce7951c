/**
 * A Sheets API v4 fake on 127.0.0.1, spoken to by the real `@googleapis/sheets` client through
 * `rootUrl`. It keeps spreadsheets in memory, answers the endpoints ctdial uses with Google's
 * shapes and errors, enforces a per-minute read/write quota (429 RESOURCE_EXHAUSTED), records every
 * request, and lets a test (or, over `/__fake/*`, another process) change the sheet mid-run.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiError, ERRORS } from "./errors.js";
import { GridLimitError } from "./grid.js";
import { appendRows, deleteRows, insertRows, sortRows } from "./hooks.js";
import type { FakeCell, FakeSpreadsheet, FakeTab } from "./model.js";
import { type RequestKind, ROUTES, type Route } from "./routes.js";

export type { RequestKind } from "./routes.js";

export interface FakeRequest {
  readonly at: number;
  readonly method: string;
  /** Decoded path, e.g. `/v4/spreadsheets/abc/values:batchUpdate`. */
  readonly path: string;
  readonly kind: RequestKind;
  readonly status: number;
  /** Cells written (values endpoints) or the body's request types (spreadsheets.batchUpdate). */
  readonly detail?: string;
}

export interface TabInit {
  readonly title: string;
  readonly sheetId?: number;
  readonly rows: FakeCell[][];
  readonly rowCount?: number;
  readonly columnCount?: number;
}

export interface SpreadsheetInit {
  readonly spreadsheetId: string;
  readonly title?: string;
  readonly timeZone?: string;
  readonly access?: FakeSpreadsheet["access"];
  readonly kind?: FakeSpreadsheet["kind"];
  readonly tabs: readonly TabInit[];
}

export interface SheetsFakeOptions {
  readonly readsPerMinute?: number;
  readonly writesPerMinute?: number;
  /** Tokens the fake accepts; default: any bearer token. */
  readonly acceptToken?: (token: string) => boolean;
  readonly now?: () => number;
}

/** Something done to the sheet right after the n-th successful write (a person editing mid-run). */
export interface ScheduledEdit {
  readonly afterWrites: number;
  readonly edit: Edit;
}

export type Edit =
  | { op: "insert"; spreadsheetId: string; title: string; before: number; rows: FakeCell[][] }
  | { op: "delete"; spreadsheetId: string; title: string; from: number; count: number }
  | { op: "append"; spreadsheetId: string; title: string; rows: FakeCell[][] }
  | { op: "sort"; spreadsheetId: string; title: string; from: number; column: number; descending?: boolean }
  /** Renames the tab (and the file, with `file`). */
  | { op: "rename"; spreadsheetId: string; title: string; to: string; file?: string };

export class SheetsFake {
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  readonly requests: FakeRequest[] = [];
  /** Failures to answer instead of the next matching requests (each used once). */
  readonly failures: { kind: RequestKind | "any"; error: ApiError }[] = [];
  readonly scheduled: ScheduledEdit[] = [];
  /** Called after each API request is answered: tests edit the sheet here to act mid-run. */
  onRequest: ((request: FakeRequest) => void) | undefined;
  url = "";
  private server: Server | undefined;
  private writes = 0;

  constructor(readonly options: SheetsFakeOptions = {}) {}

  now(): number {
    return this.options.now?.() ?? Date.now();
  }

  add(init: SpreadsheetInit): FakeSpreadsheet {
    const sheet: FakeSpreadsheet = {
      spreadsheetId: init.spreadsheetId,
      title: init.title ?? "Клиенты",
      locale: "ru_RU",
      timeZone: init.timeZone ?? "Europe/Moscow",
      access: init.access ?? "editor",
      kind: init.kind ?? "sheets",
      tabs: init.tabs.map((tab, index) => ({
        sheetId: tab.sheetId ?? (index === 0 ? 0 : 1000 + index),
        title: tab.title,
        rows: tab.rows.map((row) => [...row]),
        rowCount: tab.rowCount ?? Math.max(1000, tab.rows.length),
        columnCount: tab.columnCount ?? Math.max(26, ...tab.rows.map((row) => row.length)),
      })),
    };
    this.spreadsheets.set(sheet.spreadsheetId, sheet);
    return sheet;
  }

  tab(spreadsheetId: string, title?: string): FakeTab {
    const sheet = this.spreadsheets.get(spreadsheetId);
    const tab = title === undefined ? sheet?.tabs[0] : sheet?.tabs.find((t) => t.title === title);
    if (tab === undefined) throw new Error(`fake: no tab ${title} in ${spreadsheetId}`);
    return tab;
  }

  edit(edit: Edit): void {
    const tab = this.tab(edit.spreadsheetId, edit.title);
    if (edit.op === "insert") insertRows(tab, edit.before, edit.rows);
    else if (edit.op === "delete") deleteRows(tab, edit.from, edit.count);
    else if (edit.op === "append") appendRows(tab, edit.rows);
    else if (edit.op === "rename") {
      tab.title = edit.to;
      const sheet = this.spreadsheets.get(edit.spreadsheetId)!;
      if (edit.file !== undefined) sheet.title = edit.file;
    } else sortRows(tab, edit.from, edit.column, edit.descending);
  }

  /** Requests of a kind that were answered (any status), e.g. to count writes per minute. */
  count(kind: RequestKind, status?: number): number {
    return this.requests.filter((r) => r.kind === kind && (status === undefined || r.status === status))
      .length;
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        send(res, 500, { error: { code: 500, message: String(error), status: "INTERNAL" } });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async close(): Promise<void> {
    if (this.server === undefined) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = decodeURIComponent(url.pathname);
    const body = await readBody(req);
    if (path.startsWith("/__fake/")) return send(res, 200, this.control(path, url, body));
    if (path === "/token" && req.method === "POST") {
      return send(res, 200, {
        access_token: "fake-user-access-token",
        expires_in: 3600,
        token_type: "Bearer",
      });
    }
    const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
    if (route === undefined) return send(res, 404, ERRORS.notFound().body);
    const answer = this.answer(route, path, url, body, req.headers.authorization);
    const request: FakeRequest = {
      at: this.now(),
      method: req.method ?? "",
      path,
      kind: route.kind,
      status: answer.status,
      detail: answer.detail,
    };
    this.requests.push(request);
    send(res, answer.status, answer.body);
    if (route.kind === "write" && answer.status === 200) {
      this.writes += 1;
      for (const item of this.scheduled.filter((s) => s.afterWrites === this.writes)) this.edit(item.edit);
    }
    this.onRequest?.(request);
  }

  private answer(
    route: Route,
    path: string,
    url: URL,
    body: unknown,
    authorization: string | undefined,
  ): { status: number; body: unknown; detail?: string } {
    const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
    if (token === undefined || !(this.options.acceptToken?.(token) ?? true)) return ERRORS.unauthenticated();
    const id = route.pattern.exec(path)?.[1] ?? "";
    const sheet = this.spreadsheets.get(id);
    if (sheet === undefined) return ERRORS.notFound();
    if (sheet.access === "none") return ERRORS.denied();
    if (sheet.kind === "xlsx") return ERRORS.notSupported();
    if (route.kind === "write" && sheet.access === "reader") return ERRORS.denied();
    const limit = route.kind === "read" ? this.options.readsPerMinute : this.options.writesPerMinute;
    const since = this.now() - 60_000;
    const recent = this.requests.filter((r) => r.kind === route.kind && r.status === 200 && r.at > since);
    if (recent.length >= (limit ?? 60)) return ERRORS.quota(route.kind === "read" ? "Read" : "Write");
    const failure = this.failures.findIndex((f) => f.kind === "any" || f.kind === route.kind);
    if (failure >= 0) return this.failures.splice(failure, 1)[0]!.error;
    try {
      return route.run(sheet, path, url, body);
    } catch (error) {
      if (error instanceof GridLimitError) return ERRORS.invalid(error.message);
      if (error instanceof RangeError) return ERRORS.badRange(error.message);
      throw error;
    }
  }

  private control(path: string, url: URL, body: unknown): unknown {
    const b = body as Record<string, unknown>;
    switch (path) {
      case "/__fake/spreadsheets":
        this.add(body as SpreadsheetInit);
        return {};
      case "/__fake/edit":
        this.edit(body as Edit);
        return {};
      case "/__fake/schedule":
        this.scheduled.push(body as ScheduledEdit);
        return {};
      case "/__fake/access": {
        const sheet = this.spreadsheets.get(String(b.spreadsheetId));
        if (sheet !== undefined)
          Object.assign(sheet, { access: b.access ?? sheet.access, kind: b.kind ?? sheet.kind });
        return {};
      }
      case "/__fake/tab":
        return this.tab(
          String(url.searchParams.get("spreadsheetId")),
          url.searchParams.get("title") ?? undefined,
        );
      case "/__fake/requests":
        return this.requests;
      default:
        return { error: `unknown control ${path}` };
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  // The OAuth token endpoint gets a form body; the API gets JSON.
  return text.startsWith("{") || text.startsWith("[") ? JSON.parse(text) : text;
}

export async function startSheetsFake(options: SheetsFakeOptions = {}): Promise<SheetsFake> {
  const fake = new SheetsFake(options);
  await fake.listen();
  return fake;
}
