import { join } from "node:path";
import { StopError } from "../errors.js";
import { sleep } from "../wake.js";
import {
  isRunning,
  type LockOwner,
  processStart,
  readOwner as readLockOwner,
  releaseIfMine,
  removeStale as removeStaleLock,
  tryCreate,
} from "./lock-file.js";
import { ensurePrivateDir, stateDirError } from "./state-dir.js";

/**
 * Calltouch counts its 5 requests a second per IP address, so two ctdial processes sending from one
 * machine would each get half their requests refused. The sender lock makes them take turns: a file
 * in the state directory, created with an exclusive create, holding who sends (pid, command line,
 * start time). A lock whose process is gone (kill -9, power loss) is stale and taken over, as the
 * journal lock is (lock-file.ts).
 */
export interface SenderLockOwner extends LockOwner {
  /** The owner's command line, for the message a waiting sender prints. */
  readonly command: string;
  /** ISO time the lock was taken; empty when the lock does not say. */
  readonly since: string;
}

export interface SenderLockOptions {
  /** Wait for the other sender (true) or stop at once with exit 3 (false, `--no-wait`). */
  readonly wait: boolean;
  /** Told once when the lock is held by another process and this one waits: who holds it (unknown while
   *  its holder is still writing the file). The CLI words it. */
  readonly onWait?: (holder: SenderHolder | undefined) => void;
  readonly signal?: AbortSignal;
  /** How often a waiting sender looks again. @default 500 */
  readonly pollMs?: number;
  /** The command line recorded in the lock. @default process.argv without node's own path */
  readonly command?: string;
}

/** Who holds the sender lock, as data: the process, its command line and since when (ISO). */
export type SenderHolder = Pick<SenderLockOwner, "pid" | "command" | "since">;

export type ReleaseLock = () => Promise<void>;

const LOCK_NAME = "sender.lock";

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
    const known = holder === "unreadable" ? undefined : holderOf(holder);
    if (!options.wait) {
      throw new StopError(
        { code: "E_SENDER_BUSY", params: known === undefined ? {} : { ...known } },
        { advice: { code: "runAdviceSenderBusy", params: {} } },
      );
    }
    if (!told) {
      told = true;
      options.onWait?.(known);
    }
    await sleep(options.pollMs ?? 500, options.signal);
    if (options.signal?.aborted) {
      throw new StopError(
        { code: "SIGNAL", params: { while: "sender" } },
        { advice: { code: "runAdviceNothingSent", params: {} } },
      );
    }
  }
}

function holderOf(owner: SenderLockOwner): SenderHolder {
  return { pid: owner.pid, command: owner.command, since: owner.since };
}

function readOwner(path: string): Promise<SenderLockOwner | "gone" | "stale" | "unreadable"> {
  return readLockOwner(path, parseOwner);
}

export function parseOwner(text: string): SenderLockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<SenderLockOwner>;
    if (typeof value.pid !== "number" || !Number.isInteger(value.pid) || value.pid <= 0) return undefined;
    return {
      pid: value.pid,
      command: typeof value.command === "string" ? value.command : "ctdial",
      // Empty when the lock names no time: the message says "an unknown time" in the user's language.
      since: typeof value.since === "string" ? value.since : "",
      ...optionalStart(typeof value.procStart === "string" ? value.procStart : undefined),
    };
  } catch {
    return undefined;
  }
}

/** Takes a stale lock away without ever deleting a live one (see lock-file.ts). */
function removeStale(path: string, judged: SenderLockOwner | undefined): Promise<void> {
  return removeStaleLock(path, judged, parseOwner, (a, b) => a.pid === b.pid && a.since === b.since);
}

function optionalStart(procStart: string | undefined): { procStart?: string } {
  return procStart === undefined ? {} : { procStart };
}

function commandLine(): string {
  const [, script, ...args] = process.argv;
  const name = script !== undefined && /cli\.js$|ctdial$/.test(script) ? "ctdial" : (script ?? "node");
  return [name, ...args].join(" ");
}
