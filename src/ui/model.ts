import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Clock } from "../clock.js";
import type { RowAttempt } from "../engine/run.js";
import type { RunSummary } from "../engine/summary.js";
import { isKey, type Said, say, words } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import type { OutcomeSink, SettledRow } from "../sinks/outcome-sink.js";
import type { FailureNote, FolderEvent, StatusView } from "../watch/folder-events.js";
import { DONE_DIR, FAILED_DIR, SOURCE_EXTENSIONS } from "../watch/ignore-rules.js";
import { reportPathOf } from "../watch/leave-folder.js";
import { stemOf } from "../watch/move-files.js";
import type { FolderHandle, Hold } from "../watch/supervisor.js";
import { maskPhonesIn } from "./mask.js";

/**
 * The one shared picture of the service that the page, `/api/status`, the live stream and
 * `/metrics` read: fed by what the service already tells (its events, each answer, each settled
 * row) and by its status, read at most once a second. Worded per language only when asked
 * (`status(lang)`), and cached per version: a page left open for a day costs one comparison a second.
 */

/** A campaign's state on the page (`/api/status` `campaigns[].state`). */
export type CampaignState =
  | "queued"
  | "dialing"
  | "call-window"
  | "paused"
  | "waits"
  | "leaving"
  | "done"
  | "failed"
  | "stopped";

export interface UiProblem {
  readonly row: number;
  readonly column?: string;
  /** The problem's sentence, in the page's language, phones masked. */
  readonly text: string;
  /** The whole line the page shows: the row, the column and the sentence. */
  readonly line: string;
}

export interface UiCampaign {
  readonly id: string;
  readonly name: string;
  readonly state: CampaignState;
  readonly stateText: string;
  /** Rows with a final outcome, and rows read so far (the bar's whole). */
  readonly settled: number;
  readonly known: number;
  readonly progressText: string;
  readonly counts: Readonly<Record<string, number>>;
  /** Rows settled over the last minute. */
  readonly ratePerMinute: number;
  readonly rateText: string;
  /** When it should finish at this rate (epoch ms); absent when unknown or finished. */
  readonly eta?: number;
  readonly etaText?: string;
  /** The last problems, newest first. */
  readonly problems: readonly UiProblem[];
  /** Where its report downloads from (`/report/<id>`), when there is one. */
  readonly report?: string;
}

/** What `GET /api/status` returns and the live stream sends: what the page shows (docs/contract.md). */
export interface UiStatus {
  readonly version: number;
  readonly lang: Lang;
  readonly at: number;
  readonly service: {
    /** A campaigns folder, or a followed Google Sheet (`where` is then its title and tab). */
    readonly kind: "folder" | "sheet";
    readonly where: string;
    readonly title: string;
    readonly since: number;
    readonly running: boolean;
    readonly stoppedAt?: number;
    readonly state: string;
    readonly endpoint: { readonly sandbox: boolean; readonly address: string };
    readonly lock: "held" | "free" | "waiting" | "sandbox";
    readonly accountPause?: {
      readonly code: string;
      readonly reason: string;
      readonly advice?: string;
      readonly nextCheck: number;
    };
    readonly held?: { readonly by: string; readonly since: number };
    /** The service's lines in the page's language, in the order the page shows them. */
    readonly lines: readonly string[];
    /** A line that needs attention (a pause and what to do), if any. */
    readonly alert?: readonly string[];
  };
  readonly chart: {
    /** Accepted requests per minute over the last hour, oldest first; the last is the minute now. */
    readonly perMinute: readonly number[];
    /** The start of the last (current) minute, epoch ms. */
    readonly lastMinute: number;
    readonly total: number;
    readonly max: number;
    readonly maxText: string;
    readonly totalText: string;
  };
  readonly campaigns: readonly UiCampaign[];
}

export interface UiModelOptions {
  readonly clock: Clock;
  /** The folder (absolute), or the sheet's title and tab. */
  readonly dir: string;
  /** @default "folder" */
  readonly kind?: "folder" | "sheet";
  readonly endpoint: { readonly sandbox: boolean; readonly address: string };
  readonly hold: Hold;
  /** How a failure note reads (the CLI's words for `<name>.error.txt`). */
  readonly noteText: (lang: Lang, note: FailureNote) => string;
  /** Rows settled and answers, for /metrics as well. */
  readonly onSettled?: (file: string, row: SettledRow) => void;
}

const MINUTE = 60_000;
const CHART_MINUTES = 60;
const PROBLEMS_KEPT = 5;
/** Finished campaigns shown, newest first: the page stays small however long the service runs. */
const FINISHED_KEPT = 20;
/** The status is read from the service at most this often. */
const REFRESH_MS = 1000;

interface Entry {
  readonly id: string;
  readonly name: string;
  state: CampaignState;
  settled: number;
  known: number;
  counts: Record<string, number>;
  opensAt?: number;
  zone?: string;
  waitsWhy?: string;
  until?: number;
  finishedAt?: number;
  note?: FailureNote;
  /** When rows settled, the last minute's (for the rate). */
  readonly recent: number[];
  /** When this run's first row settled (the rate's window is shorter before a minute has passed). */
  firstAt?: number;
  /** About how many rows the source holds, as it said when it opened. */
  estimate?: number;
  readonly problems: { row: number; column?: string; text: string | Said }[];
  /** Seen in the service's status at the last refresh (else finished or gone). */
  seen: boolean;
}

export class UiModel {
  readonly #o: UiModelOptions;
  #handle: FolderHandle | undefined;
  readonly #entries = new Map<string, Entry>();
  readonly #byId = new Map<string, Entry>();
  #nextId = 1;
  readonly #buckets = new Map<number, number>();
  #view: StatusView | undefined;
  #readAt = Number.NEGATIVE_INFINITY;
  #since: number;
  #stoppedAt: number | undefined;
  #version = 0;
  #said = "";
  readonly #cache = new Map<Lang, UiStatus>();
  #lockWaiting: string | undefined | null = null;
  readonly #changeListeners = new Set<() => void>();

  constructor(options: UiModelOptions) {
    this.#o = options;
    this.#since = options.clock.now();
    options.hold.onChange(() => {
      this.refresh(true);
      this.#changed();
    });
  }

  /** The service is running: its status can be read from now on. */
  attach(handle: FolderHandle): void {
    this.#handle = handle;
    this.#changed();
  }

  /** The service has ended: the page says so, and nothing changes any more. */
  stopped(): void {
    if (this.#stoppedAt !== undefined) return;
    this.refresh(true);
    this.#stoppedAt = this.#o.clock.now();
    for (const entry of this.#entries.values()) {
      if (!["done", "failed"].includes(entry.state)) entry.state = "stopped";
    }
    this.#handle = undefined;
    this.#changed();
  }

  get isStopped(): boolean {
    return this.#stoppedAt !== undefined;
  }

  /** Listens for changes that must reach the page at once (a pause, the end). */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  /** A folder event, as the service tells it. */
  event(event: FolderEvent): void {
    switch (event.kind) {
      case "file-done": {
        const entry = this.#entry(event.entry.file);
        entry.state = "done";
        entry.counts = { ...event.entry.counts };
        entry.settled = event.entry.total;
        entry.known = event.entry.total;
        entry.finishedAt = this.#o.clock.now();
        break;
      }
      case "file-failed": {
        const entry = this.#entry(event.file);
        entry.state = "failed";
        entry.note = event.note;
        entry.finishedAt = this.#o.clock.now();
        break;
      }
      case "waiting-for-sender":
        this.#lockWaiting =
          event.holder === undefined ? undefined : `pid ${event.holder.pid}: ${event.holder.command}`;
        break;
      case "picked-up":
        this.#lockWaiting = null;
        this.#entry(event.file);
        break;
      default:
        return;
    }
    this.#changed();
  }

  /** An answer Calltouch gave (the chart counts the accepted ones). */
  attempt(_file: string, attempt: RowAttempt): void {
    if (attempt.answer.kind !== "accepted") return;
    const minute = Math.floor(this.#o.clock.now() / MINUTE) * MINUTE;
    this.#buckets.set(minute, (this.#buckets.get(minute) ?? 0) + 1);
    for (const old of this.#buckets.keys())
      if (old <= minute - CHART_MINUTES * MINUTE) this.#buckets.delete(old);
  }

  /** A look at a followed sheet ended: its rows and counts as the look's summary says, until the next. */
  lookEnded(name: string, summary: RunSummary): void {
    const entry = this.#entry(name);
    entry.settled = summary.total;
    entry.known = summary.total;
    const counts: Record<string, number> = {};
    for (const status of ["sent", "invalid", "skipped", "failed", "unknown", "pending"]) {
      const n = summary[status as keyof RunSummary];
      if (typeof n === "number" && n > 0) counts[status] = n;
    }
    entry.counts = counts;
    this.#changed();
  }

  /** A file's run opened its source: about how many rows it holds (the bar's whole until all are read). */
  ready(file: string, estimatedRows: number | undefined): void {
    const entry = this.#entry(file);
    entry.estimate = estimatedRows;
    entry.firstAt = undefined;
    entry.recent.length = 0;
  }

  /** A sink for one run of `file`: its settled rows give the rate and the last problems. */
  sinkFor(file: string): OutcomeSink {
    return {
      name: "the page",
      accept: (row) => {
        const entry = this.#entry(file);
        const now = this.#o.clock.now();
        entry.recent.push(now);
        entry.firstAt ??= now;
        const problems = problemsOf(row);
        for (const problem of problems) {
          entry.problems.unshift(problem);
          entry.problems.length = Math.min(entry.problems.length, PROBLEMS_KEPT);
        }
        this.#o.onSettled?.(file, row);
        return undefined;
      },
      close: async () => undefined,
    };
  }

  /** Reads the service's status (at most once a second unless forced); true when something changed. */
  refresh(force = false): boolean {
    const now = this.#o.clock.now();
    if (this.#handle === undefined || (!force && now - this.#readAt < REFRESH_MS)) return false;
    this.#readAt = now;
    const view = this.#handle.view();
    this.#view = view;
    for (const entry of this.#entries.values()) entry.seen = false;
    for (const line of view.running) {
      const entry = this.#entry(line.name);
      entry.seen = true;
      // Paused from the page: a folder's runs stop at once, a sheet's look waits for its slots.
      entry.state =
        this.#o.hold.active !== undefined ? "paused" : line.waiting === undefined ? "dialing" : "call-window";
      entry.settled = line.done;
      entry.known = Math.max(line.read ?? 0, line.done, entry.estimate ?? 0);
      entry.counts = { ...line.counts } as Record<string, number>;
      entry.opensAt = line.waiting?.opensAt;
      entry.zone = line.zone;
    }
    for (const { name, why } of view.waiting) {
      const entry = this.#entry(name);
      entry.seen = true;
      entry.finishedAt = undefined;
      if (why.kind === "next") entry.state = "queued";
      else if (why.kind === "paused") entry.state = "paused";
      else if (why.kind === "leaving") entry.state = "leaving";
      else {
        entry.state = "waits";
        entry.waitsWhy = why.why?.kind;
        entry.until = why.until;
        entry.zone = why.why?.kind === "daily-limit" ? why.why.zone : undefined;
      }
    }
    // A file no longer in hand finished (done, failed: told by their events) or left the folder.
    for (const [name, entry] of this.#entries) {
      if (entry.seen || entry.state === "done" || entry.state === "failed") continue;
      if (entry.state === "leaving") {
        entry.state = "done";
        entry.finishedAt ??= now;
        continue;
      }
      this.#entries.delete(name);
      this.#byId.delete(entry.id);
    }
    this.#forgetOldFinished();
    for (const entry of this.#entries.values()) {
      while (entry.recent.length > 0 && (entry.recent[0] ?? 0) <= now - MINUTE) entry.recent.shift();
    }
    return this.#compare();
  }

  /** What the page shows, in `lang` (cached until something changes). */
  status(lang: Lang): UiStatus {
    this.refresh();
    const cached = this.#cache.get(lang);
    if (cached !== undefined && cached.version === this.#version) return cached;
    const made = this.#make(lang);
    this.#cache.set(lang, made);
    return made;
  }

  get version(): number {
    this.refresh();
    return this.#version;
  }

  /** The report of a campaign the page lists, by its id; undefined for any other id. */
  reportPath(id: string): string | undefined {
    const entry = this.#byId.get(id);
    if (entry === undefined || (this.#o.kind ?? "folder") !== "folder") return undefined;
    return findReport(this.#o.dir, entry.name);
  }

  /** Campaigns by state, for /metrics. */
  statesCount(): Map<CampaignState, number> {
    this.refresh();
    const counts = new Map<CampaignState, number>();
    for (const entry of this.#entries.values()) counts.set(entry.state, (counts.get(entry.state) ?? 0) + 1);
    return counts;
  }

  senderLockHeld(): boolean {
    return this.#handle?.senderLockHeld() ?? false;
  }

  #entry(name: string): Entry {
    let entry = this.#entries.get(name);
    if (entry === undefined) {
      entry = {
        id: `c${this.#nextId++}`,
        name,
        state: "queued",
        settled: 0,
        known: 0,
        counts: {},
        recent: [],
        problems: [],
        seen: true,
      };
      this.#entries.set(name, entry);
      this.#byId.set(entry.id, entry);
    } else if (entry.state === "done" || entry.state === "failed") {
      // The same name again (a new file dropped under a finished one's name): a new campaign.
      if (this.#view?.running.some((line) => line.name === name)) {
        this.#entries.delete(name);
        this.#byId.delete(entry.id);
        return this.#entry(name);
      }
    }
    return entry;
  }

  #forgetOldFinished(): void {
    const finished = [...this.#entries.values()]
      .filter((entry) => entry.finishedAt !== undefined)
      .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
    for (const entry of finished.slice(FINISHED_KEPT)) {
      this.#entries.delete(entry.name);
      this.#byId.delete(entry.id);
    }
  }

  #changed(): void {
    this.#compare(true);
    for (const listener of this.#changeListeners) listener();
  }

  /** Bumps the version when what the page would show (as data) differs from the last time. */
  #compare(force = false): boolean {
    const data = JSON.stringify({
      // The rate shows only while a file dials: rows ageing out of a finished file's last minute are no news.
      entries: [...this.#entries.values()].map(({ recent, seen, ...rest }) => ({
        ...rest,
        rate: rest.state === "dialing" ? recent.length : 0,
      })),
      view: this.#view === undefined ? undefined : { ...this.#view, at: 0, since: 0 },
      hold: this.#o.hold.active,
      stopped: this.#stoppedAt,
      lock: this.#lockWaiting,
      chart: [...this.#buckets.entries()],
    });
    if (!force && data === this.#said) return false;
    this.#said = data;
    this.#version++;
    return true;
  }

  #make(lang: Lang): UiStatus {
    const t = words(lang);
    const now = this.#o.clock.now();
    const view = this.#view;
    const held = this.#o.hold.active;
    const stopped = this.#stoppedAt !== undefined;
    const pause = view?.paused;
    const lock: UiStatus["service"]["lock"] = this.#o.endpoint.sandbox
      ? "sandbox"
      : view?.waitingForSender !== undefined
        ? "waiting"
        : this.senderLockHeld()
          ? "held"
          : "free";
    const lines = [
      stopped ? t.uiServiceStopped({ at: this.#stoppedAt ?? now }) : t.uiServiceSince({ since: this.#since }),
      this.#o.endpoint.sandbox
        ? t.uiServiceSandbox({ address: this.#o.endpoint.address })
        : t.uiServiceEndpoint({ endpoint: this.#o.endpoint.address }),
      lock === "sandbox"
        ? t.uiLockSandbox()
        : lock === "held"
          ? t.uiLockHeld()
          : lock === "waiting"
            ? t.uiLockWaiting(this.#lockWaiting ? { holder: this.#lockWaiting } : {})
            : t.uiLockFree(),
    ];
    const alert: string[] = [];
    if (held !== undefined) alert.push(t.uiHeldBanner({ since: held.since, by: held.by }));
    // A pause's words as data when ctdial wrote them; Calltouch's own message stays verbatim.
    const pauseMessage =
      pause?.cause.messageSaid === undefined ? pause?.cause.message : say(lang, pause.cause.messageSaid);
    const pauseAdvice =
      pause?.cause.adviceSaid === undefined ? pause?.cause.advice : say(lang, pause.cause.adviceSaid);
    if (pause !== undefined) {
      const reason = `${pause.cause.code}: ${pauseMessage}`;
      alert.push(t.uiAccountPaused({ reason, nextCheck: pause.nextCheck }));
      if (pauseAdvice !== undefined) alert.push(t.uiAccountAdvice({ advice: pauseAdvice }));
    }
    const lastMinute = Math.floor(now / MINUTE) * MINUTE;
    const perMinute = Array.from(
      { length: CHART_MINUTES },
      (_, i) => this.#buckets.get(lastMinute - (CHART_MINUTES - 1 - i) * MINUTE) ?? 0,
    );
    const total = perMinute.reduce((a, b) => a + b, 0);
    const max = Math.max(0, ...perMinute);
    const campaigns = [...this.#entries.values()]
      .sort((a, b) => order(a) - order(b) || (b.finishedAt ?? 0) - (a.finishedAt ?? 0))
      .map((entry) => this.#campaign(lang, entry, now));
    return {
      version: this.#version,
      lang,
      at: now,
      service: {
        kind: this.#o.kind ?? "folder",
        where: this.#o.dir,
        title:
          this.#o.kind === "sheet"
            ? t.uiPageTitleSheet({ where: this.#o.dir })
            : t.uiPageTitle({ where: this.#o.dir }),
        since: this.#since,
        running: !stopped,
        ...(stopped ? { stoppedAt: this.#stoppedAt } : {}),
        state: stopped ? "stopped" : (view?.state.kind ?? "idle"),
        endpoint: this.#o.endpoint,
        lock,
        ...(pause === undefined
          ? {}
          : {
              accountPause: {
                code: String(pause.cause.code),
                reason: pauseMessage ?? pause.cause.message,
                ...(pauseAdvice === undefined ? {} : { advice: pauseAdvice }),
                nextCheck: pause.nextCheck,
              },
            }),
        ...(held === undefined ? {} : { held }),
        lines,
        ...(alert.length === 0 ? {} : { alert }),
      },
      chart: {
        perMinute,
        lastMinute,
        total,
        max,
        maxText: t.uiChartMax({ count: max }),
        totalText: t.uiChartTotal({ count: total }),
      },
      campaigns,
    };
  }

  #campaign(lang: Lang, entry: Entry, now: number): UiCampaign {
    const t = words(lang);
    // Rows a minute over the last minute, or over the time since the run's first row when shorter.
    const span = Math.min(MINUTE, Math.max(5000, now - (entry.firstAt ?? now)));
    const rate = entry.state === "dialing" ? Math.round((entry.recent.length * MINUTE) / span) : 0;
    const left = entry.known - entry.settled;
    const eta = rate > 0 && left > 0 ? now + Math.round((left / rate) * MINUTE) : undefined;
    const pause = this.#view?.paused;
    const stateText = ((): string => {
      switch (entry.state) {
        case "queued":
          return t.uiStateQueued();
        case "dialing":
          return t.uiStateDialing();
        case "call-window":
          return entry.opensAt === undefined
            ? t.uiStateDialing()
            : t.uiStateCallWindow({ opensAt: entry.opensAt, ...(entry.zone ? { zone: entry.zone } : {}) });
        case "paused":
          return pause !== undefined && this.#o.hold.active === undefined
            ? t.uiStateAccountPaused({ nextCheck: pause.nextCheck })
            : t.uiStatePaused();
        case "waits":
          if (this.#o.kind === "sheet")
            return t.uiStateNextLook(entry.until === undefined ? {} : { at: entry.until });
          return t.uiStateWaits({
            why: entry.waitsWhy ?? "",
            ...(entry.until === undefined ? {} : { until: entry.until }),
            ...(entry.zone === undefined ? {} : { zone: entry.zone }),
          });
        case "leaving":
          return t.uiStateLeaving({ folder: DONE_DIR });
        case "done":
          return t.uiStateDone({ at: entry.finishedAt ?? now });
        case "failed":
          return t.uiStateFailed({
            note: entry.note === undefined ? "" : maskPhonesIn(this.#o.noteText(lang, entry.note)),
          });
        case "stopped":
          return t.uiStateStopped();
      }
    })();
    // A sheet's results are in the sheet itself: only a folder's campaigns have a report to download.
    const report = this.reportPath(entry.id) === undefined ? undefined : `/report/${entry.id}`;
    return {
      id: entry.id,
      name: entry.name,
      state: entry.state,
      stateText,
      settled: entry.settled,
      known: entry.known,
      progressText: t.uiProgress({ done: entry.settled, known: entry.known }),
      counts: entry.counts,
      ratePerMinute: rate,
      rateText: rate > 0 ? t.uiRate({ perMinute: rate }) : t.uiRateNone(),
      ...(eta === undefined ? {} : { eta, etaText: t.uiEta({ at: eta }) }),
      problems: entry.problems.map((problem) => {
        const text = maskPhonesIn(
          typeof problem.text === "string" ? problem.text : sayIt(lang, problem.text),
        );
        const column = problem.column === undefined ? {} : { column: problem.column };
        return {
          row: problem.row,
          ...column,
          text,
          line: t.uiProblem({ row: problem.row, ...column, text }),
        };
      }),
      ...(report === undefined ? {} : { report }),
    };
  }
}

/** Running first, then waiting, then finished (newest first). */
function order(entry: Entry): number {
  return [
    "dialing",
    "call-window",
    "queued",
    "paused",
    "waits",
    "leaving",
    "stopped",
    "done",
    "failed",
  ].indexOf(entry.state);
}

function sayIt(lang: Lang, what: Said): string {
  return isKey(what.code) ? say(lang, what) : String(what.code);
}

/** A settled row's problems: each invalid cell, or the failure Calltouch (or the network) gave. */
function problemsOf(row: SettledRow): { row: number; column?: string; text: string | Said }[] {
  const { outcome } = row;
  const number = row.row.rowNumber;
  if (outcome.status === "invalid") {
    return outcome.problems.map((problem) => ({
      row: number,
      ...(problem.column === undefined ? {} : { column: problem.column }),
      text: problem.problem,
    }));
  }
  if (outcome.status === "failed" || outcome.status === "unknown") {
    const message = outcome.message as string | Said;
    const text =
      typeof message === "string" && outcome.code !== undefined ? `${outcome.code}: ${message}` : message;
    return [{ row: number, text }];
  }
  return [];
}

/**
 * A campaign's own report: beside its table while it runs, in done/ (or failed/) once it left, under
 * its table's stem. Only names made from the campaign's own name are looked at: nothing from a
 * request is ever joined onto the disk.
 */
function findReport(dir: string, name: string): string | undefined {
  if (!SOURCE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) return undefined;
  const report = reportPathOf(name);
  const beside = join(dir, report);
  if (isFile(beside)) return beside;
  const stem = stemOf(name);
  const tail = report.slice(stem.length);
  let best: { path: string; mtime: number } | undefined;
  for (const sub of [DONE_DIR, FAILED_DIR]) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const candidate of names) {
      if (!candidate.startsWith(stem) || !candidate.endsWith(tail)) continue;
      const middle = candidate.slice(stem.length, candidate.length - tail.length);
      // The stamp a move adds when the name was taken (move-files.ts): <stem>.2026-12-06T05-03-41-2.report.csv
      if (middle !== "" && !/^\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d(-\d+)?$/.test(middle)) continue;
      const path = join(folder, candidate);
      const mtime = mtimeOf(path);
      if (mtime !== undefined && (best === undefined || mtime > best.mtime)) best = { path, mtime };
    }
  }
  return best?.path;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function mtimeOf(path: string): number | undefined {
  try {
    const info = statSync(path);
    return info.isFile() ? info.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}
