import { describe, expect, it, vi } from "vitest";
import { campaignSchema } from "../../src/campaign/schema.js";
import { plannedRows } from "../../src/engine/plan.js";
import { say } from "../../src/i18n/catalog.js";
import { resolveColumns } from "../../src/mapping/columns.js";
import type { Source, SourceRow } from "../../src/sources/types.js";
import { english } from "../english.js";

// Records the size every duplicate index is made for, keeping the real index's behaviour.
const made = vi.hoisted(() => [] as (number | undefined)[]);
vi.mock("../../src/mapping/duplicate-index.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/mapping/duplicate-index.js")>();
  class RecordedIndex extends real.PhoneIndex {
    constructor(expected?: number) {
      super(expected);
      made.push(expected);
    }
  }
  return { ...real, PhoneIndex: RecordedIndex };
});

const campaign = campaignSchema.parse({ routeKey: "callback", mapping: { phone: "Телефон" } });
const columns = resolveColumns(["Телефон"], campaign.mapping ?? { phone: "Телефон" }, campaign.defaults);

function source(phones: string[], estimatedRows?: number): Source {
  return {
    kind: "csv",
    headers: ["Телефон"],
    headerRowNumber: 1,
    estimatedRows,
    close: async () => {},
    async *rows(): AsyncGenerator<SourceRow> {
      for (const [i, phone] of phones.entries()) yield { rowNumber: i + 2, cells: [phone] };
    },
  };
}

async function plan(phones: string[], estimatedRows?: number) {
  const rows = plannedRows(source(phones, estimatedRows), columns, campaign);
  const out = [];
  for (let next = await rows.next(); next !== undefined; next = await rows.next()) {
    expect(next.index).toBe(out.length);
    out.push(next.planned);
  }
  expect(rows.exhausted).toBe(true);
  return out;
}

describe("plannedRows", () => {
  it("sizes the duplicate index from the source's row estimate, so a big file never rehashes", async () => {
    made.length = 0;
    await plan(["+79991234501"], 1_000_000);
    expect(made).toEqual([1_000_000]);
    await plan(["+79991234501"]);
    expect(made).toEqual([1_000_000, undefined]);
  });

  it("marks a later row with a phone already seen as a duplicate of the first row, whatever the estimate", async () => {
    const rows = await plan(["+7 999 123-45-01", "89991234501", "+79991234502"], 1);
    expect(english(rows.map((row) => row.outcome ?? "send"))).toEqual([
      "send",
      { status: "skipped", reason: "duplicate of row 2", because: "duplicate" },
      "send",
    ]);
  });

  it("skips a row whose schedule time had passed at the run's start, before it can make a later row a duplicate", async () => {
    const timed = campaignSchema.parse({
      routeKey: "callback",
      mapping: { phone: "Телефон", scheduleTime: "Время" },
    });
    const timedColumns = resolveColumns(["Телефон", "Время"], timed.mapping ?? { phone: "Телефон" });
    const rows: SourceRow[] = [
      { rowNumber: 2, cells: ["+79991234501", "01.02.2026 10:00"] },
      { rowNumber: 3, cells: ["+79991234501", "01.03.2026 10:00"] },
    ];
    const input: Source = {
      kind: "csv",
      headers: ["Телефон", "Время"],
      headerRowNumber: 1,
      close: async () => {},
      async *rows(): AsyncGenerator<SourceRow> {
        yield* rows;
      },
    };
    const planned = plannedRows(input, timedColumns, timed, Date.parse("2026-02-15T00:00:00Z"));
    const out = [];
    for (let next = await planned.next(); next !== undefined; next = await planned.next())
      out.push(next.planned);
    expect(out[0]?.outcome).toMatchObject({ status: "skipped", because: "past-schedule" });
    expect(out[0]?.historyFirst).toBe(true);
    expect(out[0]?.outcome?.status === "skipped" && say("en", out[0].outcome.reason)).toMatch(
      /^the schedule time "01.02.2026 10:00" in column Время had passed when the run started/,
    );
    expect(out[1]?.outcome).toBeUndefined();
    expect(out[1]?.request?.scheduleTime).toBe("2026-03-01 10:00:00");
  });
});
