import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { said } from "../../src/i18n/catalog.js";
import { campaignIdentity, openJournal } from "../../src/journal/index.js";
import type { RowProblem } from "../../src/mapping/types.js";
import type { RowOutcome } from "../../src/outcome.js";
import { stateDir } from "./helpers.js";

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('a "quoted" \\ message', "Слишком много заявок", "tab\there", ""),
);
const code = fc.oneof(
  fc.integer({ min: -5, max: 2 ** 53 - 1 }),
  fc.constantFrom("ECONNRESET", "HTTP 502", "0x1"),
);
const sentAt = fc.oneof(
  fc.constantFrom(
    "2026-03-02T10:15:00.000+03:00",
    "2026-03-02T07:15:00Z",
    "2024-02-29T23:59:59-12:30",
    "yesterday",
    "",
  ),
  fc
    .date({ min: new Date(Date.UTC(1971, 0, 1)), max: new Date(Date.UTC(9000, 0, 1)), noInvalidDate: true })
    .map((d) => d.toISOString()),
);
/** A problem as an old journal's English is read back: shown as it is. */
const verbatim = (t: string): RowProblem => ({ problem: said("rowsVerbatim", { text: t }) });
const outcome: fc.Arbitrary<RowOutcome> = fc.oneof(
  fc.record({
    status: fc.constant("sent" as const),
    requestId: fc.oneof(fc.nat(), fc.string(), fc.constant(2 ** 52 + 1)),
    sentAt,
    attempts: fc.nat({ max: 70_000 }),
  }),
  fc.record({ status: fc.constant("failed" as const), code, message: text, attempts: fc.nat({ max: 10 }) }),
  fc.record({ status: fc.constant("unknown" as const), message: text, attempts: fc.nat({ max: 10 }) }),
  fc.record({
    status: fc.constant("invalid" as const),
    problems: fc.array(text.map(verbatim), { maxLength: 2 }),
  }),
  fc.record({ status: fc.constant("pending" as const), attempts: fc.nat({ max: 10 }) }),
);
const step = fc.record({
  phone: fc.integer({ min: 1, max: 6 }),
  content: fc.constantFrom("v1", "v2", 'odd "hash"'), // used as the row hash: any string a caller passes
  rowNumber: fc.nat({ max: 2 ** 32 - 1 }),
  attempt: fc.nat({ max: 9 }),
  outcome: fc.option(outcome, { nil: undefined }),
});

describe("journal replay fast path", () => {
  it("replays any sequence of records to exactly the state the writing process had", async () => {
    const dir = await stateDir();
    let campaign = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        const identity = campaignIdentity({ source: `file:/p/${campaign++}.csv`, routeKey: "k" });
        const journal = await openJournal({ stateDir: dir, identity });
        for (const s of steps) {
          const row = {
            rowNumber: s.rowNumber,
            phoneKey: 79_000_000_000 + s.phone,
            rowHash: s.content,
          };
          await journal.recordIntent(row, s.attempt);
          if (s.outcome !== undefined) await journal.recordOutcome(row, s.outcome);
        }
        const probe = (j: typeof journal) =>
          [1, 2, 3, 4, 5, 6, 7].flatMap((p) =>
            ["v1", "v2", 'odd "hash"'].map((c) => j.priorOf(79_000_000_000 + p, c)),
          );
        const live = probe(journal);
        const liveStats = journal.stats().counts;
        await journal.close();
        const replayed = await openJournal({ stateDir: dir, identity });
        expect(probe(replayed)).toEqual(live);
        expect(replayed.stats().counts).toEqual(liveStats);
        await replayed.close();
      }),
      { numRuns: 60 },
    );
  });
});
