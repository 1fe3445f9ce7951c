// The campaigns folder (issue 11 "Performance"). `ctdial watch` as a user runs it, against a sandbox in
// a process of its own, on a fresh folder under bench/out/:
//   latency   time from a file's last byte to its first request reaching the sandbox (goal < 3 s; the
//             quiet period alone is 2.5 s), median of 3 small files dropped one after another
//   fairness  with a 5,000-row file running, a 20-row file dropped in finishes (is in done/) within 20 s
//   rate      two more files joined the 5,000-row one: the accepted rate while all three run, >= 0.97
//             of 5 rps, and zero 429 over the whole bench
//   files     --files small files (default 500, one row each) through one watcher: its RSS and open
//             descriptors (/proc/<pid>/status, /proc/<pid>/fd, Linux) before and after
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { outPath } from "./lib/fixtures.mjs";
import { rateFidelity, startSandboxChild } from "./lib/sandbox-child.mjs";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const RATE = 5;

export async function watchBench({ watchFiles = 500 } = {}) {
  const sandbox = await startSandboxChild({ minIntervalMs: 0, phoneDailyLimit: 1_000_000 });
  const results = {};
  try {
    const main = startWatcher("main", sandbox.url);
    try {
      await main.started;
      results.latency = await latency(main, sandbox);
      Object.assign(results, await fairnessAndRate(main, sandbox));
    } finally {
      await main.stop();
    }
    const afterMain = await sandbox.report();
    results.rateLimited = afterMain.rateLimited;
    results.answers = afterMain.answers;
    const files = startWatcher("files", sandbox.url);
    try {
      await files.started;
      results.files = await manyFiles(files, sandbox, watchFiles);
    } finally {
      await files.stop();
    }
    results.rateLimitedAfterFiles = (await sandbox.report()).rateLimited;
  } finally {
    await sandbox.close();
  }
  const { latency: lat, fairness, rate, files } = results;
  return {
    results,
    table: [
      {
        bench: "watch: last byte of a file -> its first request",
        figure: `${lat.medianMs} ms (median of ${lat.samplesMs.length}: ${lat.samplesMs.join(", ")})`,
        goal: "< 3000 ms",
        pass: lat.medianMs < 3000,
      },
      {
        bench: "watch: 20-row file dropped while a 5,000-row file runs",
        figure: `done ${fairness.doneMs} ms after its last byte (its first request after ${fairness.firstRequestMs} ms)`,
        goal: "<= 20 s",
        pass: fairness.doneMs <= 20_000,
      },
      {
        bench: "watch: total rate with 3 campaigns at once",
        figure: `${rate.ratio} of 5 rps over ${rate.n} requests, ${results.rateLimited} × 429, busiest second ${rate.busiestSecond}`,
        goal: ">= 0.97, zero 429",
        pass: rate.ratio >= 0.97 && results.rateLimited === 0,
      },
      {
        bench: `watch: ${files.files} one-row files through one watcher`,
        figure: `RSS ${files.rssMB.start} -> ${files.rssMB.mid} -> ${files.rssMB.end} MB, open descriptors ${files.fds.start} -> ${files.fds.end}, ${files.seconds} s`,
        goal: "flat",
        pass: files.fds.end <= files.fds.start + 5 && files.rssMB.end <= files.rssMB.mid * 1.25 + 5,
      },
    ],
  };
}

function startWatcher(name, url) {
  const root = outPath(`watch-${name}-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  const folder = join(root, "campaigns");
  mkdirSync(folder, { recursive: true });
  const child = spawn(
    process.execPath,
    [CLI, "watch", folder, "--state-dir", join(root, "state"), "--log-level", "info"],
    {
      env: {
        ...process.env,
        CALLTOUCH_API_URL: url,
        CALLTOUCH_TOKEN: "sandbox",
        CALLTOUCH_ROUTE_KEY: "bench",
        XDG_STATE_HOME: join(root, "xdg"),
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let log = "";
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    log = (log + chunk).slice(-20_000);
  });
  const exited = new Promise((resolve) => child.on("close", resolve));
  return {
    folder,
    pid: child.pid,
    started: until(
      () => log.includes("watching"),
      15_000,
      () => `the watcher did not start: ${log}`,
    ),
    log: () => log,
    async stop() {
      child.kill("SIGTERM");
      await exited;
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A Телефон;Имя CSV of `count` distinct phones starting at 7<prefix>0000001. */
function csv(prefix, count) {
  const lines = ["Телефон;Имя"];
  for (let i = 1; i <= count; i++) lines.push(`7${prefix}${String(i).padStart(7, "0")};Клиент ${i}`);
  return `${lines.join("\r\n")}\r\n`;
}

async function latency(watcher, sandbox) {
  const samplesMs = [];
  for (const [i, prefix] of ["901", "902", "903"].entries()) {
    const before = (await sandbox.report()).arrivals.length;
    writeFileSync(join(watcher.folder, `latency-${i}.csv`), csv(prefix, 5));
    const lastByte = Date.now();
    let first;
    await until(async () => {
      const { arrivals } = await sandbox.report();
      first = arrivals[before];
      return first !== undefined;
    }, 20_000);
    samplesMs.push(first - lastByte);
    await until(() => existsSync(join(watcher.folder, "done", `latency-${i}.csv`)), 20_000);
  }
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { samplesMs, medianMs: sorted[1] };
}

async function fairnessAndRate(watcher, sandbox) {
  writeFileSync(join(watcher.folder, "big.csv"), csv("910", 5000));
  await until(async () => (await sandbox.report()).accepted.length >= 40, 30_000);
  const isUrgent = (phone) => phone.startsWith("7920");
  writeFileSync(join(watcher.folder, "urgent.csv"), csv("920", 20));
  const lastByte = Date.now();
  await until(() => existsSync(join(watcher.folder, "done", "urgent.csv")), 60_000);
  const doneMs = Date.now() - lastByte;
  const afterUrgent = await sandbox.report();
  const firstUrgent = afterUrgent.accepted.find((_, i) => isUrgent(afterUrgent.acceptedPhones[i]));

  // Two more campaigns beside the big one: the rate while all three run.
  writeFileSync(join(watcher.folder, "second.csv"), csv("915", 120));
  writeFileSync(join(watcher.folder, "third.csv"), csv("916", 120));
  await until(
    () => ["second.csv", "third.csv"].some((n) => existsSync(join(watcher.folder, "done", n))),
    120_000,
  );
  const report = await sandbox.report();
  const joined = (prefix) => report.accepted.filter((_, i) => report.acceptedPhones[i].startsWith(prefix));
  const second = joined("7915");
  const third = joined("7916");
  const from = Math.max(second[0], third[0]);
  const to = Math.min(second.at(-1), third.at(-1));
  const inWindow = report.accepted.filter((t) => t >= from && t <= to);
  const arrivals = report.arrivals.filter((t) => t >= from && t <= to);
  const { arrivalsMs, ...rate } = rateFidelity(inWindow, arrivals, RATE);
  return {
    fairness: { doneMs, firstRequestMs: firstUrgent - lastByte },
    rate: { ...rate, windowMs: to - from },
  };
}

async function manyFiles(watcher, sandbox, count) {
  const sample = () => ({
    rssMB: Math.round(
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${watcher.pid}/status`, "utf8"))?.[1]) / 1024,
    ),
    fds: readdirSync(`/proc/${watcher.pid}/fd`).length,
  });
  // One file first, so that the start figures include a run's code and buffers, not a cold process.
  writeFileSync(join(watcher.folder, "warm.csv"), csv("950", 1));
  await until(() => existsSync(join(watcher.folder, "done", "warm.csv")), 30_000);
  const start = sample();
  const started = Date.now();
  for (let i = 0; i < count; i++)
    writeFileSync(
      join(watcher.folder, `f${i}.csv`),
      csv(`96${i % 10}`, 1).replace("0000001", String(1_000_000 + i)),
    );
  let mid;
  await until(() => {
    const done = readdirSync(join(watcher.folder, "done")).filter((n) => /^f\d+\.csv$/.test(n)).length;
    if (mid === undefined && done >= count / 2) mid = sample();
    return done >= count;
  }, count * 2000);
  // Let the last file's report and moves settle.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const end = sample();
  return {
    files: count,
    seconds: Math.round((Date.now() - started) / 1000),
    rssMB: { start: start.rssMB, mid: mid.rssMB, end: end.rssMB },
    fds: { start: start.fds, mid: mid.fds, end: end.fds },
    accepted: (await sandbox.report()).accepted.length,
  };
}

async function until(check, timeoutMs, what = () => "a condition") {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
