import { type CleanupErrorHandler, warnOnStderr } from "./cleanup.js";
import { t } from "./lang.js";

/**
 * SIGINT / SIGTERM: the first asks the run to stop taking rows and let requests in flight finish (the
 * report is still written); a second SIGINT exits at once with code 3.
 *
 * The listener never throws: an exception inside a signal listener is an uncaught exception, which
 * would crash with a stack trace instead of draining and writing the report. What `onFirst` throws
 * (a progress line that cannot be cleared, a log that cannot be written) goes to `onError`.
 */
export function stopOnSignals(
  onFirst: () => void,
  onError: CleanupErrorHandler = warnOnStderr,
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      if (name === "SIGINT") process.exit(3);
      return;
    }
    // i18n-exempt: the abort's reason, for code that reads the signal; nobody is shown it
    controller.abort(new Error(`stopped by ${name}`));
    try {
      onFirst();
    } catch (error) {
      try {
        onError(t().cliCleanupAnnounceStop(), error);
      } catch {
        // Nothing left to tell the user with; the run still drains and writes its report.
      }
    }
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}
