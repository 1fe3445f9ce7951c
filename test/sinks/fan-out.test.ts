import { describe, expect, it } from "vitest";
import type { OutcomeSink, SettledRow } from "../../src/engine/sink.js";
import { fanOut } from "../../src/sinks/fan-out.js";

const row = (index: number): SettledRow => ({
  index,
  row: { rowNumber: index + 2, cells: ["79990000000"] },
  outcome: { status: "would-send" },
});

function recording(name: string, failOn?: number): OutcomeSink & { seen: number[]; closed: boolean } {
  const sink = {
    name,
    seen: [] as number[],
    closed: false,
    accept(settled: SettledRow) {
      if (settled.index === failOn) throw new Error("the sheet is gone");
      sink.seen.push(settled.index);
      return undefined;
    },
    async close() {
      sink.closed = true;
    },
  };
  return sink;
}

describe("handing settled rows to sinks", () => {
  it("a sink that throws is warned about once and gets nothing more; the others go on", async () => {
    const good = recording("the report");
    const bad = recording('the sheet "Лист1"', 1);
    const warnings: string[] = [];
    const out = fanOut([good, bad], (message) => warnings.push(message));
    for (let i = 0; i < 4; i++) await out.accept(row(i));
    await out.close({ complete: true });
    expect(good.seen).toEqual([0, 1, 2, 3]);
    expect(bad.seen).toEqual([0]);
    expect(bad.closed).toBe(false);
    expect(good.closed).toBe(true);
    expect(warnings).toEqual(['the sheet "Лист1" stopped receiving results: the sheet is gone']);
  });

  it("with no sinks the run need not keep rows, and accepting costs no promise", () => {
    const out = fanOut([]);
    expect(out.active).toBe(false);
    expect(out.accept(row(0))).toBeUndefined();
  });
});
