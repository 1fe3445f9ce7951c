import { readFileSync } from "node:fs";
import { link, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sleep } from "../dispatch/dispatch.js";
import { StopError } from "../errors.js";
import { isAlive } from "./lock.js";
import { ensurePrivateDir, FILE_MODE, stateDirError } from "./state-dir.js";

/**
 * Calltouch counts its 5 requests a second per IP address, so two ctdial processes sending from one
 * machine would each get half their requests refused. The sender lock makes them take turns: a file
 * in the state directory, created with an exclusive create, holding who sends (pid, command line,
 * start time). A lock whose process is gone (kill -9, power loss) is stale and taken over; the
 * process's start time (from /proc where there is one) tells a live owner from an unrelated process
 * that was later given the same pid.
 */
export interface SenderLockOwner {
  readonly pid: number;
  /** The owner's command line, for the message a waiting sender prints. */
  readonly command: string;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** The process's start time in clock ticks since boot (Linux /proc/<pid>/stat field 22). */
  readonly procStart?: string;
}

export interface SenderLockOptions {
  /** Wait for the other sender (true) or stop at once with exit 3 (false, `--no-wait`). */
  readonly wait: boolean;
  /** Said once when the lock is held by another process and this one waits. */
  readonly onWait?: (message: string) => void;
  readonly signal?: AbortSignal;
  /** How often a waiting sender looks again. @default 500 */
  readonly pollMs?: number;
  /** The command line recorded in the lock. @default process.argv without node's own path */
  readonly command?: string;
}

export type ReleaseLock = () => Promise<void>;

const LOCK_NAME = "sender.lock";
/** A lock file still empty or half-written this long after its creation belongs to a crashed writer. */
const UNREADABLE_GRACE_MS = 5000;

export function senderLockPath(stateDir: string): string {
  return join(stateDir, LOCK_NAME);
}

/** Takes the machine's sender lock, waiting for its holder unless `wait` is false. */
export async function acquireSenderLock(stateDir: string, options: SenderLockOptions): Promise<ReleaseLock> {
  const path = senderLockPath(stateDir);
  try {
    await ensurePrivateDir(stateDir);
  } catch (error) {
    throw stateDirError(stateDir, error);
  }
  const me: SenderLockOwner = {
    pid: process.pid,
    command: options.command ?? commandLine(),
    since: new Date().toISOString(),
    ...optionalStart(processStart(process.pid)),
  };
  const content = `${JSON.stringify(me)}\n`;
  let told = false;
  for (;;) {
    if (await tryCreate(path, content)) return () => releaseIfMine(path, content);
    const holder = await readOwner(path);
    if (holder === "gone") continue;
    if (holder === "stale" || (holder !== "unreadable" && !isRunning(holder))) {
      await removeStale(path, holder === "stale" ? undefined : holder);
      continue;
    }
    const sentence = busySentence(holder === "unreadable" ? undefined : holder);
    if (!options.wait) {
      throw new StopError("E_SENDER_BUSY", sentence, {
        advice: "Run it again when the other ctdial has finished, or leave out --no-wait to wait for it.",
      });
    }
    if (!told) {
      told = true;
      options.onWait?.(`${sentence}; waiting for it to finish (Calltouch's limit is per machine)`);
    }
    await sleep(options.pollMs ?? 500, options.signal);
    if (options.signal?.aborted) {
      throw new StopError("SIGNAL", "stopped while waiting for the other ctdial to finish sending", {
        advice: "Nothing was sent; run the same command again.",
      });
    }
  }
}

/** "another ctdial is sending from this machine (process 123: ctdial watch campaigns)". */
export function busySentence(owner: SenderLockOwner | undefined): string {
  if (owner === undefined) return "another ctdial is sending from this machine";
  return `another ctdial is sending from this machine (process ${owner.pid}: ${owner.command}, since ${owner.since})`;
}

/** Whether the recorded owner is still the process that took the lock. */
export function isRunning(owner: SenderLockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  if (owner.procStart === undefined) return true;
  const now = processStart(owner.pid);
  // No /proc (macOS, Windows) or not readable: the pid alone decides.
  return now === undefined || now === owner.procStart;
}

async function tryCreate(path: string, content: string): Promise<boolean> {
  try {
    await writeFile(path, content, { flag: "wx", mode: FILE_MODE });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw stateDirError(path, error);
  }
}

async function readOwner(path: string): Promise<SenderLockOwner | "gone" | "stale" | "unreadable"> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw stateDirError(path, error);
  }
  const owner = parseOwner(text);
  if (owner !== undefined) return owner;
  // Created but not yet written by its owner, or left empty by a crash between the two.
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return "gone";
  return Date.now() - info.mtimeMs > UNREADABLE_GRACE_MS ? "stale" : "unreadable";
}

export function parseOwner(text: string): SenderLockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<SenderLockOwner>;
    if (typeof value.pid !== "number" || !Number.isInteger(value.pid) || value.pid <= 0) return undefined;
    return {
      pid: value.pid,
      command: typeof value.command === "string" ? value.command : "ctdial",
      since: typeof value.since === "string" ? value.since : "an unknown time",
      ...optionalStart(typeof value.procStart === "string" ? value.procStart : undefined),
    };
  } catch {
    return undefined;
  }
}

/**
 * Takes a stale lock away without ever deleting a live one: two processes may judge the same lock
 * stale at once, and the slower one must not delete the lock the faster one has just created. The
 * file is renamed aside (atomic: only one process gets it), then checked: if what was taken is not
 * the stale owner after all, it is put back with link(), which never overwrites.
 */
async function removeStale(path: string, judged: SenderLockOwner | undefined): Promise<void> {
  const aside = `${path}.stale.${process.pid}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw stateDirError(path, error);
  }
  const taken = parseOwner(await readFile(aside, "utf8").catch(() => ""));
  const sameAsJudged =
    judged === undefined
      ? taken === undefined
      : taken !== undefined && taken.pid === judged.pid && taken.since === judged.since;
  if (!sameAsJudged && taken !== undefined && isRunning(taken)) {
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

async function releaseIfMine(path: string, content: string): Promise<void> {
  const now = await readFile(path, "utf8").catch(() => undefined);
  if (now === content) await unlink(path).catch(() => undefined);
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

function optionalStart(procStart: string | undefined): { procStart?: string } {
  return procStart === undefined ? {} : { procStart };
}

function commandLine(): string {
  const [, script, ...args] = process.argv;
  const name = script !== undefined && /cli\.js$|ctdial$/.test(script) ? "ctdial" : (script ?? "node");
  return [name, ...args].join(" ");
}
