import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { RateLimiter } from "../dispatch/rate-limiter.js";
import type { RowAttempt } from "../engine/run.js";
import type { SettledRow } from "../sinks/outcome-sink.js";
import type { FolderEvent } from "../watch/folder-events.js";
import type { Hold } from "../watch/supervisor.js";
import type { CampaignState, UiModel } from "./model.js";

/**
 * `GET /metrics` in Prometheus' text format: its own registry (never prom-client's global one), fed
 * by the same events as the page. Gauges that read the service's state are read when scraped.
 * Names and labels are listed in docs/contract.md.
 */
export class UiMetrics {
  readonly registry = new Registry();
  readonly #requests: Counter<"campaign" | "outcome">;
  readonly #rows: Counter<"campaign" | "status">;
  readonly #limiterWait: Histogram;
  readonly #pauses: Counter<"by">;
  readonly #sheetRequests: Counter<"kind">;
  readonly #sheetQuotaWaits: Counter;
  readonly #clients: Gauge;

  constructor(model: UiModel, hold: Hold, calltouchPaused: () => boolean) {
    const registers = [this.registry];
    // The event loop's delay sampled every 100 ms, not prom-client's 10 ms: an idle service stays idle.
    collectDefaultMetrics({
      register: this.registry,
      prefix: "ctdial_process_",
      eventLoopMonitoringPrecision: 100,
    });
    this.#requests = new Counter({
      name: "ctdial_requests_total",
      // i18n-exempt: Prometheus help text, documentation for monitoring tools
      help: "Requests sent to Calltouch, by campaign and by what came back (accepted, api-error, http-error, ...).",
      labelNames: ["campaign", "outcome"],
      registers,
    });
    this.#rows = new Counter({
      name: "ctdial_rows_total",
      // i18n-exempt: Prometheus help text, documentation for monitoring tools
      help: "Rows settled, by campaign and status (sent, invalid, skipped, failed, unknown, pending).",
      labelNames: ["campaign", "status"],
      registers,
    });
    this.#limiterWait = new Histogram({
      name: "ctdial_limiter_wait_seconds",
      // i18n-exempt: Prometheus help text, documentation for monitoring tools
      help: "How long a request waited for its slot in the rate limiter.",
      buckets: [0.05, 0.2, 0.5, 1, 2, 5, 15, 60],
      registers,
    });
    this.#pauses = new Counter({
      name: "ctdial_pauses_total",
      // i18n-exempt: Prometheus help text, documentation for monitoring tools
      help: "Pauses of all sending: by calltouch (it refused the account) or by the page (a supervisor).",
      labelNames: ["by"],
      registers,
    });
    new Gauge({
      name: "ctdial_paused",
      // i18n-exempt: Prometheus help text, documentation for monitoring tools
      help: "1 while all sending is paused (by Calltouch's refusal or from the page), else 0.",
      labelNames: ["by"],
      registers,
      collect() {
        this.set({ by: "page" }, hold.active === undefined ? 0 : 1);
        this.set({ by: "calltouch" }, calltouchPaused() ? 1 : 0);
      },
    });
    new Gauge({
      name: "ctdial_sender_lock_held",
      // i18n-exempt: Prometheus help text, documentation for monitoring tools
      help: "1 while this service holds the machine's sender lock, else 0.",
      registers,
      collect() {
        this.set(model.senderLockHeld() ? 1 : 0);
      },
    });
    const states: CampaignState[] = ["queued", "dialing", "call-window", "paused", "waits", "leaving"];
    new Gauge({
      name: "ctdial_campaigns",
      // i18n-exempt: Prometheus help text, documentation for monitoring tools
      help: "Campaigns in hand, by state.",
      labelNames: ["state"],
      registers,
      collect() {
        const counts = model.statesCount();
        for (const state of states) this.set({ state }, counts.get(state) ?? 0);
      },
    });
    this.#sheetRequests = new Counter({
      name: "ctdial_sheets_requests_total",
      // i18n-exempt: Prometheus help text, documentation for monitoring tools
      help: "Requests to Google Sheets, by kind (read, write).",
      labelNames: ["kind"],
      registers,
    });
    this.#sheetQuotaWaits = new Counter({
      name: "ctdial_sheets_quota_waits_total",
      // i18n-exempt: Prometheus help text, documentation for monitoring tools
      help: "Times a Google Sheets request waited for the per-minute quota.",
      registers,
    });
    this.#clients = new Gauge({
      name: "ctdial_ui_clients",
      // i18n-exempt: Prometheus help text, documentation for monitoring tools
      help: "Pages following the live stream now.",
      registers,
    });
    hold.onChange(() => {
      if (hold.active !== undefined) this.#pauses.inc({ by: "page" });
    });
  }

  event(event: FolderEvent): void {
    if (event.kind === "paused") this.#pauses.inc({ by: "calltouch" });
  }

  attempt(file: string, attempt: RowAttempt): void {
    this.#requests.inc({ campaign: file, outcome: attempt.answer.kind });
  }

  settled(file: string, row: SettledRow): void {
    this.#rows.inc({ campaign: file, status: row.outcome.status });
  }

  sheetRequest(kind: "read" | "write"): void {
    this.#sheetRequests.inc({ kind });
  }

  sheetQuotaWait(): void {
    this.#sheetQuotaWaits.inc();
  }

  clients(count: number): void {
    this.#clients.set(count);
  }

  /** The limiter every campaign shares, timed: how long each request waits for its slot. */
  timed(limiter: RateLimiter): RateLimiter {
    const wait = this.#limiterWait;
    return {
      get rate() {
        return limiter.rate;
      },
      get intervalMs() {
        return limiter.intervalMs;
      },
      schedule(fn, options) {
        const asked = performance.now();
        return limiter.schedule(() => {
          wait.observe((performance.now() - asked) / 1000);
          return fn();
        }, options);
      },
      slowDown: (ms) => limiter.slowDown(ms),
      departed: () => limiter.departed(),
      stats: () => limiter.stats(),
    };
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
