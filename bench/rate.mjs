// Rate fidelity and CPU per sent row (issue 3 "Performance"). Two runs of `rows` rows, each against a
// sandbox in a process of its own (its CPU never delays the sender):
//   library  ctdial's client + limiter + dispatcher in a child process, sandbox answering at once;
//            CPU per row is the CPU that process spent while sending, divided by the rows
//   cli      `ctdial run file.csv --yes --json` as a user runs it, sandbox answering after 100..300 ms
//            (the real API's latency); CPU per row is the whole process's CPU (start-up, reading,
//            mapping, report) divided by the rows, and, net of what `ctdial validate` of the same file
//            costs, what sending alone adds per row
// Achieved rate = (n - 1) / (last arrival - first arrival) at the sandbox, by its own clock, / 5.
import { fileURLToPath } from "node:url";
import { runTask } from "./lib/child.mjs";
import { jsonSummary, spawnCli } from "./lib/cli-child.mjs";
import { ensureSendableCsv, outPath } from "./lib/fixtures.mjs";
import { pathDelay, rateFidelity, startSandboxChild } from "./lib/sandbox-child.mjs";

const RATE = 5;
const SEND_ROWS = fileURLToPath(new URL("./tasks/send-rows.mjs", import.meta.url));

export async function rateBench({ rateRows }) {
  const library = await libraryRun(rateRows);
  const journaled = await libraryRun(rateRows, true);
  const cli = await cliRun(rateRows);
  const journalRatio = Math.round((journaled.fidelity.ratio / library.fidelity.ratio) * 1000) / 1000;
  const check = (run) => run.fidelity.ratio >= 0.97 && run.rateLimited === 0;
  return {
    results: { library, journaled, journalRatio, cli },
    table: [
      {
        bench: `rate, ${rateRows} rows, library, no latency`,
        figure: `${library.fidelity.ratio} of 5 rps, ${library.rateLimited} × 429, busiest second ${library.fidelity.busiestSecond}`,
        goal: ">= 0.97, zero 429",
        pass: check(library),
      },
      {
        bench: `rate, ${rateRows} rows, CLI, latency 100..300 ms`,
        figure: `${cli.fidelity.ratio} of 5 rps, ${cli.rateLimited} × 429, busiest second ${cli.fidelity.busiestSecond}`,
        goal: ">= 0.97, zero 429",
        pass: check(cli),
      },
      {
        bench: `journal cost: rate with a durable journal / without, ${rateRows} rows`,
        figure: `${journalRatio} (${journaled.fidelity.ratio} vs ${library.fidelity.ratio} of 5 rps, ${journaled.rateLimited} × 429)`,
        goal: ">= 0.98",
        pass: journalRatio >= 0.98 && journaled.rateLimited === 0,
      },
      {
        bench: "CPU per sent row, sending path",
        figure: `${library.sender.cpuMsPerRow} ms`,
        goal: "(reported)",
      },
      {
        bench: "CPU per sent row, whole CLI run",
        figure: `${cli.cpuMsPerRow} ms; net of validate ${cli.sendingCpuMsPerRow} ms (peak RSS ${cli.maxRssMB} MB)`,
        goal: "(reported)",
      },
    ],
  };
}

async function libraryRun(rows, journal = false) {
  const sandbox = await startSandboxChild({});
  try {
    const args = [sandbox.url, String(rows), ...(journal ? ["journal"] : [])];
    const sender = await runTask(SEND_ROWS, args, { timeoutMs: rows * 1000 + 60_000 });
    const report = await sandbox.report();
    const { leftAt, ...senderFigures } = sender;
    return {
      sandboxInOwnProcess: true,
      sender: senderFigures,
      // Jitter between a request leaving its limiter slot and reaching the server eats the limiter's
      // 20 ms margin: above it, six arrivals can fall into one second.
      leaveToArrivalMs: pathDelay(report, leftAt),
      answers: report.answers,
      rateLimited: report.rateLimited,
      fidelity: rateFidelity(report.accepted, report.arrivals, RATE),
    };
  } finally {
    await sandbox.close();
  }
}

async function cliRun(rows) {
  const { path } = await ensureSendableCsv(rows);
  const sandbox = await startSandboxChild({ latencyMs: 100, latencyMaxMs: 300 });
  try {
    const { finished } = spawnCli(
      [
        "run",
        path,
        "--yes",
        "--json",
        "--route-key",
        "bench",
        "--log-level",
        "silent",
        "--report",
        outPath("rate.report.csv"),
      ],
      { env: { CALLTOUCH_API_URL: sandbox.url }, name: "rate" },
    );
    const exit = await finished;
    const summary = jsonSummary(exit.stdout);
    if (exit.code !== 0 || summary === undefined) {
      throw new Error(`ctdial run exited ${exit.code ?? exit.signal}: ${exit.stderr.trim()}`);
    }
    const report = await sandbox.report();
    const validateCpuMs = await validateCpu(path);
    const cpuMs = exit.usage?.cpuMs ?? Number.NaN;
    return {
      sandboxInOwnProcess: true,
      latencyMs: "100..300",
      summary: { total: summary.total, sent: summary.sent, failed: summary.failed, unknown: summary.unknown },
      answers: report.answers,
      rateLimited: report.rateLimited,
      fidelity: rateFidelity(report.accepted, report.arrivals, RATE),
      cpuMs: Math.round(cpuMs),
      cpuMsPerRow: perRow(cpuMs, summary.sent),
      validateCpuMs: Math.round(validateCpuMs),
      sendingCpuMsPerRow: perRow(cpuMs - validateCpuMs, summary.sent),
      maxRssMB: Math.round(exit.usage?.maxRssMB ?? Number.NaN),
      wallMs: Math.round(exit.usage?.uptimeMs ?? Number.NaN),
    };
  } finally {
    await sandbox.close();
  }
}

/** CPU of `ctdial validate` on the same file: start-up, reading, mapping and report without sending. */
async function validateCpu(path) {
  const { finished } = spawnCli(
    ["validate", path, "--json", "--route-key", "bench", "--report", outPath("rate-validate.report.csv")],
    {
      name: "rate-validate",
    },
  );
  const exit = await finished;
  if (exit.code !== 0)
    throw new Error(`ctdial validate exited ${exit.code ?? exit.signal}: ${exit.stderr.trim()}`);
  return exit.usage?.cpuMs ?? Number.NaN;
}

function perRow(ms, rows) {
  return Math.round((ms / rows) * 1000) / 1000;
}
