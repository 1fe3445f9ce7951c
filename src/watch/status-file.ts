import { rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { PauseCause, RecentEntry, WaitingWhy } from "./folder-events.js";
import { STATUS_FILE } from "./ignore-rules.js";

/**
 * STATUS.txt: what the service is doing, for a person who only ever opens the folder (worded by
 * cli/watch-status.ts). Written whole
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
  /** The engine's note on what the run waits for (the call window), as it words it. */
  readonly note?: string;
}

/** What STATUS.txt shows, as data; cli/watch-status.ts puts it into words. */
export interface StatusView {
  readonly dir: string;
  /** When (ms since the epoch, by the service's clock). */
  readonly at: number;
  /** Set while the whole folder is paused: why, and when it looks again (ms since the epoch). */
  readonly paused?: { readonly cause: PauseCause; readonly nextCheck: number };
  /** Set while another ctdial holds the machine's sender lock (the lock's own sentence). */
  readonly waitingForSender?: string;
  readonly running: readonly RunningLine[];
  /** Files waiting: their names and why. */
  readonly waiting: readonly { readonly name: string; readonly why: WaitingWhy }[];
  /** The last few files finished, newest first. */
  readonly recent: readonly RecentEntry[];
}
