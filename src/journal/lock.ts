import { ConfigError } from "../errors.js";
import {
  isRunning,
  type LockOwner,
  processStart,
  readOwner,
  releaseIfMine,
  removeStale,
  tryCreate,
} from "./lock-file.js";

/**
 * One writer per journal: two ctdial processes running the same campaign would each send the rows
 * the other has not journaled yet, and dial people twice. The lock file holds the owner's pid (and
 * its start time where /proc tells it); a lock whose process is gone (kill -9, power loss) is stale
 * and taken over the careful way the sender lock is (lock-file.ts), so that of two processes taking
 * over one stale lock at once, one runs and the other is refused.
 */
export async function acquireLock(path: string): Promise<() => Promise<void>> {
  const start = processStart(process.pid);
  const content = start === undefined ? `${process.pid}\n` : `${process.pid} ${start}\n`;
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(path, content)) return () => releaseIfMine(path, content);
    // A second refusal: another process took the lock over since this one looked.
    if (attempt > 0) throw lockedError(path);
    const holder = await readOwner(path, parseOwner);
    if (holder === "gone") continue;
    // Just created, its pid not written yet: its owner is starting.
    if (holder === "unreadable") throw lockedError(path);
    if (holder !== "stale" && isRunning(holder)) throw lockedError(path, holder.pid);
    await removeStale(path, holder === "stale" ? undefined : holder, parseOwner, sameOwner);
  }
}

/** `<pid>` or `<pid> <start time>`: a lock written by an older ctdial holds the pid alone. */
function parseOwner(text: string): LockOwner | undefined {
  const match = /^(\d+)(?: (\d+))?\s*$/.exec(text);
  if (match === null) return undefined;
  const pid = Number(match[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return match[2] === undefined ? { pid } : { pid, procStart: match[2] };
}

function sameOwner(a: LockOwner, b: LockOwner): boolean {
  return a.pid === b.pid && a.procStart === b.procStart;
}

function lockedError(path: string, owner?: number): ConfigError {
  return new ConfigError({
    code: "E_JOURNAL_LOCKED",
    params: owner === undefined ? { lockFile: path } : { lockFile: path, pid: owner },
  });
}

/**
 * The pid of a live process that holds the lock of the journal at `journalFile`, if any: a
 * read-only command (validate) must not rewrite the report of a campaign that is being sent.
 */
export async function lockHolder(journalFile: string): Promise<number | undefined> {
  const lock = `${journalFile.replace(/\.jsonl$/, "")}.lock`;
  const owner = await readOwner(lock, parseOwner).catch(() => "gone" as const);
  if (typeof owner === "string") return undefined;
  return owner.pid !== process.pid && isRunning(owner) ? owner.pid : undefined;
}
