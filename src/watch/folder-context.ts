import type { Clock } from "../clock.js";
import type { FolderEvent, FolderWords, RecentEntry } from "./folder-events.js";
import type { FolderLang } from "./folder-lang.js";
import type { JobQueue } from "./job-queue.js";
import type { OnceTally } from "./once-tally.js";
import type { Pause } from "./pause.js";
import type { Hold } from "./supervisor.js";

/** What the parts of the folder service share: the folder, its state, and where it tells things. */
export interface FolderContext {
  readonly dir: string;
  readonly once: boolean;
  readonly clock: Clock;
  readonly emit: (event: FolderEvent) => void;
  readonly words: FolderWords;
  /** The language STATUS.txt and the error notes are written in (the folder's campaign's, else the service's). */
  readonly lang: FolderLang;
  readonly queue: JobQueue;
  readonly pause: Pause;
  readonly tally: OnceTally;
  /** What was last told per name (a file passed over, a move that waits): told once, not every pass. */
  readonly told: Map<string, string>;
  /** The last few files finished, newest first. */
  readonly recent: RecentEntry[];
  /** The supervisor's pause from the page (`--ui`), when the page is on. */
  readonly hold?: Hold;
}

const RECENT = 10;

export function pushRecent(f: FolderContext, entry: RecentEntry): void {
  f.recent.unshift(entry);
  f.recent.length = Math.min(f.recent.length, RECENT);
}
