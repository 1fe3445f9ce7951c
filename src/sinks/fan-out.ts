import type { OutcomeSink, RunEnd, SettledRow } from "../engine/sink.js";

/**
 * Hands each settled row to every sink, as src/engine/sink.ts promises: a sink that throws is
 * reported once as a warning and receives nothing more; sending goes on.
 */
export interface SinkFanOut {
  /** False when there is no sink: the run need not keep rows for them. */
  readonly active: boolean;
  accept(settled: SettledRow): Promise<void> | undefined;
  close(end: RunEnd): Promise<void>;
}

export function fanOut(sinks: readonly OutcomeSink[], onWarning?: (message: string) => void): SinkFanOut {
  let live = [...sinks];
  const drop = (sink: OutcomeSink, error: unknown): void => {
    if (!live.includes(sink)) return;
    live = live.filter((s) => s !== sink);
    onWarning?.(`${sink.name} stopped receiving results: ${(error as Error)?.message ?? String(error)}`);
  };
  return {
    active: sinks.length > 0,
    accept(settled) {
      const waits: Promise<void>[] = [];
      for (const sink of live) {
        try {
          const wait = sink.accept(settled);
          if (wait !== undefined) waits.push(wait.catch((error: unknown) => drop(sink, error)));
        } catch (error) {
          drop(sink, error);
        }
      }
      return waits.length === 0 ? undefined : Promise.all(waits).then(() => {});
    },
    async close(end) {
      for (const sink of live) {
        try {
          await sink.close(end);
        } catch (error) {
          drop(sink, error);
        }
      }
    },
  };
}
