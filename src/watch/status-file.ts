import { rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { STATUS_FILE } from "./ignore-rules.js";

/**
 * STATUS.txt: what the service is doing, for a person who only ever opens the folder. Written whole
 * to a hidden temporary file and renamed over the old one, so it is never seen half-written. When the
 * rename fails (Windows refuses to replace a file another program holds open), the service carries on
 * and the next update tries again: a status file must never stop dialing.
 */
export interface StatusWriter {
  /** Writes `text` unless it is what the file already holds; false when it could not be written now. */
  write(text: string): Promise<boolean>;
}

export function statusWriter(dir: string): StatusWriter {
  const path = join(dir, STATUS_FILE);
  const tmp = join(dir, `.${STATUS_FILE}.tmp`);
  let written: string | undefined;
  return {
    async write(text) {
      if (text === written) return true;
      try {
        await writeFile(tmp, text, "utf8");
        await rename(tmp, path);
        written = text;
        return true;
      } catch {
        await unlink(tmp).catch(() => undefined);
        return false;
      }
    },
  };
}

export interface RunningLine {
  readonly name: string;
  readonly done: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly note?: string;
}

export interface StatusView {
  readonly dir: string;
  readonly at: Date;
  /** Set while the whole folder is paused: why, what to do, and when it looks again. */
  readonly paused?: { readonly reason: string; readonly advice?: string; readonly nextCheck: Date };
  /** Set while another ctdial holds the machine's sender lock. */
  readonly waitingForSender?: string;
  readonly running: readonly RunningLine[];
  /** Files waiting: their names and why. */
  readonly waiting: readonly { readonly name: string; readonly why: string }[];
  /** The last few files finished, newest first. */
  readonly recent: readonly string[];
}

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
  lines.push(`Updated: ${localTime(view.at)}`);
  if (view.paused !== undefined) {
    lines.push("");
    lines.push(`Why: ${view.paused.reason}`);
    if (view.paused.advice !== undefined) lines.push(`What to do: ${view.paused.advice}`);
    lines.push(
      `Files stay where they are. ctdial checks again at ${localTime(view.paused.nextCheck)} and resumes by itself once Calltouch accepts requests.`,
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
        `  ${file.name}: ${file.done === 1 ? "1 row" : `${file.done} rows`} done${counts === "" ? "" : ` (${counts})`}${file.note === undefined ? "" : `; ${file.note}`}`,
      );
    }
  }
  if (view.waiting.length > 0) {
    lines.push("");
    lines.push("Waiting:");
    for (const file of view.waiting) lines.push(`  ${file.name}: ${file.why}`);
  }
  if (view.recent.length > 0) {
    lines.push("");
    lines.push("Recently finished:");
    for (const line of view.recent) lines.push(`  ${line}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** Local wall-clock time with its offset, as a person at the machine reads it. */
function localTime(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (n: number): string => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19).replace("T", " ");
  return `${local} ${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}
