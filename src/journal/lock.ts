import { readFile, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { ConfigError } from "../errors.js";
import { FILE_MODE, stateDirError } from "./state-dir.js";

/**
 * One writer per journal: two ctdial processes running the same campaign would each send the rows
 * the other has not journaled yet, and dial people twice. The lock file holds the owner's pid; a lock
 * whose process is gone (kill -9, power loss) is stale and taken over.
 */
export async function acquireLock(path: string): Promise<() => Promise<void>> {
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: "wx", mode: FILE_MODE });
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw stateDirError(dirname(path), error);
      if (attempt > 0) throw lockedError(path, error);
    }
    const owner = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw lockedError(path, undefined, owner);
    await unlink(path).catch(() => undefined);
  }
}

/** True while process `pid` exists (a lock whose holder is gone is stale). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the campaign.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockedError(path: string, cause: unknown, owner?: number): ConfigError {
  const who = owner === undefined ? "another ctdial" : `another ctdial (process ${owner})`;
  return new ConfigError(
    `this campaign is being run by ${who}; wait for it to finish, or delete ${path} if no ctdial is running`,
    [],
    { code: "E_JOURNAL_LOCKED", cause, params: { lockFile: path, pid: owner } },
  );
}

/**
 * The pid of a live process that holds the lock of the journal at `journalFile`, if any: a
 * read-only command (validate) must not rewrite the report of a campaign that is being sent.
 */
export async function lockHolder(journalFile: string): Promise<number | undefined> {
  const lock = `${journalFile.replace(/\.jsonl$/, "")}.lock`;
  const owner = Number.parseInt(await readFile(lock, "utf8").catch(() => ""), 10);
  return Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner) ? owner : undefined;
}
