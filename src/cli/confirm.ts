import { basename } from "node:path";
import { createInterface } from "node:readline/promises";
import { systemClock } from "../clock.js";
import type { ResolvedCampaign } from "../engine/resolve.js";
import { type CampaignStatus, campaignStatus } from "../engine/status.js";
import { CtdialError, isCtdialError } from "../errors.js";
import { openSource } from "../sources/open.js";
import { t } from "./lang.js";

/**
 * The question asked before real requests leave, when a person is at the terminal: how many rows are
 * about to be sent, where to, and with which widget key. Scripts (no TTY) and `--yes` skip it: a
 * prompt nobody can answer would hang a scheduled job.
 */

/** Declining the question: nothing was sent, so it shares exit 2 with the other "nothing was sent" endings. */
export class DeclinedError extends CtdialError {
  constructor() {
    super({ code: "E_DECLINED", params: {} }, 2);
  }
}

/** What is known about the rows a run is about to send when the question is asked. */
export type RowsToSend =
  /** Counted: rows never sent or left pending (run), or failed (retry); and all rows of the file. */
  | { readonly kind: "exact"; readonly toSend: number; readonly inFile: number }
  /** Still counting: the source's estimate of the file's rows, when it gives one. */
  | { readonly kind: "estimate"; readonly inFile: number | undefined };

export interface QuestionContext {
  readonly mode: "run" | "retry";
  readonly includeUnknown: boolean;
  readonly source: string;
  /** How to name the source (a sheet's "Spreadsheet" / tab); default: the file's name. */
  readonly name?: string;
  readonly endpoint: string;
  readonly routeKey: string | undefined;
  readonly rows: RowsToSend;
}

/** "Send 30 rows of clients.csv (37 in the file) to api.calltouch.ru (routeKey abc)?" */
export function confirmationQuestion(context: QuestionContext): string {
  const { rows } = context;
  return t().cliConfirmQuestion({
    retry: context.mode === "retry",
    includeUnknown: context.includeUnknown,
    file: context.name ?? basename(context.source),
    ...(rows.kind === "exact" ? { toSend: rows.toSend } : {}),
    ...(rows.inFile === undefined ? {} : { inFile: rows.inFile }),
    endpoint: context.endpoint,
    ...(context.routeKey === undefined ? {} : { routeKey: context.routeKey }),
  });
}

/** Answers that say yes, in either language (a Russian keyboard layout types д for y). */
const YES = ["y", "yes", "д", "да"];

/** Whether an answer to the question is a clear yes. */
export function isYes(answer: string): boolean {
  return YES.includes(answer.trim().toLowerCase());
}

/** Rows the command would send now, from the journal and the file, as `ctdial status` counts them. */
export function rowsToSendOf(status: CampaignStatus, mode: "run" | "retry", includeUnknown: boolean): number {
  if (mode === "run") return status.left;
  return status.retryable + (includeUnknown ? (status.rows.unknown ?? 0) : 0);
}

/**
 * Counts what is about to be sent, waiting at most `waitMs` for the exact count (a pass over the file
 * and the journal); a large file gets the source's estimate instead, so the question is never slow.
 * The pass goes on in the background; `status` resolves to it (or undefined when it failed: the run
 * itself then reads the file and reports the problem).
 */
export async function countRowsToSend(
  resolved: ResolvedCampaign,
  options: { encoding?: string; delimiter?: string; stateDir: string; csvThread?: boolean },
  mode: "run" | "retry",
  includeUnknown: boolean,
  waitMs = 1500,
): Promise<{ rows: RowsToSend; status: Promise<CampaignStatus | undefined> }> {
  const counted = campaignStatus(resolved, { ...options, clock: systemClock }).then(
    (status) => ({ status }),
    (error: unknown) => ({ error }),
  );
  const status = counted.then((result) => ("status" in result ? result.status : undefined));
  let timer: NodeJS.Timeout | undefined;
  const early = await Promise.race([
    counted,
    new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), waitMs);
    }),
  ]);
  clearTimeout(timer);
  // A campaign that cannot run (no routeKey, a mapping that does not fit the file) is told now,
  // not after the user has said yes to it.
  if (early !== "late" && "error" in early && isCtdialError(early.error) && early.error.exitCode === 2) {
    throw early.error;
  }
  if (early !== "late" && "status" in early) {
    return {
      rows: {
        kind: "exact",
        toSend: rowsToSendOf(early.status, mode, includeUnknown),
        inFile: early.status.total,
      },
      status,
    };
  }
  return { rows: { kind: "estimate", inFile: await estimateRows(resolved, options) }, status };
}

async function estimateRows(
  resolved: ResolvedCampaign,
  options: { encoding?: string; delimiter?: string },
): Promise<number | undefined> {
  try {
    const source = await openSource(resolved.source, { ...options, sheet: resolved.campaign.sheet });
    await source.close();
    return source.estimatedRows;
  } catch {
    return undefined;
  }
}

/** Whether the question will be asked at all (a person at a terminal, no --yes). */
export function willAsk(skip: boolean): boolean {
  return !skip && Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY);
}

export async function confirmOrStop(question: string, skip: boolean): Promise<void> {
  if (!willAsk(skip)) return;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  // Ctrl+C at the question declines it (readline would otherwise only pause, and the run would hang).
  const asked = new AbortController();
  rl.on("SIGINT", () => asked.abort());
  let answer: string;
  try {
    answer = await rl.question(`${question} ${t().cliConfirmPrompt()} `, { signal: asked.signal });
  } catch {
    // Ctrl+C, Ctrl+D (end of input) or a terminal that went away: anything but a clear yes declines.
    process.stderr.write("\n");
    throw new DeclinedError();
  } finally {
    rl.close();
  }
  if (!isYes(answer)) throw new DeclinedError();
}
