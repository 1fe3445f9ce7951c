import { describe, expect, it } from "vitest";
import { stopOnSignals } from "../../src/cli/signals.js";

describe("the Ctrl+C listener", () => {
  it("never throws, even when what it does on the first signal throws, and still asks the run to stop", () => {
    const errors: string[] = [];
    const stop = stopOnSignals(
      () => {
        throw new RangeError("Invalid count value: -1");
      },
      (what, error) => errors.push(`${what}: ${(error as Error).message}`),
    );
    try {
      expect(() => process.emit("SIGTERM")).not.toThrow();
      expect(stop.signal.aborted).toBe(true);
      expect(errors).toEqual(["announce the stop: Invalid count value: -1"]);
    } finally {
      stop.dispose();
    }
  });

  it("an error reporter that throws too is swallowed", () => {
    const stop = stopOnSignals(
      () => {
        throw new Error("a");
      },
      () => {
        throw new Error("b");
      },
    );
    try {
      expect(() => process.emit("SIGTERM")).not.toThrow();
      expect(stop.signal.aborted).toBe(true);
    } finally {
      stop.dispose();
    }
  });
});
