// Journal benchmark (issue 4 "Performance"): opening and replaying a 1,000,000-row journal must take
// < 3 s and < 300 MB; and what durability costs per intent, with and without group commit.
// Run after `npm run build`: `node bench/journal-bench.mjs [rows]`. Prints one JSON object.
// The replay is measured in a fresh child process so that generating the file does not count
// towards its peak RSS.
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = new URL("../dist/journal/index.js", import.meta.url);
const { campaignIdentity, journalPath, openJournal, rowHash } = await import(dist.href);
const { replayJournal } = await import(new URL("../dist/journal/replay.js", import.meta.url).href);
const { RowTable } = await import(new URL("../dist/journal/row-table.js", import.meta.url).href);
const identity = campaignIdentity({ source: "file:/bench/clients.csv", routeKey: "bench" });

if (process.argv[2] === "--replay") {
  const started = performance.now();
  // As `run` opens it: lock, replay, ready to append.
  const journal = await openJournal({ stateDir: process.argv[3], identity });
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
  const { slowLines } = await replayJournal(path, new RowTable());
  const durability = await measureDurability(dir);
  console.log(
    JSON.stringify(
      {
        bench: "journal",
        rows,
        lines: rows + Math.ceil(rows * 0.98) + 2,
        fileMB: round(statSync(path).size / 1e6),
        generateMs: Math.round(generateMs),
        replayMs: Math.round(replay.ms),
        replayMaxRssMB: Math.round(replay.maxRssMB),
        replayCounts: replay.counts,
        slowLines,
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

/**
 * One intent and one outcome per row, written straight to the file in the journal's own line format
 * (format.ts; key order as journal.ts writes it): going through recordIntent two million times would
 * make the setup, not the replay, the slow part. `slowLines` in the output proves the format matched:
 * replay reads every record line through its fast path, and only the run marker the slow way.
 */
async function generate(stateDir, count) {
  const started = performance.now();
  const journal = await openJournal({ stateDir, identity, durable: false });
  await journal.recordRun("run");
  await journal.close();
  const file = openSync(journalPath(stateDir, identity), "a");
  const sentAt = new Date().toISOString().replace("Z", "+00:00");
  let lines = [];
  for (let i = 0; i < count; i++) {
    const base = { r: i + 2, p: 79_000_000_000 + i * 997, h: rowHash(`row ${i}`) };
    lines.push(JSON.stringify({ t: "i", ...base, a: 1, ts: Date.now() }));
    const kind = i % 100;
    const outcome =
      kind < 90
        ? { s: "sent", a: 1, id: 240_000_000 + i, at: sentAt }
        : kind < 95
          ? { s: "failed", a: 1, c: 10006, m: "Слишком много заявок на этот номер" }
          : kind < 98
            ? { s: "unknown", a: 1, m: "the answer was lost (ECONNRESET)" }
            : undefined; // intent without outcome: replays as unknown
    if (outcome !== undefined) lines.push(JSON.stringify({ t: "o", ...base, ...outcome }));
    if (lines.length >= 20_000) {
      writeSync(file, `${lines.join("\n")}\n`);
      lines = [];
    }
  }
  writeSync(file, `${lines.join("\n")}\n`);
  closeSync(file);
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
  // At 5 requests/s a request starts every 200 ms and must wait for its intent: the p99 latency of a
  // durable intent as a share of that slot is what durability can cost a dispatcher that waits for
  // the intent inside the slot (one that waits before taking the next slot loses nothing at all).
  result.p99ShareOf200msSlot = round(result.fsync.intentP99Ms / 200);
  return result;
}

function round(x) {
  return Math.round(x * 100) / 100;
}
