/**
 * SIGINT / SIGTERM: the first asks the run to stop taking rows and let requests in flight finish (the
 * report is still written); a second SIGINT exits at once with code 3.
 */
export function stopOnSignals(onFirst: () => void): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      if (name === "SIGINT") process.exit(3);
      return;
    }
    controller.abort(new Error(`stopped by ${name}`));
    onFirst();
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
