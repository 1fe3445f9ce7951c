/** What goes wrong with one request, drawn from the fault shares of the settings. */
export type Fault = "none" | "reset-before" | "error-5xx" | "html-502" | "hang" | "reset-after";

export interface FaultSettings {
  readonly resetBeforeRate: number;
  readonly failRate: number;
  readonly htmlRate: number;
  readonly hangRate: number;
  readonly resetAfterRate: number;
  readonly latencyMs: number;
  readonly latencyMaxMs: number | undefined;
}

export const NO_FAULTS: FaultSettings = {
  resetBeforeRate: 0,
  failRate: 0,
  htmlRate: 0,
  hangRate: 0,
  resetAfterRate: 0,
  latencyMs: 0,
  latencyMaxMs: undefined,
};

/** mulberry32: a tiny seedable generator, so that a test's or a demo's faults are the same every run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One uniform draw split into consecutive shares; the shares never sum above 1 (options check it). */
export function drawFault(settings: FaultSettings, random: () => number): Fault {
  const shares: [Fault, number][] = [
    ["reset-before", settings.resetBeforeRate],
    ["error-5xx", settings.failRate],
    ["html-502", settings.htmlRate],
    ["hang", settings.hangRate],
    ["reset-after", settings.resetAfterRate],
  ];
  if (shares.every(([, share]) => share === 0)) return "none";
  const r = random();
  let edge = 0;
  for (const [fault, share] of shares) {
    edge += share;
    if (r < edge) return fault;
  }
  return "none";
}

export function drawLatency(settings: FaultSettings, random: () => number): number {
  const { latencyMs, latencyMaxMs } = settings;
  if (latencyMaxMs === undefined || latencyMaxMs <= latencyMs) return latencyMs;
  return Math.round(latencyMs + random() * (latencyMaxMs - latencyMs));
}
