import { enCount, enNumber, readableTime } from "../format.js";
import type { Messages } from "../messages.js";

/**
 * English words of the "ui" area: the page of `ctdial watch --ui` (its labels and its sentences) and
 * what the CLI says about it. A message is a function of one parameters object (or none) that returns
 * the sentence; catalog/ui.ru.ts must have the same keys with the same parameters (the typecheck says
 * so). Keys are unique across areas (test/i18n/catalog.test.ts). Times are epoch ms, shown in `zone`
 * (a campaign's) or the machine's.
 */
const at = (ms: number, zone?: string): string => readableTime("en", ms, { zone });

export const uiEn = {
  // --- the command line and the log
  uiOptionHelp: () =>
    "serve a page with the service's status (and /metrics for monitoring) at [HOST:]PORT while it runs (bare --ui: 127.0.0.1:8484)",
  uiListening: (p: { url: string }) =>
    `the page: ${p.url} (status, pause and resume; metrics at ${p.url}metrics)`,
  uiPausedLog: (p: { by: string }) =>
    `paused from the page (${p.by}): requests in flight finish, nothing else is sent until it is resumed there`,
  uiResumedLog: (p: { by: string }) => `resumed from the page (${p.by}): sending goes on`,
  uiHeldStatus: (p: { by: string }) =>
    `all sending paused from the page of ctdial watch --ui (${p.by}); files stay in the folder and nothing is sent until someone presses Resume there`,
  E_UI_ADDRESS: (p: { given: string }) =>
    `--ui takes [HOST:]PORT, for example 127.0.0.1:8484 or 8484, got "${p.given}".`,
  E_UI_TOKEN_NEEDED: (p: { address: string }) =>
    `--ui ${p.address} would show the page (with clients' data) beyond this machine: set CTDIAL_UI_TOKEN to a secret of your choice first (the page asks for it once), or listen on 127.0.0.1.`,
  E_UI_LISTEN: (p: { address: string; reason: string }) =>
    `cannot open the page at ${p.address} (${p.reason}): another program may use that port; give another with --ui HOST:PORT.`,

  // --- the page: the service
  uiPageTitle: (p: { where: string }) => `ctdial watch: ${p.where}`,
  uiPageTitleSheet: (p: { where: string }) => `ctdial watch: ${p.where}`,
  uiServiceHeading: () => "The service",
  uiServiceSince: (p: { since: number }) => `Running since ${at(p.since)}`,
  uiServiceEndpoint: (p: { endpoint: string }) => `Sends to ${p.endpoint}`,
  uiServiceSandbox: (p: { address: string }) =>
    `Sends to the built-in sandbox at ${p.address}: nothing reaches Calltouch`,
  uiServiceStopped: (p: { at: number }) => `Stopped at ${at(p.at)}; this page no longer changes.`,
  uiLockHeld: () => "Sender lock: held by this service (no other ctdial sends from this machine meanwhile).",
  uiLockFree: () => "Sender lock: not held (nothing to send right now).",
  uiLockSandbox: () => "Sender lock: not needed (the built-in sandbox has no per-machine limit).",
  uiLockWaiting: (p: { holder?: string }) =>
    p.holder === undefined
      ? "Sender lock: another ctdial sends from this machine; this one waits for it to finish."
      : `Sender lock: held by another ctdial (${p.holder}); this one waits for it to finish.`,
  uiAccountPaused: (p: { reason: string; nextCheck: number }) =>
    `Calltouch refuses every request: ${p.reason}. Nothing needs restarting: ctdial checks again by itself at ${at(p.nextCheck)}.`,
  uiAccountAdvice: (p: { advice: string }) => `What to do: ${p.advice}`,
  uiHeldBanner: (p: { since: number; by: string }) =>
    `All sending paused from this page since ${at(p.since)} (${p.by}). Files stay in the folder; press Resume to go on.`,
  uiPauseButton: () => "Pause all sending",
  uiResumeButton: () => "Resume sending",
  uiActionFailed: () => "The service did not take that; reload the page and try again.",
  uiChartHeading: () => "Requests Calltouch accepted, per minute, over the last hour",
  uiChartMax: (p: { count: number }) => `busiest minute: ${enNumber(p.count)}`,
  uiChartAgo: () => "an hour ago",
  uiChartNow: () => "now",
  uiChartTotal: (p: { count: number }) => `${enCount(p.count, ["request", "requests"])} in the last hour`,
  uiLive: () => "Live: this page updates by itself.",
  uiReconnecting: () => "Lost the connection to the service; trying again…",
  uiNoCampaigns: (p: { kinds: string }) =>
    `No campaign yet: drop a file (${p.kinds}) into the folder to dial it.`,

  // --- the page: a campaign
  uiCampaignsHeading: () => "Campaigns",
  uiStateQueued: () => "Waiting to start",
  uiStateDialing: () => "Dialing",
  uiStateCallWindow: (p: { opensAt: number; zone?: string }) =>
    `Waiting for its call window, which opens at ${at(p.opensAt, p.zone)}`,
  uiStatePaused: () => "Paused with all sending",
  uiStateAccountPaused: (p: { nextCheck: number }) =>
    `Paused: Calltouch refuses requests; checks again at ${at(p.nextCheck)}`,
  uiStateWaits: (p: { why: string; until?: number; zone?: string }) => {
    const why = (
      {
        "daily-limit": "the daily limit is reached",
        "report-held": "its report is open in another program",
        stopped: "its run stopped",
        "not-now": "it cannot run now",
        unexpected: "an unexpected error",
        "finishing-failed": "an error while finishing it",
      } as Record<string, string>
    )[p.why];
    const then = p.until === undefined ? "" : `; goes on at ${at(p.until, p.zone)}`;
    return `Waits${why === undefined ? "" : `: ${why}`}${then}`;
  },
  uiStateNextLook: (p: { at?: number }) =>
    p.at === undefined ? "Waits for the next look at the sheet" : `Next look at the sheet at ${at(p.at)}`,
  uiStateLeaving: (p: { folder: string }) => `Finished; being moved to ${p.folder}/`,
  uiStateDone: (p: { at: number }) => `Done at ${at(p.at)}`,
  uiStateFailed: (p: { note: string }) => `Failed: ${p.note}`,
  uiStateStopped: () => "Stopped with the service",
  uiProgress: (p: { done: number; known: number }) =>
    `${enNumber(p.done)} of ${enCount(p.known, ["row", "rows"])} settled`,
  uiRate: (p: { perMinute: number }) => `${enNumber(p.perMinute)} rows a minute now`,
  uiRateNone: () => "no rows settled in the last minute",
  uiEta: (p: { at: number }) => `should finish at about ${at(p.at)}`,
  uiProblemsHeading: () => "Last problems",
  uiProblem: (p: { row: number; column?: string; text: string }) =>
    p.column === undefined ? `row ${p.row}: ${p.text}` : `row ${p.row}, column ${p.column}: ${p.text}`,
  uiReportLink: () => "Download the report",

  // --- the page: the token
  uiTokenHeading: () => "This page needs its token",
  uiTokenExplain: () =>
    "ctdial was started with CTDIAL_UI_TOKEN, because the page is open beyond this machine: type that token (asked once, then kept by this browser).",
  uiTokenButton: () => "Open the page",
  uiTokenWrong: () => "That is not the token; try again.",
} satisfies Messages;
