/**
 * STATUS.txt and the `<name>.error.txt` notes in words: the folder service hands over data (see
 * watch/status-file.ts, watch/folder-events.ts) and writes what these return.
 */

import type { FolderState, FolderWords, StatusView, StopCause, WaitingWhy } from "../watch/folder-events.js";
import { ALIVE_MS } from "../watch/status-board.js";
import { exitCodeOf } from "./exit.js";
import { senderBusyText } from "./messages.js";
import { plural } from "./plural.js";
import { readableTime } from "./readable-time.js";
import { heldStatusText } from "./watch-ui.js";
import { doneLine, errorNoteText, folderPauseAdvice, pauseReason, waitReasonText } from "./watch-words.js";

export const folderWords: FolderWords = { status: formatStatus, errorNote: errorNoteText, exitCodeOf };

/**
 * The status as a person reads it: the state and since when in the first line, when the file was
 * written in the next (a file whose time is long past was left by a service that is not running),
 * then the details. Folder times are in the machine's zone; a file's waits in its campaign's zone.
 */
export function formatStatus(view: StatusView, zone?: string): string {
  const time = (ms: number, in_?: string): string => readableTime(ms, in_ ?? zone);
  const lines: string[] = [];
  const [word, stateDetail] = stateText(view.state, time);
  // Paused from the page (`watch --ui`): who paused, unless Calltouch's own pause says more.
  const detail =
    view.held !== undefined && view.paused === undefined ? heldStatusText(view.held) : stateDetail;
  const when = view.state.kind === "stopped" ? `at ${time(view.at)}` : `since ${time(view.since)}`;
  lines.push(`ctdial watch: ${word} ${when}${detail === "" ? "" : `: ${detail}`}`);
  lines.push(`Folder: ${view.dir}`);
  lines.push(
    view.state.kind === "stopped"
      ? `Updated: ${readableTime(view.at, zone, true)} (ctdial watch is not running; start it again to serve the folder)`
      : `Updated: ${readableTime(view.at, zone, true)} (rewritten at least every ${ALIVE_MS / 60_000} minute while ctdial watch runs: an older time means it is not running)`,
  );
  if (view.paused !== undefined) {
    lines.push("");
    const stopped = view.state.kind === "stopped";
    lines.push(`${stopped ? "It was paused: " : "Why: "}${pauseReason(view.paused.cause)}`);
    const advice = folderPauseAdvice(view.paused.cause);
    if (advice !== undefined) lines.push(`What to do: ${advice}`);
    lines.push(
      stopped
        ? "Files stay where they are; started again, ctdial goes on with them once Calltouch accepts requests."
        : `Files stay where they are. Nothing needs restarting: ctdial checks again by itself at ${time(view.paused.nextCheck)} and resumes once Calltouch accepts requests.`,
    );
  }
  if (view.waitingForSender !== undefined) {
    lines.push("");
    lines.push(`Waiting: ${senderBusyText(view.waitingForSender.holder)}.`);
  }
  if (view.running.length > 0) {
    lines.push("");
    lines.push("Running:");
    for (const file of view.running) {
      const counts = Object.entries(file.counts)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${status} ${n}`)
        .join(", ");
      const waits =
        file.waiting === undefined
          ? ""
          : `; waits for its call window, which opens at ${time(file.waiting.opensAt, file.zone)}`;
      lines.push(
        `  ${file.name}: ${plural(file.done, "row")} done${counts === "" ? "" : ` (${counts})`}${waits}`,
      );
    }
  }
  if (view.waiting.length > 0) {
    lines.push("");
    lines.push(view.state.kind === "stopped" ? "Left in the folder:" : "Waiting:");
    for (const file of view.waiting) lines.push(`  ${file.name}: ${waitingText(file.why, time)}`);
  }
  if (view.recent.length > 0) {
    lines.push("");
    lines.push("Recently finished:");
    for (const entry of view.recent) {
      lines.push(
        entry.kind === "done"
          ? `  ${doneLine(entry)} (moved to ${entry.to}/)`
          : `  ${entry.file}: could not be run (see ${entry.to}/${entry.note})`,
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

type Time = (ms: number, zone?: string) => string;

/** The state's word (what a glance needs) and what it means. */
function stateText(state: FolderState, time: Time): [string, string] {
  switch (state.kind) {
    case "sending":
      return ["SENDING", ""];
    case "paused":
      return ["PAUSED", "Calltouch refuses requests; ctdial resumes by itself once it accepts them"];
    case "waiting-for-sender":
      return ["WAITING", "another ctdial is sending from this machine"];
    case "idle":
      return ["IDLE", "drop a .csv, .tsv, .txt or .xlsx file here to dial it"];
    case "waiting": {
      const what = state.for.map((reason) => WAITING_FOR[reason]).join("; ");
      const until =
        state.until === undefined ? "" : `; the first goes on at ${time(state.until.at, state.until.zone)}`;
      return ["WAITING", `no file can send now: ${what}${until}`];
    }
    case "stopped":
      return ["STOPPED", stopText(state.cause)];
  }
}

const WAITING_FOR = {
  "call-window": "outside the call window",
  "daily-limit": "the daily limit is reached",
  retry: "waiting to be tried again",
} as const;

function stopText(cause: StopCause): string {
  switch (cause.kind) {
    case "signal":
      return "asked to stop; files not finished stay here and go on when ctdial watch starts again";
    case "once":
      return "--once ran what was in the folder";
    case "error":
      return cause.message === ""
        ? "an error ended it (see its log)"
        : `an error ended it: ${cause.message.trim()}`;
  }
}

function waitingText(why: WaitingWhy, time: Time): string {
  switch (why.kind) {
    case "leaving":
      return "finished; it moves once no other program holds it open";
    case "waits": {
      if (why.why === undefined) return "waiting";
      const zone = why.why.kind === "daily-limit" ? why.why.zone : undefined;
      return waitReasonText(why.why, why.until === undefined ? undefined : time(why.until, zone));
    }
    case "paused":
      return "paused with the folder";
    case "next":
      return "next in line";
  }
}
