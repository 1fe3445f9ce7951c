// Time to first request (issue 3 "Performance"): `ctdial run` on the N-row CSV (default 1,000,000)
// against a sandbox in another process, from spawning the CLI to the first request arriving at the
// sandbox (goal < 1 s): sending must start before the file is read to the end. One second later the
// run gets SIGINT, and SIGKILL if it has not exited 5 s after that: it must not dial the whole file.
// Reported too: how many requests arrived in all, and how many after the SIGINT (a stop should cost
// at most the requests already in flight), and what `ctdial --version` takes: the part of the time
// to first request that is Node loading the CLI's modules.
import { spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { jsonSummary, spawnCli } from "./lib/cli-child.mjs";
import { ensureCsv, outPath } from "./lib/fixtures.mjs";
import { startSandboxChild } from "./lib/sandbox-child.mjs";

const FIRST_TIMEOUT_MS = 30_000;
const RUN_BEFORE_SIGINT_MS = 1000;
const GRACE_MS = 5000;
/** Timers that lose their race must not keep the process alive. */
const UNREF = { ref: false };

export async function firstRequestBench({ rows }) {
  const file = await ensureCsv(rows);
  const sandbox = await startSandboxChild({});
  try {
    const { child, spawnedAt, finished } = spawnCli(
      [
        "run",
        file.path,
        "--yes",
        "--json",
        "--route-key",
        "bench",
        "--log-level",
        "silent",
        "--report",
        outPath("first.report.csv"),
      ],
      { env: { CALLTOUCH_API_URL: sandbox.url }, name: "first" },
    );
    const exited = finished.then((exit) => ({ exit }));
    const first = await Promise.race([
      sandbox.firstArrival.then((at) => ({ at })),
      exited,
      sleep(FIRST_TIMEOUT_MS, undefined, UNREF).then(() => ({ timeout: true })),
    ]);
    if (first.at === undefined) {
      child.kill("SIGKILL");
      const exit = first.exit ?? (await finished);
      throw new Error(
        `no request reached the sandbox (exit ${exit.code ?? exit.signal}): ${exit.stderr.trim()}`,
      );
    }
    await sleep(RUN_BEFORE_SIGINT_MS);
    const sigintAt = Date.now();
    child.kill("SIGINT");
    const afterSigint = await Promise.race([exited, sleep(GRACE_MS, undefined, UNREF).then(() => undefined)]);
    if (afterSigint === undefined) child.kill("SIGKILL");
    const exit = afterSigint?.exit ?? (await finished);
    const report = await sandbox.report();
    const ms = first.at - spawnedAt;
    const startupMs = versionMs();
    const results = {
      rows,
      firstRequestMs: ms,
      cliStartupMs: startupMs,
      requests: report.requests,
      requestsAfterSigint: report.arrivals.filter((t) => t > sigintAt).length,
      exitedWithinGrace: afterSigint !== undefined,
      exit: exit.signal ?? exit.code,
      exitMsAfterSigint:
        afterSigint === undefined ? undefined : Math.round(exit.usage?.uptimeMs - (sigintAt - spawnedAt)),
      summary: jsonSummary(exit.stdout),
    };
    const k = `${Math.round(rows / 1000)}k`;
    return {
      results,
      table: [
        {
          bench: `time to first request, ${k}-row CSV`,
          figure: `${ms} ms (of which \`ctdial --version\` start-up ${startupMs} ms)`,
          goal: "< 1000 ms",
          pass: ms < 1000,
        },
        {
          bench: "SIGINT 1 s after the first request",
          figure: `${report.requests} requests in all, ${results.requestsAfterSigint} after SIGINT; ${results.exitedWithinGrace ? `exited ${results.exit}` : `SIGKILL after ${GRACE_MS / 1000} s`}`,
          goal: "stops, not the whole file",
          pass: report.requests < 50,
        },
      ],
    };
  } finally {
    await sandbox.close();
  }
}

/** Wall time of `node dist/cli.js --version`: loading the CLI's modules and nothing else (best of 3). */
function versionMs() {
  const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    spawnSync(process.execPath, [cli, "--version"], { stdio: "ignore" });
    best = Math.min(best, performance.now() - started);
  }
  return Math.round(best);
}
