import { describe, expect, it } from "vitest";
import { parseCampaign } from "../../src/campaign/load.js";
import type { PlannedRows } from "../../src/engine/plan.js";
import { RunState } from "../../src/engine/run-state.js";
import { settleRest } from "../../src/engine/settle-pass.js";
import { PENDING } from "../../src/engine/unsent.js";

const SEND = () => ({ send: true as const, priorAttempts: 0 });

/** A planned pass of `count` invalid rows (no lookups needed), counting how many were read. */
function rows(count: number): PlannedRows & { read: () => number } {
  let index = 0;
  return {
    source: {} as PlannedRows["source"],
    columns: {} as PlannedRows["columns"],
    get exhausted() {
      return index >= count;
    },
    read: () => index,
    async next() {
      if (index >= count) return undefined;
      const i = index++;
      return {
        index: i,
        planned: { row: { rowNumber: i + 2, cells: [] }, outcome: { status: "invalid", problems: [] } },
      };
    },
    close: async () => {},
  };
}

const run = () =>
  new RunState({ campaign: parseCampaign({}, "test"), sinks: [], report: "r.csv", dryRun: false });

describe("settleRest: the rows a run did not send", () => {
  it("settles every row and says the source was read to its end", async () => {
    const state = run();
    const planned = rows(5000);
    expect(await settleRest(planned, state, SEND, { sendable: PENDING })).toBe(true);
    expect(state.summary().total).toBe(5000);
  });

  it("gives up at its deadline (after a signal) and says the source was not read to its end", async () => {
    const state = run();
    const planned = rows(100_000);
    const complete = await settleRest(planned, state, SEND, { sendable: PENDING, deadline: Date.now() - 1 });
    expect(complete).toBe(false);
    // The clock is read every 1024 rows: it stopped at the first look, far from the end.
    expect(planned.read()).toBeLessThan(2048);
    expect(state.summary().total).toBe(planned.read());
  });

  it("still reports complete when the deadline passes exactly as the source ends", async () => {
    const planned = rows(1023);
    expect(await settleRest(planned, run(), SEND, { sendable: PENDING, deadline: Date.now() - 1 })).toBe(
      true,
    );
  });
});
