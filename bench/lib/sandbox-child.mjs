// Starts bench/tasks/sandbox-server.mjs and gives the parent a small handle on it.
import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("../tasks/sandbox-server.mjs", import.meta.url));

/**
 * @returns {Promise<{url: string, firstArrival: Promise<number>, report(): Promise<object>, close(): Promise<void>}>}
 */
export async function startSandboxChild(options = {}) {
  const child = fork(SCRIPT, [JSON.stringify(options)], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  let resolveFirst;
  const firstArrival = new Promise((resolve) => {
    resolveFirst = resolve;
  });
  const pending = [];
  child.on("message", (message) => {
    if (message.type === "first") resolveFirst(message.receivedAt);
    else if (message.type === "report") pending.shift()?.(message);
  });
  const [ready] = await Promise.race([
    once(child, "message"),
    once(child, "exit").then(() => {
      throw new Error("the sandbox process exited before it was ready");
    }),
  ]);
  return {
    url: ready.url,
    firstArrival,
    report() {
      return new Promise((resolve) => {
        pending.push(resolve);
        child.send({ type: "report" });
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.send({ type: "close" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * How close the sandbox's accepted requests came to `rate` per second: (n-1) acceptances over the
 * time between the first and the last, divided by `rate`; and, over every arrival (refused ones
 * too), the most in any 1000 ms window, which must never exceed `rate`.
 */
export function rateFidelity(accepted, arrivals, rate) {
  const times = [...accepted].sort((a, b) => a - b);
  const n = times.length;
  if (n < 2) return { n, ratio: 0 };
  const spanMs = times[n - 1] - times[0];
  const all = [...arrivals].sort((a, b) => a - b);
  let busiestSecond = 0;
  for (let lo = 0, hi = 0; hi < all.length; hi++) {
    while (all[hi] - all[lo] >= 1000) lo++;
    busiestSecond = Math.max(busiestSecond, hi - lo + 1);
  }
  const gaps = all
    .slice(1)
    .map((t, i) => t - all[i])
    .sort((a, b) => a - b);
  return {
    n,
    spanMs,
    achievedRps: Math.round(((n - 1) / (spanMs / 1000)) * 1000) / 1000,
    ratio: Math.round(((n - 1) / (spanMs / 1000) / rate) * 1000) / 1000,
    busiestSecond,
    gapMs: { min: gaps[0], p50: gaps[Math.floor(gaps.length / 2)], max: gaps.at(-1) },
    /** Every arrival, ms after the first: where a bunch happened, for whoever investigates one. */
    arrivalsMs: all.map((t) => t - all[0]),
  };
}

/** ms from each request leaving the sender (`leftAt` by phone) to its arrival at the sandbox. */
export function pathDelay(report, leftAt) {
  const delays = report.accepted
    .map((at, i) => at - leftAt[report.acceptedPhones[i]])
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const at = (q) => delays[Math.min(delays.length - 1, Math.floor(delays.length * q))];
  return { p50: at(0.5), p99: at(0.99), max: delays.at(-1) };
}
