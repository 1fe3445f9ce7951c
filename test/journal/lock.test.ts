import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireLock, lockHolder } from "../../src/journal/lock.js";
import { tempDir } from "../tidy.js";

/** A journal lock path in a fresh directory. */
function lockPath(): string {
  return join(tempDir("ctdial-journal-lock-"), "campaign.lock");
}

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/** A process that stays alive until the test ends. */
function liveChild(): number {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
  children.push(child);
  return child.pid!;
}

const LOCKED = { code: "E_JOURNAL_LOCKED" };

describe("the journal lock", () => {
  it("takes over a stale lock whose process is gone, and removes only its own lock on release", async () => {
    const path = lockPath();
    writeFileSync(path, `${deadPid()}\n`);
    const release = await acquireLock(path);
    expect(Number.parseInt(readFileSync(path, "utf8"), 10)).toBe(process.pid);
    await release();
    expect(existsSync(path)).toBe(false);
  });

  it("refuses while a live process holds it, and leaves that process's lock in place", async () => {
    const path = lockPath();
    const holder = liveChild();
    writeFileSync(path, `${holder}\n`);
    await expect(acquireLock(path)).rejects.toMatchObject({
      ...LOCKED,
      message: expect.stringContaining(`(process ${holder})`),
    });
    expect(readFileSync(path, "utf8")).toBe(`${holder}\n`);
    await expect(lockHolder(path.replace(/\.lock$/, ".jsonl"))).resolves.toBe(holder);
  });

  it.runIf(existsSync("/proc/self/stat"))(
    "takes over a lock whose pid now belongs to another process (a different start time)",
    async () => {
      const path = lockPath();
      writeFileSync(path, `${process.pid} 1\n`);
      const release = await acquireLock(path);
      expect(readFileSync(path, "utf8")).not.toBe(`${process.pid} 1\n`);
      await release();
    },
  );

  it("refuses an empty lock just created (its owner is writing it), takes over one left empty long ago", async () => {
    const path = lockPath();
    writeFileSync(path, "");
    await expect(acquireLock(path)).rejects.toMatchObject(LOCKED);
    // A minute before the file's own stamp: the lock's age is told by the filesystem's clock.
    const minuteAgo = new Date(statSync(path).mtimeMs - 60_000);
    utimesSync(path, minuteAgo, minuteAgo);
    const release = await acquireLock(path);
    expect(Number.parseInt(readFileSync(path, "utf8"), 10)).toBe(process.pid);
    await release();
  });

  it("lets exactly one of two takers racing for the same stale lock win, and leaves no file aside", async () => {
    for (let round = 0; round < 25; round++) {
      const path = lockPath();
      writeFileSync(path, `${deadPid()}\n`);
      const results = await Promise.allSettled([acquireLock(path), acquireLock(path)]);
      const won = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(refused.map((r) => (r as PromiseRejectedResult).reason)).toEqual([
        expect.objectContaining(LOCKED),
      ]);
      expect(Number.parseInt(readFileSync(path, "utf8"), 10)).toBe(process.pid);
      await (won[0] as PromiseFulfilledResult<() => Promise<void>>).value();
      expect(readdirSync(join(path, ".."))).toEqual([]);
    }
  });
});
