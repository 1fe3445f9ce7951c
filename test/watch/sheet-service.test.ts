import { describe, expect, it } from "vitest";
import type { ResolvedCampaign } from "../../src/engine/resolve.js";
import type { RunOptions } from "../../src/engine/run.js";
import { emptySummary, type RunSummary } from "../../src/engine/summary.js";
import { watchSheet } from "../../src/watch/sheet-service.js";

const resolved = { source: "https://docs.google.com/spreadsheets/d/x/edit#gid=0" } as ResolvedCampaign;

function options(looks: ((n: number) => RunSummary)[], events: string[], controller: AbortController) {
  let n = 0;
  return {
    client: {} as RunOptions["client"],
    limiter: {} as RunOptions["limiter"],
    stateDir: "/nowhere",
    intervalMs: 1,
    signal: controller.signal,
    acquireSender: async () => {
      events.push("lock");
      return async () => {
        events.push("unlock");
      };
    },
    runOnce: async (_resolved: ResolvedCampaign, run: RunOptions) => {
      n += 1;
      events.push(`look ${n}${run.checkSheetAccess ? " (access checked)" : ""}`);
      const look = looks[n - 1];
      if (look === undefined) {
        controller.abort();
        return emptySummary("sheet", false);
      }
      return look(n);
    },
    onCycleError: () => events.push("error told"),
  };
}

describe("watch <sheet>: each look at the sheet", () => {
  it("holds the machine's sender lock only while it looks, and proves edit access on the first look only", async () => {
    const events: string[] = [];
    const controller = new AbortController();
    const ok = () => emptySummary("sheet", false);
    await watchSheet(resolved, options([ok, ok], events, controller));
    expect(events).toEqual([
      "lock",
      "look 1 (access checked)",
      "unlock",
      "lock",
      "look 2",
      "unlock",
      "lock",
      "look 3",
      "unlock",
    ]);
  });

  it("lets the lock go when a look fails, and goes on after a later look's error", async () => {
    const events: string[] = [];
    const controller = new AbortController();
    const { CtdialError } = await import("../../src/errors.js");
    const ok = () => emptySummary("sheet", false);
    const fails = (): RunSummary => {
      throw new CtdialError(
        { code: "runHookError", params: { message: "the sheet could not be reached" } },
        2,
      );
    };
    await watchSheet(resolved, options([ok, fails], events, controller));
    expect(events.slice(3, 7)).toEqual(["lock", "look 2", "unlock", "error told"]);
    expect(events.filter((e) => e === "lock").length).toBe(events.filter((e) => e === "unlock").length);
  });
});

describe("watch <sheet>: when Calltouch refuses", () => {
  it("ends on any refusal of Calltouch's (a wrong address too), and goes on through its own waits", async () => {
    for (const [code, looks] of [
      [10001, 1],
      [404, 1],
      ["E_DAILY_LIMIT", 2],
    ] as const) {
      const events: string[] = [];
      const controller = new AbortController();
      const stopped = (): RunSummary => ({
        ...emptySummary("sheet", false),
        stopped: {
          kind: code === "E_DAILY_LIMIT" ? "daily-limit" : "calltouch-refusal",
          code,
          message: "no",
        },
      });
      const result = await watchSheet(resolved, options([stopped], events, controller));
      expect(events.filter((e) => e.startsWith("look")).length, String(code)).toBe(looks);
      expect(result.stopped?.code).toBe(looks === 1 ? code : undefined);
    }
  });
});

describe("watch <sheet>: the write pacer", () => {
  it("is one for the life of the watch, so the cap of writes a minute carries across looks", async () => {
    const events: string[] = [];
    const controller = new AbortController();
    const pacers = new Set<unknown>();
    const base = options([], events, controller);
    let n = 0;
    await watchSheet(resolved, {
      ...base,
      runOnce: async (_resolved, run) => {
        n += 1;
        pacers.add(run.sheetWriteback?.pacer);
        if (n === 3) controller.abort();
        return emptySummary("sheet", false);
      },
    });
    expect(n).toBe(3);
    expect(pacers.size).toBe(1);
    expect([...pacers][0]).toBeDefined();
  });
});
