// Journal benchmark (issue 4 "Performance"): opening and replaying a 1,000,000-row journal must take
// < 3 s and < 300 MB; and what durability costs per intent, with and without group commit.
// Run after `npm run build`: `node bench/journal-bench.mjs [rows]`. Prints one JSON object.
// The replay is measured in a fresh child process so that generating the file does not count
// towards its peak RSS.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = new URL("../dist/journal/index.js", import.meta.url);
const { campaignIdentity, openJournal, rowHash } = await import(dist.href);
const identity = campaignIdentity({ source: "file:/bench/clients.csv", routeKey: "bench" });

if (process.argv[2] === "--replay") {
  const started = performance.now();
  const journal = await openJournal({ stateDir: process.argv[3], identity, readOnly: true });
  const ms = performance.now() - started;
  const stats = journal.stats();
  // Touch the table the way `run` does, so that lazily built structures count too.
  let found = 0;
  for (let i = 0; i < 1000; i++) if (journal.priorOf(79_000_000_000 + i * 997, "x") !== undefined) found++;
  await journal.close();
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, maxRssMB, counts: stats.counts, rowsKnown: stats.rowsKnown, found }));
  process.exit(0);
}

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), "ctdial-journal-bench-"));
try {
  const generateMs = await generate(dir, rows);
  const path = join(dir, "journals", `${identity.id}.jsonl`);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--replay", dir], {
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(child.stderr);
  const replay = JSON.parse(child.stdout);
  const durability = await measureDurability(dir);
  console.log(
    JSON.stringify(
      {
        bench: "journal",
        rows,
        lines: rows * 2 + 2,
        fileMB: round(statSync(path).size / 1e6),
        generateMs: Math.round(generateMs),
        replayMs: Math.round(replay.ms),
        replayMaxRssMB: Math.round(replay.maxRssMB),
        replayCounts: replay.counts,
        goals: { replayUnder3s: replay.ms < 3000, rssUnder300MB: replay.maxRssMB < 300 },
        durability,
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** One intent and one outcome per row through the module itself (not durable: this is just setup). */
async function generate(stateDir, count) {
  const started = performance.now();
  const journal = await openJournal({ stateDir, identity, durable: false });
  await journal.recordRun("run");
  const sentAt = new Date().toISOString().replace("Z", "+00:00");
  let pending = [];
  for (let i = 0; i < count; i++) {
    const row = { rowNumber: i + 2, phoneKey: 79_000_000_000 + i * 997, rowHash: rowHash(`row ${i}`) };
    pending.push(journal.recordIntent(row, 1));
    const kind = i % 100;
    const outcome =
      kind < 90
        ? { status: "sent", requestId: 240_000_000 + i, sentAt, attempts: 1 }
        : kind < 95
          ? { status: "failed", code: 10006, message: "Слишком много заявок на этот номер", attempts: 1 }
          : kind < 98
            ? { status: "unknown", message: "the answer was lost (ECONNRESET)", attempts: 1 }
            : undefined; // intent without outcome: replays as unknown
    if (outcome !== undefined) pending.push(journal.recordOutcome(row, outcome));
    if (pending.length >= 20_000) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  await journal.close();
  return performance.now() - started;
}

/**
 * What an fsync'ed intent costs: latency of one intent at a time (how `run` at 5 requests/s uses it)
 * and intents per fsync with 5 in flight (group commit), against the same appends without fsync.
 */
async function measureDurability(stateDir) {
  const result = {};
  for (const durable of [true, false]) {
    const id = campaignIdentity({ source: `file:/bench/durability-${durable}.csv`, routeKey: "bench" });
    const journal = await openJournal({ stateDir, identity: id, durable });
    const latencies = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await journal.recordIntent({ rowNumber: i, phoneKey: 79_100_000_000 + i, rowHash: "h" }, 1);
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    const started = performance.now();
    for (let i = 0; i < 200; i++) {
      await Promise.all(
        Array.from({ length: 5 }, (_, k) =>
          journal.recordIntent({ rowNumber: i, phoneKey: 79_200_000_000 + i * 5 + k, rowHash: "h" }, 1),
        ),
      );
    }
    const groupMs = performance.now() - started;
    await journal.close();
    result[durable ? "fsync" : "noFsync"] = {
      intentP50Ms: round(latencies[100]),
      intentP99Ms: round(latencies[198]),
      groupOf5Ms: round(groupMs / 200),
    };
  }
  // At 5 requests/s a request starts every 200 ms; the intent's latency delays each start by the same
  // amount, so the share of a 200 ms slot it takes bounds what durability can cost the sending rate.
  result.rateRatioBound = round(
    Math.max(0, 1 - (result.fsync.intentP99Ms - result.noFsync.intentP99Ms) / 200),
  );
  return result;
}

function round(x) {
  return Math.round(x * 100) / 100;
}
