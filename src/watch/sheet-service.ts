/**
 * `ctdial watch <sheet>`: leads keep arriving in the sheet (a web form, Albato), so the tab is run
 * again every interval. Each cycle is an ordinary run: the journal settles every row it knows
 * (nobody is dialed twice, across restarts too), rows that appeared or became valid since are sent,
 * and only results that changed are written back. A stop signal lets the cycle in progress finish
 * its requests and write its results; then the watch ends.
 */

import type { ResolvedCampaign } from "../engine/resolve.js";
import { type RunOptions, runCampaign } from "../engine/run.js";
import type { RunSummary } from "../engine/summary.js";
import { isCtdialError } from "../errors.js";
import { createWritePacer } from "../sinks/sheet/pacer.js";
import { sleep } from "../wake.js";

export interface SheetWatchOptions extends Omit<RunOptions, "checkSheetAccess" | "mode"> {
  /** Time between the end of one cycle and the start of the next. @default 15000 */
  readonly intervalMs?: number;
  readonly onCycle?: (summary: RunSummary, cycle: number) => void;
  /** A later cycle failed (network, a sheet unshared for a while): the watch goes on. */
  readonly onCycleError?: (error: unknown, cycle: number) => void;
  /**
   * Takes the machine's sender lock for one look at the sheet (Calltouch's limit is per IP address,
   * so one ctdial sends at a time); released between looks, so an idle follower never blocks a `run`.
   * Unset for the in-process sandbox, which has no such limit.
   */
  readonly acquireSender?: () => Promise<() => Promise<void>>;
  /** One look at the sheet. @default runCampaign */
  readonly runOnce?: typeof runCampaign;
}

/** Google allows 60 writes a minute per user; ctdial keeps to half (see sinks/sheet/pacer.ts). */
const SHEET_WRITES_PER_MINUTE = 30;

/** Resolves when `signal` stops the watch; the first cycle's errors (credentials, access) are thrown. */
export async function watchSheet(
  resolved: ResolvedCampaign,
  options: SheetWatchOptions,
): Promise<{ cycles: number; stopped?: RunSummary["stopped"] }> {
  const interval = options.intervalMs ?? 15_000;
  const stopping = (): boolean => options.signal?.aborted === true;
  // One pacer for the life of the watch: each look opens its own write-back, and Google's per-minute
  // write quota does not start afresh with a look.
  const sheetWriteback = {
    ...options.sheetWriteback,
    pacer: options.sheetWriteback?.pacer ?? createWritePacer(SHEET_WRITES_PER_MINUTE),
  };
  let cycle = 0;
  while (!stopping()) {
    cycle += 1;
    try {
      const release = await options.acquireSender?.();
      let summary: RunSummary;
      try {
        summary = await (options.runOnce ?? runCampaign)(resolved, {
          ...options,
          mode: "run",
          sheetWriteback,
          // Edit access is proved once, on the first look; later looks write only what changed.
          checkSheetAccess: cycle === 1,
        });
      } finally {
        await release?.();
      }
      options.onCycle?.(summary, cycle);
      // A campaign Calltouch refused stays refused until someone acts: stop, as run does.
      if (!stopping() && isCampaignStop(summary)) return { cycles: cycle, stopped: summary.stopped };
    } catch (error) {
      if (cycle === 1 || !isCtdialError(error)) throw error;
      options.onCycleError?.(error, cycle);
    }
    await sleep(interval, options.signal);
  }
  return { cycles: cycle };
}

/**
 * Calltouch refused the campaign, its widget key or the token: the next cycle would meet the same
 * refusal, so the watch ends (exit 3). A daily limit or a closed call window only waits.
 */
function isCampaignStop(summary: RunSummary): boolean {
  // Calltouch's own refusals (10001-10003, a refused token, a wrong address); ctdial's own stops
  // (daily limit, call window) only wait.
  return summary.stopped?.kind === "calltouch-refusal";
}
