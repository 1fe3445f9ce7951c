import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createCalltouchClient,
  createRateLimiter,
  type RowOutcome,
  resolveCampaign,
  runCampaign,
  startSandbox,
} from "../../src/index.js";
import type { OutcomeSink, SettledRow } from "../../src/sinks/outcome-sink.js";
import { english } from "../english.js";
import { tempDir, whenDone } from "../tidy.js";

/** A sink that keeps every settled row, by phone. */
function collect(): { sink: OutcomeSink; rows: Map<string, RowOutcome> } {
  const rows = new Map<string, RowOutcome>();
  return {
    rows,
    sink: {
      name: "test",
      accept: (settled: SettledRow) => {
        rows.set(settled.phone ?? `row ${settled.row.rowNumber}`, settled.outcome);
        return undefined;
      },
      close: async () => {},
    },
  };
}

const PHONES = Array.from({ length: 8 }, (_, i) => `+7 916 100-00-${String(10 + i)}`);
const csv = (phones: readonly string[]) => `Телефон\n${phones.join("\n")}\n`;

/** The folder service's situation: one process, one limiter, two campaigns started together. */
async function runBoth(options: { latencyMs: number; files: Record<string, string> }) {
  const dir = tempDir("ctdial-dedupe-");
  const sandbox = await startSandbox({ latencyMs: options.latencyMs });
  whenDone(() => sandbox.close());
  const client = createCalltouchClient({ baseUrl: sandbox.url, token: "sandbox" });
  whenDone(() => client.close());
  const limiter = createRateLimiter({ rate: 5 });
  const stateDir = join(dir, "state");
  const runs = Object.entries(options.files).map(async ([name, text]) => {
    writeFileSync(join(dir, name), text);
    const resolved = await resolveCampaign(join(dir, name), { routeKey: "rk_copy" }, {});
    const { sink, rows } = collect();
    const summary = await runCampaign(resolved, { client, limiter, stateDir, sinks: [sink] });
    return { name, summary, rows };
  });
  const results = await Promise.all(runs);
  return { results, sandbox };
}

describe("never twice across campaigns run at once in one process", () => {
  for (const latencyMs of [0, 1500]) {
    it(`accepts each phone once when a file and its copy run together (answers after ${latencyMs} ms)`, async () => {
      const files = { "клиенты.csv": csv(PHONES), "клиенты (2).csv": csv(PHONES) };
      const { results, sandbox } = await runBoth({ latencyMs, files });
      // What reached Calltouch: one request per phone, all accepted.
      const accepted = sandbox.accepted.map((a) => a.body.phone);
      expect(accepted.sort()).toEqual(PHONES.map((p) => `7${p.replace(/\D/g, "").slice(1)}`).sort());
      expect(sandbox.requestCount).toBe(PHONES.length);
      const [a, b] = results as [(typeof results)[0], (typeof results)[0]];
      expect(a.summary.sent + b.summary.sent).toBe(PHONES.length);
      expect(a.summary.skipped + b.summary.skipped).toBe(PHONES.length);
      for (const phone of a.rows.keys()) {
        const mine = a.rows.get(phone)!;
        const theirs = b.rows.get(phone)!;
        const [sent, skipped, other] =
          mine.status === "sent" ? [mine, theirs, a.name] : [theirs, mine, b.name];
        expect(sent.status).toBe("sent");
        expect(english(skipped)).toMatchObject({
          status: "skipped",
          because: "dialed-recently",
          reason: expect.stringMatching(
            new RegExp(`^dialed by campaign ${literal(other)} at .* \\(within dedupeWindow 24h\\)$`),
          ),
        });
      }
    }, 60_000);
  }

  it("holds back a phone whose request is in flight in the other campaign, whatever its position", async () => {
    // The copy lists the phones in reverse: each campaign reaches some phone while the other's
    // request for it waits for its (slow) answer.
    const files = { "a.csv": csv(PHONES), "b.csv": csv([...PHONES].reverse()) };
    const { sandbox, results } = await runBoth({ latencyMs: 1200, files });
    expect(sandbox.requestCount).toBe(PHONES.length);
    expect(new Set(sandbox.accepted.map((a) => a.body.phone)).size).toBe(PHONES.length);
    const sent = results.reduce((n, r) => n + r.summary.sent, 0);
    expect(sent).toBe(PHONES.length);
    for (const { rows } of results) {
      for (const outcome of rows.values()) expect(["sent", "skipped"]).toContain(outcome.status);
    }
  }, 60_000);
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
