import type { Said } from "../i18n/catalog.js";
import { redact } from "../secrets.js";
import { t, tell } from "./lang.js";

/**
 * Closing things at the end of a command: the progress line, signal listeners, the endpoint and its
 * in-process sandbox server, the logger. Each step runs whatever the steps before it did, so that one
 * failing step (a progress bar that cannot redraw, a server that will not close) never leaves the others
 * open, and a failure while closing never replaces the run's own error or result: it is handed to
 * `onError` (a warning on stderr) and the command goes on to report what happened.
 */
export interface CleanupStep {
  /**
   * What the step does, in the user's terms ("close the built-in sandbox"), for the warning: a
   * catalog message (`said("cliCleanupConnection", {})`), or words already made.
   */
  readonly what: Said | string;
  readonly run: () => unknown;
}

export type CleanupErrorHandler = (what: string, error: unknown) => void;

export async function runCleanup(
  steps: readonly CleanupStep[],
  onError: CleanupErrorHandler = warnOnStderr,
): Promise<void> {
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      reportQuietly(onError, wordsOf(step.what), error);
    }
  }
}

/** The same, for places that cannot wait (signal listeners): steps must be synchronous. */
export function runCleanupSync(
  steps: readonly CleanupStep[],
  onError: CleanupErrorHandler = warnOnStderr,
): void {
  for (const step of steps) {
    try {
      step.run();
    } catch (error) {
      reportQuietly(onError, wordsOf(step.what), error);
    }
  }
}

/** The default: one line on stderr, redacted, never a stack trace. */
export function warnOnStderr(what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const words = t();
  process.stderr.write(
    `${words.cliWarning({ text: words.cliCleanupFailed({ what, message: redact(message) }) })}\n`,
  );
}

function wordsOf(what: Said | string): string {
  return typeof what === "string" ? what : tell(what);
}

function reportQuietly(onError: CleanupErrorHandler, what: string, error: unknown): void {
  try {
    onError(what, error);
  } catch {
    // A warning that cannot be written (stderr closed) must not turn cleanup into a crash.
  }
}
