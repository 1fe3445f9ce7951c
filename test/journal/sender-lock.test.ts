import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { senderWaitText } from "../../src/cli/messages.js";
import { StopError } from "../../src/errors.js";
import { processStart } from "../../src/journal/lock-file.js";
import { acquireSenderLock, type SenderHolder, senderLockPath } from "../../src/journal/sender-lock.js";
import { tempDir } from "../tidy.js";
import { waitFor } from "../wait-for.js";

function stateDir(): string {
  return tempDir("ctdial-lock-");
}

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("the machine's sender lock", () => {
  it("records who holds it and removes the file on release", async () => {
    const dir = stateDir();
    const release = await acquireSenderLock(dir, { wait: false, command: "ctdial watch campaigns" });
    const owner = JSON.parse(readFileSync(senderLockPath(dir), "utf8"));
    expect(owner).toMatchObject({ pid: process.pid, command: "ctdial watch campaigns" });
    if (existsSync("/proc/self/stat")) expect(owner.procStart).toBe(processStart(process.pid));
    await release();
    expect(existsSync(senderLockPath(dir))).toBe(false);
  });

  it("refuses a second holder with --no-wait, naming the first one's pid and command (exit 3)", async () => {
    const dir = stateDir();
    const release = await acquireSenderLock(dir, { wait: false, command: "ctdial run a.csv" });
    const second = acquireSenderLock(dir, { wait: false });
    await expect(second).rejects.toBeInstanceOf(StopError);
    await expect(second).rejects.toMatchObject({
      code: "E_SENDER_BUSY",
      exitCode: 3,
      message: expect.stringContaining(`process ${process.pid}: ctdial run a.csv`),
      params: { pid: process.pid, command: "ctdial run a.csv" },
    });
    await release();
  });

  it("makes a second holder wait, says so once, and lets it in when the first releases", async () => {
    const dir = stateDir();
    const release = await acquireSenderLock(dir, { wait: false, command: "first" });
    const said: (SenderHolder | undefined)[] = [];
    let got = false;
    const second = acquireSenderLock(dir, { wait: true, pollMs: 20, onWait: (h) => said.push(h) }).then(
      (r) => {
        got = true;
        return r;
      },
    );
    await waitFor(() => said.length > 0, "the second holder to say it waits");
    // A few more polls, to see it does not say so again (a slow machine polls less: never a false failure).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(got).toBe(false);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ pid: process.pid, command: "first" });
    expect(senderWaitText(said[0])).toMatch(
      new RegExp(
        `^another ctdial is sending from this machine \\(process ${process.pid}: first, since \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d \\(.+\\)\\); waiting for it to finish`,
      ),
    );
    await release();
    const releaseSecond = await second;
    expect(JSON.parse(readFileSync(senderLockPath(dir), "utf8")).pid).toBe(process.pid);
    await releaseSecond();
  });

  it("takes over a lock whose process is gone", async () => {
    const dir = stateDir();
    writeFileSync(senderLockPath(dir), JSON.stringify({ pid: deadPid(), command: "ctdial run", since: "x" }));
    const release = await acquireSenderLock(dir, { wait: false });
    expect(JSON.parse(readFileSync(senderLockPath(dir), "utf8")).pid).toBe(process.pid);
    await release();
  });

  it.runIf(existsSync("/proc/self/stat"))(
    "takes over a lock whose pid now belongs to another process (a different start time)",
    async () => {
      const dir = stateDir();
      writeFileSync(
        senderLockPath(dir),
        JSON.stringify({ pid: process.pid, command: "ctdial run", since: "x", procStart: "1" }),
      );
      const release = await acquireSenderLock(dir, { wait: false });
      expect(JSON.parse(readFileSync(senderLockPath(dir), "utf8")).procStart).toBe(processStart(process.pid));
      await release();
    },
  );

  it("treats a fresh empty lock file as held (its owner is writing it) and an old one as stale", async () => {
    const dir = stateDir();
    writeFileSync(senderLockPath(dir), "");
    await expect(acquireSenderLock(dir, { wait: false })).rejects.toMatchObject({ code: "E_SENDER_BUSY" });
    // A minute before the file's own stamp: the lock's age is told by the filesystem's clock.
    const old = (statSync(senderLockPath(dir)).mtimeMs - 60_000) / 1000;
    utimesSync(senderLockPath(dir), old, old);
    const release = await acquireSenderLock(dir, { wait: false });
    await release();
  });

  it("stops waiting when the signal aborts", async () => {
    const dir = stateDir();
    const release = await acquireSenderLock(dir, { wait: false });
    const controller = new AbortController();
    const waiting = acquireSenderLock(dir, { wait: true, pollMs: 20, signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: "SIGNAL" });
    await release();
  });

  it("does not delete a lock another process took after this one released", async () => {
    const dir = stateDir();
    const release = await acquireSenderLock(dir, { wait: false });
    writeFileSync(senderLockPath(dir), JSON.stringify({ pid: process.ppid, command: "other", since: "y" }));
    await release();
    expect(existsSync(senderLockPath(dir))).toBe(true);
  });
});
