import { basename, dirname } from "node:path";
import { DateTime } from "luxon";
import type { CalltouchClient } from "../calltouch/types.js";
import { parseDuration } from "../campaign/duration.js";
import type { Clock } from "../clock.js";
import type { RateLimiter } from "../dispatch/rate-limiter.js";
import { type CampaignOptions, type ResolvedCampaign, resolveCampaign } from "../engine/resolve.js";
import { type RowAttempt, type RunProgress, runCampaign } from "../engine/run.js";
import type { RunStop, RunSummary } from "../engine/summary.js";
import { ConfigError, isCtdialError } from "../errors.js";
import { isKey, type Said } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import type { OutcomeSink } from "../sinks/outcome-sink.js";
import type {
  CampaignNamed,
  FailureNote,
  FolderEvent,
  PauseCause,
  SaidAs,
  WaitReason,
} from "./folder-events.js";
import { reportPathOf } from "./leave-folder.js";

/**
 * One file of the folder run as one campaign with the existing engine, and what its end means for
 * the folder: the file is done, it cannot be run (failed/), Calltouch refused the whole account (the
 * folder pauses), or it must wait (the daily limit, a journal another process holds).
 */
export type JobEnd =
  | {
      readonly kind: "done";
      readonly summary: RunSummary;
      readonly resolved: ResolvedCampaign;
      /** Rows Calltouch accepted in this run; the rest of `summary.sent` were sent by earlier runs. */
      readonly sentNow: number;
    }
  | {
      readonly kind: "failed";
      /** What `<name>.error.txt` says (the CLI words it). */
      readonly note: FailureNote;
      readonly exitCode: 2 | 3;
      readonly resolved?: ResolvedCampaign;
    }
  | { readonly kind: "paused"; readonly cause: PauseCause }
  | { readonly kind: "later"; readonly until: number; readonly why: WaitReason }
  /** Stopped by a signal (the service's, or this file's own when it left or changed): what it did. */
  | { readonly kind: "interrupted"; readonly summary?: RunSummary };

/** How often a running file's report is rewritten. */
const LIVE_REPORT_MS = 5000;

export interface JobContext {
  readonly campaign: CampaignOptions;
  readonly env: NodeJS.ProcessEnv;
  readonly stateDir: string;
  readonly client: CalltouchClient;
  readonly token: string;
  readonly limiter: RateLimiter;
  /** What happens to the file, as data (the CLI words it). */
  readonly onEvent: (event: FolderEvent) => void;
  readonly onAttempt?: (file: string, attempt: RowAttempt) => void;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: RunProgress) => void;
  /** The file's campaign, once known (STATUS.txt reads its call window and zone). */
  readonly onResolved?: (resolved: ResolvedCampaign) => void;
  readonly clock: Clock;
  /**
   * The file is one that left the folder mid-run under another name (renamed): its journal is that
   * name's, so the registry of dialed phones is what keeps it from dialing them again.
   */
  readonly cameBack?: boolean;
  /**
   * The language of the file's report (`ctdial_error`): the one its notes are written in (its
   * campaign's `lang:`, else the folder's, else the service's). English when not given.
   */
  readonly reportLang?: (resolved: ResolvedCampaign) => Promise<Lang>;
  /** More subscribers of the run's settled rows (`--ui`). */
  readonly sinks?: readonly OutcomeSink[] | undefined;
  /** The source is open: about how many rows it holds, when it can tell (`--ui`'s progress bar). */
  readonly onReady?: (ready: { estimatedRows?: number }) => void;
}

/** The least dedupe window a renamed file runs with, even when its campaign turned the window off. */
const CAME_BACK_WINDOW = "24h";

/**
 * Not the file's fault, so it stays and is run again later (safe: the journal knows every row): a
 * journal another process holds, a state folder that cannot be written, or a report that could not
 * replace the old one (Windows refuses while the report is open in Excel).
 */
const TRY_AGAIN_CODES = new Set(["E_JOURNAL_LOCKED", "E_STATE_DIR", "E_REPORT_WRITE"]);
const TRY_AGAIN_MS = 60_000;

export async function runFileJob(path: string, ctx: JobContext): Promise<JobEnd> {
  const name = basename(path);
  let resolved: ResolvedCampaign;
  try {
    resolved = await resolveFileCampaign(path, ctx);
  } catch (error) {
    return thrown(error, name, ctx);
  }
  if (ctx.cameBack === true) resolved = withDedupeAtLeast(resolved, CAME_BACK_WINDOW);
  const campaign = campaignNamed(resolved);
  ctx.onResolved?.(resolved);
  ctx.onEvent({ kind: "picked-up", file: name, ...(campaign === undefined ? {} : { campaign }) });
  let summary: RunSummary;
  // The engine's summary counts every row sent, by this run or an earlier one (the journal's): the
  // answers of this run tell the two apart, so a file dropped again does not read "sent 40".
  let sentNow = 0;
  try {
    const lang = await ctx.reportLang?.(resolved);
    summary = await runCampaign(resolved, {
      ...ctx.campaign,
      ...(lang === undefined ? {} : { lang }),
      stateDir: ctx.stateDir,
      client: ctx.client,
      limiter: ctx.limiter,
      token: ctx.token,
      signal: ctx.signal,
      onAttempt: (attempt) => {
        if (attempt.next.kind === "settled" && attempt.next.outcome.status === "sent") sentNow++;
        ctx.onAttempt?.(name, attempt);
      },
      onProgress: ctx.onProgress,
      ...(ctx.sinks === undefined ? {} : { sinks: ctx.sinks }),
      ...(ctx.onReady === undefined ? {} : { onReady: ctx.onReady }),
      // Beside the file and rewritten as rows finish, so an operator can open it mid-run.
      reportEveryMs: LIVE_REPORT_MS,
      onWarning: (message, said) =>
        ctx.onEvent({ kind: "file-warning", file: name, message, ...(said === undefined ? {} : { said }) }),
    });
  } catch (error) {
    return thrown(error, name, ctx, resolved);
  }
  return endOf(summary, resolved, ctx.clock, sentNow);
}

/**
 * In a folder, a file's own campaign comes first: its sidecar, else the folder's campaign.yaml; the
 * service's --route-key and CALLTOUCH_ROUTE_KEY are the widget only for files whose campaign names
 * none (auto-mapped files). On the command line the order is the other way round (flag > environment
 * > campaign file), but one service-wide key must not send every file of the folder to one widget.
 */
async function resolveFileCampaign(path: string, ctx: JobContext): Promise<ResolvedCampaign> {
  const { routeKey: fallbackFlag, ...options } = ctx.campaign;
  const env = { ...ctx.env, CALLTOUCH_ROUTE_KEY: undefined };
  const own = await resolveCampaign(path, options, env);
  const fallback = fallbackFlag ?? ctx.env.CALLTOUCH_ROUTE_KEY?.trim();
  if (own.campaign.routeKey !== undefined || fallback === undefined || fallback === "") return own;
  return resolveCampaign(path, { ...options, routeKey: fallback }, env);
}

/**
 * A renamed file must not dial the phones its old name had accepted, whatever its campaign says of
 * dialing people again: under its new name it is the same list, not a new one.
 */
function withDedupeAtLeast(resolved: ResolvedCampaign, window: string): ResolvedCampaign {
  const own = resolved.campaign.dedupeWindow;
  if (own !== undefined && parseDuration(own) >= parseDuration(window)) return resolved;
  return { ...resolved, campaign: { ...resolved.campaign, dedupeWindow: window } };
}

/** What a finished run means for its file and for the folder. */
export function endOf(
  summary: RunSummary,
  resolved: ResolvedCampaign,
  clock: Clock,
  sentNow = summary.sent,
): JobEnd {
  const stop = summary.stopped;
  // Every row settled, but the report could not replace the old one (open in a program that locks
  // it): the file stays, and a later run (which sends nothing twice) writes the report.
  if (stop === undefined && summary.reportNotWritten !== undefined) {
    return {
      kind: "later",
      until: clock.now() + TRY_AGAIN_MS,
      why: { kind: "report-held", report: summary.report, notWritten: summary.reportNotWritten },
    };
  }
  if (stop === undefined) return { kind: "done", summary, resolved, sentNow };
  const name = basename(resolved.source);
  if (stop.kind === "signal") return { kind: "interrupted", summary };
  if (stop.kind === "calltouch-refusal" && stop.code === 10003) {
    // A widget key refused: only the files that use it fail, the rest of the folder goes on.
    const routeKeys = stop.params?.routeKeys;
    const keys: string[] = Array.isArray(routeKeys)
      ? routeKeys.map(String)
      : resolved.campaign.routeKey === undefined
        ? []
        : [resolved.campaign.routeKey];
    return {
      kind: "failed",
      exitCode: 3,
      resolved,
      note: {
        kind: "widget-refused",
        file: name,
        routeKeys: keys,
        calltouchMessage: stop.message,
        ...(stop.advice === undefined ? {} : { advice: stop.advice }),
        ...(stop.adviceSaid === undefined ? {} : { adviceSaid: stop.adviceSaid }),
        sent: summary.sent,
      },
    };
  }
  if (stop.kind === "calltouch-refusal") {
    // 10001, 10002, a refused token, a wrong address: every file would meet the same answer.
    return {
      kind: "paused",
      cause: {
        code: stop.code,
        message: stop.message,
        ...(stop.messageSaid === undefined ? {} : { messageSaid: stop.messageSaid }),
        ...(stop.advice === undefined ? {} : { advice: stop.advice }),
        ...(stop.adviceSaid === undefined ? {} : { adviceSaid: stop.adviceSaid }),
      },
    };
  }
  if (stop.kind === "daily-limit") {
    const zone = resolved.campaign.timezone ?? resolved.campaign.calltouchTimezone;
    const tomorrow = DateTime.fromMillis(clock.now()).setZone(zone).plus({ days: 1 }).startOf("day");
    return {
      kind: "later",
      until: tomorrow.toMillis() + 60_000,
      why: { kind: "daily-limit", message: stop.message, zone, ...stopSaid(stop) },
    };
  }
  if (stop.code === "E_INPUT_MIDRUN") {
    return {
      kind: "failed",
      exitCode: 3,
      resolved,
      note: { kind: "input-changed", message: stop.message, ...stopSaid(stop) },
    };
  }
  return {
    kind: "later",
    until: clock.now() + TRY_AGAIN_MS,
    why: { kind: "stopped", message: stop.message, ...stopSaid(stop) },
  };
}

/** A stop as data, when its code is a catalog key (an error made from a `Said` keeps its params). */
function stopSaid(stop: RunStop): SaidAs {
  if (!isKey(stop.code)) return {};
  return { said: { code: stop.code, params: stop.params ?? {} } as unknown as Said };
}

/** A thrown error as data, when it was made from a `Said` (the reader's language words it). */
export function errorSaid(error: unknown): SaidAs {
  if (!isCtdialError(error) || error.said === undefined) return {};
  const found = error instanceof ConfigError ? error.found : [];
  return { said: error.said, ...(found.length === 0 ? {} : { found }) };
}

function thrown(error: unknown, name: string, ctx: JobContext, resolved?: ResolvedCampaign): JobEnd {
  if (isCtdialError(error) && TRY_AGAIN_CODES.has(error.code)) {
    return {
      kind: "later",
      until: ctx.clock.now() + TRY_AGAIN_MS,
      why: { kind: "not-now", message: error.message, ...errorSaid(error) },
    };
  }
  if (isCtdialError(error) && error.code === "E_REPORT_TARGET") {
    // In a folder the report's name is always the table's own (<stem>.report.csv), so the file
    // refused is one the user put there under that name: the note says how to part the two.
    return {
      kind: "failed",
      exitCode: 2,
      ...(resolved === undefined ? {} : { resolved }),
      note: { kind: "report-name-taken", file: name, report: basename(reportPathOf(name)) },
    };
  }
  if (isCtdialError(error) && (error.exitCode === 2 || error.code === "E_INPUT_MIDRUN")) {
    // The same sentence `ctdial validate` prints for this file, then what to do.
    return {
      kind: "failed",
      exitCode: error.exitCode === 2 ? 2 : 3,
      ...(resolved === undefined ? {} : { resolved }),
      note: { kind: "cannot-run", file: name, message: error.message, ...errorSaid(error) },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.onEvent({ kind: "unexpected-error", file: name, message });
  return {
    kind: "later",
    until: ctx.clock.now() + TRY_AGAIN_MS,
    why: { kind: "unexpected", message },
  };
}

/** The campaign file the file was run with; none when its columns were mapped by their headers. */
function campaignNamed(resolved: ResolvedCampaign): CampaignNamed | undefined {
  if (resolved.campaignPath === undefined) return undefined;
  return {
    path: resolved.campaignPath,
    beside: dirname(resolved.campaignPath) === dirname(resolved.source),
  };
}

/** The file's part in `--once`'s exit code; `exitCodeOf` is the CLI's reading of a run's summary. */
export function exitCodeOfEnd(end: JobEnd, exitCodeOf: (summary: RunSummary) => number): number {
  switch (end.kind) {
    case "done":
      return exitCodeOf(end.summary);
    case "failed":
      return end.exitCode;
    case "interrupted":
      return 0;
    default:
      return 3;
  }
}
