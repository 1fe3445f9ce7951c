/**
 * At most `perMinute` write requests in any 60 s, however flushes bunch up (a report pass over a
 * large tab, retries after a 429). Google allows 60 writes a minute per user; ctdial keeps to half,
 * leaving room for the person editing the sheet and for other tools.
 */
export interface WritePacer {
  /** Resolves when one more write fits in the window, and counts it. */
  take(): Promise<void>;
}

export function createWritePacer(
  perMinute: number,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): WritePacer {
  const starts: number[] = [];
  return {
    async take() {
      for (;;) {
        const t = now();
        while (starts.length > 0 && starts[0]! <= t - 60_000) starts.shift();
        if (starts.length < perMinute) {
          starts.push(t);
          return;
        }
        await sleep(starts[0]! + 60_000 - t + 1);
      }
    },
  };
}
