import { describe, expect, it } from "vitest";
import { runCleanup, runCleanupSync } from "../../src/cli/cleanup.js";
import { closingSteps } from "../../src/cli/run.js";

/** The four things a sending run closes, each recording that it ran, one of them failing. */
function parts(failing: string | undefined) {
  const ran: string[] = [];
  const step =
    (name: string, async = false) =>
    () => {
      ran.push(name);
      if (name === failing) {
        if (async) return Promise.reject(new Error(`${name} broke`));
        throw new Error(`${name} broke`);
      }
      return async ? Promise.resolve() : undefined;
    };
  return {
    ran,
    parts: {
      progress: { stop: step("progress") },
      signals: { dispose: step("signals") },
      endpoint: { close: step("endpoint", true) as () => Promise<void> },
      logger: { flush: step("logger") as () => void },
    },
  };
}

describe("closing a sending run", () => {
  it.each(["progress", "signals", "endpoint", "logger"])(
    "when closing %s throws, every other step still runs and the failure is reported, not thrown",
    async (failing) => {
      const { ran, parts: p } = parts(failing);
      const errors: string[] = [];
      await runCleanup(closingSteps(p), (what, error) => errors.push(`${what}: ${(error as Error).message}`));
      expect(ran).toEqual(["progress", "signals", "endpoint", "logger"]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^(clear|stop|close|flush) .+: ${failing} broke$`));
    },
  );

  it("a failure while closing never hides the run's own error", async () => {
    const { parts: p } = parts("endpoint");
    const run = async (): Promise<never> => {
      try {
        throw new Error("the run's own error");
      } finally {
        await runCleanup(closingSteps(p), () => {});
      }
    };
    await expect(run()).rejects.toThrow("the run's own error");
  });

  it("a reporter that itself throws (stderr closed) does not stop the remaining steps", async () => {
    const ran: number[] = [];
    const steps = [1, 2, 3].map((n) => ({
      what: `step ${n}`,
      run: () => {
        ran.push(n);
        throw new Error("no");
      },
    }));
    await runCleanup(steps, () => {
      throw new Error("cannot write");
    });
    runCleanupSync(steps, () => {
      throw new Error("cannot write");
    });
    expect(ran).toEqual([1, 2, 3, 1, 2, 3]);
  });
});
