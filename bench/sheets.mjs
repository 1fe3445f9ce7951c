// Google Sheets (issue 10 "Performance"), against the loopback Sheets fake and the sandbox, each in a
// process of its own, with the built CLI:
//  - time to the first Calltouch request of `ctdial run <sheet>` on a 50,000-row tab (goal < 3 s);
//  - read requests per 10,000 rows read (`validate --report`, the sheet read once);
//  - peak RSS of `validate --report` on a 200,000-row tab;
//  - write requests for a 1,000-row run at 5 a second, and the most in any minute (goals <= 15 and
//    <= 30). This one takes the run's real time (about 200 s): `--sheets-rows` scales it.
import { setTimeout as sleep } from "node:timers/promises";
import { jsonSummary, spawnCli } from "./lib/cli-child.mjs";
import { outPath } from "./lib/fixtures.mjs";
import { startSandboxChild } from "./lib/sandbox-child.mjs";
import { clientSheet, startSheetsFakeChild } from "./lib/sheets-fake-child.mjs";

const link = (id) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;

export async function sheetsBench({ sheetsRows = 1000 } = {}) {
  const fake = await startSheetsFakeChild();
  const sandbox = await startSandboxChild({});
  const env = {
    GOOGLE_SHEETS_API_URL: fake.url,
    GOOGLE_SHEETS_ACCESS_TOKEN: "bench",
    CALLTOUCH_API_URL: sandbox.url,
  };
  const since = async (id) => (await fake.requests()).filter((r) => r.path.includes(`/${id}`));
  try {
    // 1. Time to first request on 50,000 rows.
    await fake.add(clientSheet("first50k", 50_000));
    const first = spawnCli(
      ["run", link("first50k"), "--yes", "--route-key", "bench", "--log-level", "silent"],
      {
        env,
        name: "sheets-first",
      },
    );
    const arrived = await Promise.race([sandbox.firstArrival, sleep(30_000).then(() => undefined)]);
    first.child.kill("SIGINT");
    await first.finished;
    const firstMs = arrived === undefined ? undefined : arrived - first.spawnedAt;

    // 2. Reads per 10,000 rows, and 3. peak RSS at 200,000 rows.
    await fake.add(clientSheet("read10k", 10_000));
    const read = await spawnCli(
      ["validate", link("read10k"), "--route-key", "bench", "--report", outPath("s10k.csv")],
      {
        env,
        name: "sheets-read",
      },
    ).finished;
    const reads10k = (await since("read10k")).filter((r) => r.kind === "read").length;
    await fake.add(clientSheet("rss200k", 200_000));
    const big = await spawnCli(
      ["validate", link("rss200k"), "--route-key", "bench", "--json", "--report", outPath("s200k.csv")],
      { env, name: "sheets-rss" },
    ).finished;
    const bigSummary = jsonSummary(big.stdout);

    // 4. Writes for a run of `sheetsRows` rows at 5 a second.
    await fake.add(clientSheet("write", sheetsRows));
    const run = await spawnCli(
      ["run", link("write"), "--yes", "--json", "--route-key", "bench", "--log-level", "silent"],
      {
        env,
        name: "sheets-write",
      },
    ).finished;
    const writes = (await since("write")).filter((r) => r.kind === "write").map((r) => r.at);
    let mostPerMinute = 0;
    for (let i = 0; i < writes.length; i++) {
      mostPerMinute = Math.max(
        mostPerMinute,
        writes.filter((t) => t >= writes[i] && t < writes[i] + 60_000).length,
      );
    }
    const per1000 = (writes.length * 1000) / sheetsRows;
    return {
      results: {
        firstRequestMs: firstMs,
        reads10k,
        readExit: read.code,
        rss200kMB: big.usage?.maxRssMB,
        rss200kRows: bigSummary?.total,
        writes: writes.length,
        writesPer1000: per1000,
        mostWritesPerMinute: mostPerMinute,
        runSummary: jsonSummary(run.stdout),
      },
      table: [
        {
          bench: "sheets first request (50,000 rows)",
          figure: `${firstMs ?? "none"} ms`,
          goal: "< 3000 ms",
          pass: firstMs !== undefined && firstMs < 3000,
        },
        { bench: "sheets reads per 10,000 rows", figure: String(reads10k), goal: "", pass: undefined },
        {
          bench: "sheets peak RSS (200,000 rows)",
          figure: `${Math.round(big.usage?.maxRssMB ?? 0)} MB`,
          goal: "",
          pass: undefined,
        },
        {
          bench: `sheets writes per 1,000 rows (${sheetsRows} run)`,
          figure: per1000.toFixed(1),
          goal: "<= 15",
          pass: per1000 <= 15,
        },
        {
          bench: "sheets writes in any minute",
          figure: String(mostPerMinute),
          goal: "<= 30",
          pass: mostPerMinute <= 30,
        },
      ],
    };
  } finally {
    await sandbox.close();
    await fake.close();
  }
}
