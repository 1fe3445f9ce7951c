import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, onTestFinished } from "vitest";

/**
 * Tests leave nothing behind, whether they pass or fail: every temporary folder and every child
 * process a test makes is undone when that test finishes (vitest's onTestFinished runs after a failed
 * or timed-out test too). Made outside a test (beforeAll, a describe body, a module's top level), it
 * is undone when the test file ends instead. Undo steps run newest first, so a child is ended before
 * the folder it works in is removed.
 */
const fileLevel: (() => unknown)[] = [];

afterAll(async () => {
  for (const undo of fileLevel.splice(0).reverse()) await undo();
});

/** Runs `undo` when the current test finishes, or when the file ends if no test is running. */
export function whenDone(undo: () => unknown): void {
  try {
    onTestFinished(async () => {
      await undo();
    });
  } catch {
    // "can only be called inside a test": made by a beforeAll or at the top of the file.
    fileLevel.push(undo);
  }
}

/** A fresh folder in the system temp folder, removed when the test (or the file) is done. */
export function tempDir(prefix = "ctdial-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  whenDone(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));
  return dir;
}

/**
 * Ends `child` when the test (or the file) is done, if it has not ended by then: SIGKILL, because a
 * test that failed half-way owes the process no orderly stop, then waits for it to be gone.
 */
export function endWhenDone<T extends ChildProcess>(child: T): T {
  whenDone(() => endProcess(child));
  return child;
}

/** Kills `child` unless it already exited, and resolves once it has (at most a few seconds). */
export function endProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    if (!child.kill(signal)) {
      clearTimeout(timer);
      resolve();
    }
  });
}
