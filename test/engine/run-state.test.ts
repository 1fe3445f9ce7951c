import { describe, expect, it } from "vitest";
import { parseCampaign } from "../../src/campaign/load.js";
import { RunState } from "../../src/engine/run-state.js";
import { said } from "../../src/i18n/catalog.js";
import type { OutcomeSink, SettledRow } from "../../src/sinks/outcome-sink.js";

function recordingSink(name: string, behaviour: { throwOnAccept?: boolean; throwOnClose?: boolean } = {}) {
  const got: SettledRow[] = [];
  let closed = 0;
  const sink: OutcomeSink = {
    name,
    accept(settled) {
      if (behaviour.throwOnAccept) throw new Error(`${name} is full`);
      got.push(settled);
      return undefined;
    },
    async close() {
      closed += 1;
      if (behaviour.throwOnClose) throw new Error(`${name} cannot close`);
    },
  };
  return { sink, got, closed: () => closed };
}

const campaign = parseCampaign({ timezone: "Asia/Novosibirsk" }, "test");
const row = (n: number) => ({ rowNumber: n + 2, cells: [`+7 999 000-00-0${n}`] });

describe("RunState: one owner of a run's state", () => {
  it("counts each settled row once and hands it to every sink", () => {
    const a = recordingSink("a");
    const b = recordingSink("b");
    const run = new RunState({ campaign, sinks: [a.sink, b.sink], report: "r.csv", dryRun: false });
    run.settle(0, { row: row(0), outcome: { status: "skipped", reason: said("rowsDuplicate", { row: 1 }) } });
    run.settle(1, {
      row: row(1),
      outcome: { status: "invalid", problems: [{ problem: said("rowsPhoneEmpty", {}) }] },
    });
    expect(run.summary()).toMatchObject({ total: 2, skipped: 1, invalid: 1, problemCount: 1 });
    expect(run.progress).toMatchObject({ done: 2, counts: { skipped: 1, invalid: 1 } });
    expect(a.got.map((s) => s.index)).toEqual([0, 1]);
    expect(b.got.map((s) => s.index)).toEqual([0, 1]);
  });

  it("cuts off a sink that throws, tells once, and keeps feeding the others", () => {
    const broken = recordingSink("the sheet", { throwOnAccept: true });
    const report = recordingSink("the report");
    const failures: string[] = [];
    const run = new RunState({
      campaign,
      sinks: [broken.sink, report.sink],
      report: "r.csv",
      dryRun: false,
      onSinkFailure: (sink, error) => failures.push(`${sink.name}: ${(error as Error).message}`),
    });
    for (let n = 0; n < 3; n++) run.settle(n, { row: row(n), outcome: { status: "pending" } });
    expect(failures).toEqual(["the sheet: the sheet is full"]);
    expect(report.got).toHaveLength(3);
    expect(run.summary().pending).toBe(3);
    expect(run.sinkFailures.map((f) => f.sink.name)).toEqual(["the sheet"]);
  });

  it("closes every sink even when one fails to close", async () => {
    const first = recordingSink("first", { throwOnClose: true });
    const second = recordingSink("second");
    const run = new RunState({ campaign, sinks: [first.sink, second.sink], report: "r.csv", dryRun: false });
    await run.close({ complete: true });
    expect(first.closed()).toBe(1);
    expect(second.closed()).toBe(1);
    expect(run.sinkFailures).toHaveLength(1);
  });

  it("hands times to sinks in the campaign's timezone, whatever the machine's", () => {
    const sink = recordingSink("report");
    const run = new RunState({ campaign, sinks: [sink.sink], report: "r.csv", dryRun: false });
    run.settle(0, {
      row: row(0),
      outcome: { status: "sent", requestId: 1, sentAt: "2026-11-30T10:00:00+03:00", attempts: 1 },
    });
    expect(sink.got[0]?.outcome).toMatchObject({ sentAt: "2026-11-30T14:00:00+07:00" });
  });
});
