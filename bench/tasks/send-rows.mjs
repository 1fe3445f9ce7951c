// Sends N rows through ctdial's own sending path (the Calltouch client, the process-wide rate limiter
// and the dispatcher) to a sandbox in ANOTHER process, and reports the CPU this process spent per row
// while sending: the cost of the sending path alone, without reading or reporting a file.
// With "journal", every intent and outcome is recorded in a durable journal as `ctdial run` does, so
// that the two runs compare what the journal costs the sending rate (issue 4).
// Usage: node bench/tasks/send-rows.mjs <sandbox-url> <rows> [journal]
import { cpuMsNow, emit } from "../lib/child.mjs";
import { nationalNumber } from "../lib/russian-data.mjs";

const dist = (path) => import(new URL(`../../dist/${path}`, import.meta.url).href);
const { createCalltouchClient } = await dist("calltouch/client.js");
const { createRateLimiter } = await dist("dispatch/rate-limiter.js");
const { dispatch } = await dist("dispatch/dispatch.js");

const [url, rowsArg, journalArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const journal = journalArg === "journal" ? await openBenchJournal() : undefined;

async function openBenchJournal() {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { campaignIdentity, openJournal } = await dist("journal/index.js");
  const stateDir = mkdtempSync(join(tmpdir(), "ctdial-bench-journal-"));
  // Removed however this process ends (the bench may stop it early).
  process.once("exit", () => rmSync(stateDir, { recursive: true, force: true }));
  return openJournal({
    stateDir,
    identity: campaignIdentity({ source: "file:/bench.csv", routeKey: "bench" }),
  });
}

/** The journal's keys for a row, as the engine gives them (the hash is the request's, 16 chars). */
const journalRow = (item) => ({
  rowNumber: item.rowNumber,
  phoneKey: Number(item.request.phone),
  rowHash: "benchbenchbench1",
});

async function* items() {
  for (let i = 0; i < rows; i++) {
    yield {
      rowNumber: i + 2,
      request: {
        routeKey: "bench",
        phone: `7${nationalNumber(i)}`,
        fields: [
          { name: "ФИО", value: "Иванова Анна Сергеевна" },
          { name: "Город", value: "Казань" },
        ],
        tags: ["холодная база", "bench"],
        utmSource: "base-2026",
      },
    };
  }
}

const client = createCalltouchClient({ baseUrl: url, token: "sandbox" });
const limiter = createRateLimiter({ rate: 5 });
const counts = {};
/** When each row's request left (after its limiter slot): compared with its arrival at the sandbox. */
const leftAt = {};
const cpuBefore = cpuMsNow();
const started = performance.now();
const result = await dispatch(items(), {
  client,
  limiter,
  campaignRouteKey: "bench",
  hooks: {
    beforeSend: async (item, attempt) => {
      if (journal !== undefined) await journal.recordIntent(journalRow(item), attempt);
      leftAt[item.request.phone] = Date.now();
    },
    onOutcome: async (item, outcome) => {
      if (journal !== undefined) await journal.recordOutcome(journalRow(item), outcome);
      counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
    },
  },
});
const ms = performance.now() - started;
const cpuMs = cpuMsNow() - cpuBefore;
await client.close();
await journal?.close();
emit({
  rows,
  ms: Math.round(ms),
  counts,
  attempts: result.attempts,
  stopped: result.stopped?.code,
  sendCpuMs: Math.round(cpuMs),
  cpuMsPerRow: Math.round((cpuMs / rows) * 1000) / 1000,
  leftAt,
});
