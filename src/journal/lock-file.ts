import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { FILE_MODE, stateDirError } from "./state-dir.js";

/**
 * What the journal lock (lock.ts) and the machine's sender lock (sender-lock.ts) share: a file
 * created with an exclusive create, naming the process that holds it. A lock whose process is gone
 * (kill -9, power loss) is stale and taken over, carefully (`removeStale`): two processes may judge
 * the same lock stale at once, and only one of them may end up holding it. The process's start time
 * (from /proc where there is one) tells a live owner from an unrelated process that was later given
 * the same pid.
 */
export interface LockOwner {
  readonly pid: number;
  /** The process's start time in clock ticks since boot (Linux /proc/<pid>/stat field 22). */
  readonly procStart?: string;
}

/** A lock file still empty or half-written this long after its creation belongs to a crashed writer. */
const UNREADABLE_GRACE_MS = 5000;

/** Creates the lock file holding `content`; false when it exists already. */
export async function tryCreate(path: string, content: string): Promise<boolean> {
  try {
    await writeFile(path, content, { flag: "wx", mode: FILE_MODE });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw stateDirError(dirname(path), error);
  }
}

/**
 * Who holds the lock: its owner, "gone" (no lock any more), "unreadable" (created but not yet
 * written by its owner) or "stale" (left empty or garbled by a crash long enough ago).
 */
export async function readOwner<T extends LockOwner>(
  path: string,
  parse: (text: string) => T | undefined,
): Promise<T | "gone" | "stale" | "unreadable"> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw stateDirError(dirname(path), error);
  }
  const owner = parse(text);
  if (owner !== undefined) return owner;
  // Created but not yet written by its owner, or left empty by a crash between the two.
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return "gone";
  return (await filesystemNow(path)) - info.mtimeMs > UNREADABLE_GRACE_MS ? "stale" : "unreadable";
}

/**
 * "Now" as the filesystem holding `path` stamps files: the age of a lock file is told against it, not
 * against this process's clock, which may differ (a shared folder served by another machine; a test run
 * under faketime). Costs a tiny file written and removed, only for a lock found empty or garbled.
 */
async function filesystemNow(path: string): Promise<number> {
  const probe = `${path}.clock.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    await writeFile(probe, "", { mode: FILE_MODE });
    return (await stat(probe)).mtimeMs;
  } catch {
    return Date.now();
  } finally {
    await unlink(probe).catch(() => undefined);
  }
}

/**
 * Takes a stale lock away without ever deleting a live one: two processes may judge the same lock
 * stale at once, and the slower one must not delete the lock the faster one has just created. The
 * file is renamed aside (atomic: only one process gets it), then checked: if what was taken is not
 * the stale owner after all, it is put back with link(), which never overwrites. `judged` is the
 * owner judged stale (undefined: an unreadable lock); `same` tells whether two owners are one.
 */
export async function removeStale<T extends LockOwner>(
  path: string,
  judged: T | undefined,
  parse: (text: string) => T | undefined,
  same: (a: T, b: T) => boolean,
): Promise<void> {
  // Unique per taker, also for two takers in one process.
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw stateDirError(dirname(path), error);
  }
  const taken = parse(await readFile(aside, "utf8").catch(() => ""));
  const sameAsJudged =
    judged === undefined ? taken === undefined : taken !== undefined && same(taken, judged);
  if (!sameAsJudged && taken !== undefined && isRunning(taken)) {
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

/** Removes the lock only while it is still the one this process wrote. */
export async function releaseIfMine(path: string, content: string): Promise<void> {
  const now = await readFile(path, "utf8").catch(() => undefined);
  if (now === content) await unlink(path).catch(() => undefined);
}

/** Whether the recorded owner is still the process that took the lock. */
export function isRunning(owner: LockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  if (owner.procStart === undefined) return true;
  const now = processStart(owner.pid);
  // No /proc (macOS, Windows) or not readable: the pid alone decides.
  return now === undefined || now === owner.procStart;
}

/** True while process `pid` exists (a lock whose holder is gone is stale). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the lock.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Field 22 of /proc/<pid>/stat (start time in ticks since boot); undefined where there is no /proc. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return rest[19];
  } catch {
    return undefined;
  }
}
