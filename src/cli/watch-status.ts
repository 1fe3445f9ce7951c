/**
 * STATUS.txt and the `<name>.error.txt` notes in words, from the catalog's watch area in the folder's
 * language: the folder service hands over data (see watch/status-file.ts, watch/folder-events.ts) and
 * writes what these return.
 */

import { type Catalog, words } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import type { FolderState, FolderWords, StatusView, StopCause, WaitingWhy } from "../watch/folder-events.js";
import { ALIVE_MS } from "../watch/status-board.js";
import { exitCodeOf } from "./exit.js";
import { currentLang } from "./lang.js";
import {
  countParts,
  doneLine,
  errorNoteText,
  folderPauseAdvice,
  holderParams,
  pauseMessage,
  saidText,
  waitReasonText,
} from "./watch-words.js";

export const folderWords: FolderWords = {
  status: (view, lang) => formatStatus(view, undefined, lang),
  errorNote: errorNoteText,
  exitCodeOf,
};

/** The state words STATUS.txt starts with: the same in every language (docs/contract.md; scripts read them). */
const STATE_WORD: Readonly<Record<FolderState["kind"], string>> = {
  sending: "SENDING",
  paused: "PAUSED",
  "waiting-for-sender": "WAITING",
  idle: "IDLE",
  waiting: "WAITING",
  stopped: "STOPPED",
};

/**
 * The status as a person reads it: the state and since when in the first line, when the file was
 * written in the next (a file whose time is long past was left by a service that is not running),
 * then the details. Folder times are in the machine's zone (or `zone`); a file's waits in its
 * campaign's zone.
 */
export function formatStatus(view: StatusView, zone?: string, lang: Lang = currentLang()): string {
  const w = words(lang);
  const inZone = (in_?: string): { zone?: string } => {
    const z = in_ ?? zone;
    return z === undefined ? {} : { zone: z };
  };
  const lines: string[] = [];
  const stopped = view.state.kind === "stopped";
  lines.push(
    w.watchStatusTitle({
      state: STATE_WORD[view.state.kind],
      stopped,
      at: stopped ? view.at : view.since,
      ...inZone(),
      // Paused from the page (`watch --ui`): who paused, unless Calltouch's own pause says more.
      detail:
        view.held !== undefined && view.paused === undefined
          ? w.uiHeldStatus({ by: view.held.by })
          : stateText(view.state, w, lang, inZone),
    }),
  );
  lines.push(w.watchStatusFolder({ dir: view.dir }));
  lines.push(w.watchStatusUpdated({ at: view.at, ...inZone(), stopped, minutes: ALIVE_MS / 60_000 }));
  if (view.paused !== undefined) {
    const { cause } = view.paused;
    lines.push("");
    lines.push(w.watchStatusPausedWhy({ stopped, code: cause.code, message: pauseMessage(cause, lang) }));
    const advice = folderPauseAdvice(cause, lang);
    if (advice !== undefined) lines.push(w.watchStatusWhatToDo({ advice }));
    lines.push(w.watchStatusPausedFiles({ stopped, nextCheck: view.paused.nextCheck, ...inZone() }));
  }
  if (view.waitingForSender !== undefined) {
    lines.push("");
    lines.push(w.watchStatusSenderWaiting(holderParams(view.waitingForSender.holder)));
  }
  if (view.running.length > 0) {
    lines.push("");
    lines.push(w.watchStatusRunningHeader());
    for (const file of view.running) {
      const line = w.watchStatusRunningLine({
        name: file.name,
        done: file.done,
        parts: countParts(file.counts, lang),
        ...(file.waiting === undefined ? {} : { opensAt: file.waiting.opensAt, ...inZone(file.zone) }),
      });
      lines.push(`  ${line}`);
    }
  }
  if (view.waiting.length > 0) {
    lines.push("");
    lines.push(w.watchStatusWaitingHeader({ stopped }));
    for (const file of view.waiting) lines.push(`  ${file.name}: ${waitingText(file.why, w, lang, inZone)}`);
  }
  if (view.recent.length > 0) {
    lines.push("");
    lines.push(w.watchStatusRecentHeader());
    for (const entry of view.recent) {
      const line =
        entry.kind === "done"
          ? w.watchStatusRecentDone({ line: doneLine(entry, lang), to: entry.to })
          : w.watchStatusRecentFailed({ file: entry.file, to: entry.to, note: entry.note });
      lines.push(`  ${line}`);
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

type InZone = (zone?: string) => { zone?: string };

/** What the state means, after its word. */
function stateText(state: FolderState, w: Catalog, lang: Lang, inZone: InZone): string {
  switch (state.kind) {
    case "sending":
      return "";
    case "paused":
    case "waiting-for-sender":
    case "idle":
      return w.watchStateDetail({ state: state.kind });
    case "waiting":
      return w.watchStateWaiting({
        for: state.for,
        ...(state.until === undefined ? {} : { until: state.until.at, ...inZone(state.until.zone) }),
      });
    case "stopped":
      return stopText(state.cause, w, lang);
  }
}

function stopText(cause: StopCause, w: Catalog, lang: Lang): string {
  if (cause.kind !== "error") return w.watchStopCause({ cause: cause.kind });
  return w.watchStopCause({ cause: "error", message: saidText(cause, lang).trim() });
}

function waitingText(why: WaitingWhy, w: Catalog, lang: Lang, inZone: InZone): string {
  switch (why.kind) {
    case "leaving":
    case "paused":
    case "next":
      return w.watchWaitingWhy({ why: why.kind });
    case "waits": {
      if (why.why === undefined) return w.watchWaitingWhy({ why: "waiting" });
      const { zone } = inZone(why.why.kind === "daily-limit" ? why.why.zone : undefined);
      return waitReasonText(why.why, lang, why.until, zone);
    }
  }
}
