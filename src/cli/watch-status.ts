/**
 * STATUS.txt and the `<name>.error.txt` notes in words: the folder service hands over data (see
 * watch/status-file.ts, watch/folder-events.ts) and writes what these return.
 */

import type { FolderWords, StatusView, WaitingWhy } from "../watch/folder-events.js";
import { exitCodeOf } from "./exit.js";
import { runWaitText } from "./messages.js";
import { plural } from "./plural.js";
import { doneLine, errorNoteText, pauseReason, waitReasonText } from "./watch-words.js";

export const folderWords: FolderWords = { status: formatStatus, errorNote: errorNoteText, exitCodeOf };

/** The status as a person reads it: the state in the first line, then the details. */
export function formatStatus(view: StatusView): string {
  const lines: string[] = [];
  const state =
    view.paused !== undefined
      ? "PAUSED"
      : view.waitingForSender !== undefined
        ? "WAITING for another ctdial"
        : view.running.length > 0
          ? "SENDING"
          : "IDLE: drop a .csv, .tsv, .txt or .xlsx file here to dial it";
  lines.push(`ctdial watch: ${state}`);
  lines.push(`Folder: ${view.dir}`);
  lines.push(`Updated: ${localTime(new Date(view.at))}`);
  if (view.paused !== undefined) {
    lines.push("");
    lines.push(`Why: ${pauseReason(view.paused.cause)}`);
    if (view.paused.cause.advice !== undefined) lines.push(`What to do: ${view.paused.cause.advice}`);
    lines.push(
      `Files stay where they are. ctdial checks again at ${localTime(new Date(view.paused.nextCheck))} and resumes by itself once Calltouch accepts requests.`,
    );
  }
  if (view.waitingForSender !== undefined) {
    lines.push("");
    lines.push(`Waiting: ${view.waitingForSender}.`);
  }
  if (view.running.length > 0) {
    lines.push("");
    lines.push("Running:");
    for (const file of view.running) {
      const counts = Object.entries(file.counts)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${status} ${n}`)
        .join(", ");
      lines.push(
        `  ${file.name}: ${plural(file.done, "row")} done${counts === "" ? "" : ` (${counts})`}${file.waiting === undefined ? "" : `; ${runWaitText(file.waiting, view.at)}`}`,
      );
    }
  }
  if (view.waiting.length > 0) {
    lines.push("");
    lines.push("Waiting:");
    for (const file of view.waiting) lines.push(`  ${file.name}: ${waitingText(file.why)}`);
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

function waitingText(why: WaitingWhy): string {
  switch (why.kind) {
    case "leaving":
      return "finished; it moves once no other program holds it open";
    case "waits":
      return why.why === undefined ? "waiting" : waitReasonText(why.why);
    case "paused":
      return "paused with the folder";
    case "next":
      return "next in line";
  }
}

/** Local wall-clock time with its offset, as a person at the machine reads it. */
function localTime(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (n: number): string => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19).replace("T", " ");
  return `${local} ${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}
