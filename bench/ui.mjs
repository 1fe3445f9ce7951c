// The cost of `watch --ui` to the service: the same file dialed with the page off, then with the page
// on and 5 pages following its live stream; then the service idle for a while with those 5 pages open.
// Figures: the achieved rate of each run (must not move), and the service's CPU time while idle with
// the pages open (must be next to nothing). The pages are plain SSE clients (what a browser's page
// does to the service); a browser's own work is the browser's, not the service's.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { outPath } from "./lib/fixtures.mjs";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const FOLLOWERS = 5;
const TICKS = 100; // clock ticks a second (Linux's USER_HZ)

export async function uiBench({ uiRows = 200, uiIdleSeconds = 30 } = {}) {
  const off = await dial(uiRows, 0, uiIdleSeconds);
  const on = await dial(uiRows, FOLLOWERS, uiIdleSeconds);
  const results = { off, on };
  return {
    results,
    table: [
      {
        bench: `watch --ui: ${uiRows} rows with the page off / on with ${FOLLOWERS} pages following`,
        figure: `${off.rps} / ${on.rps} requests a second; ${on.events} live updates sent to each page`,
        goal: "the same rate",
        pass: on.rps >= off.rps * 0.97,
      },
      {
        bench: `watch --ui: the service idle ${uiIdleSeconds} s, without the page / with ${FOLLOWERS} pages open`,
        figure: `${off.idleCpuMs} / ${on.idleCpuMs} ms of CPU (${percent(on.idleCpuMs, uiIdleSeconds)}% of a core with the pages)`,
        goal: "< 1% of a core",
        pass: on.idleCpuMs < uiIdleSeconds * 10,
      },
    ],
  };
}

function percent(ms, seconds) {
  return ((100 * ms) / (seconds * 1000)).toFixed(2);
}

async function dial(rows, followers, idleSeconds = 0) {
  const root = outPath(`ui-${followers}-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  const folder = join(root, "campaigns");
  mkdirSync(folder, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      CLI,
      "watch",
      folder,
      "--sandbox",
      "--log-level",
      "info",
      "--settle-ms",
      "300",
      ...(followers > 0 ? ["--ui", "127.0.0.1:0"] : []),
    ],
    {
      env: { ...process.env, CTDIAL_STATE_DIR: join(root, "state"), CALLTOUCH_ROUTE_KEY: "bench" },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let log = "";
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    log = (log + chunk).slice(-50_000);
  });
  const exited = new Promise((resolve) => child.on("close", resolve));
  const pages = [];
  try {
    await until(() => log.includes("watching"), 15_000);
    if (followers > 0) {
      await until(() => /the page: (http:\/\/\S+\/)/.test(log), 15_000);
      const url = /the page: (http:\/\/\S+\/)/.exec(log)[1];
      for (let i = 0; i < followers; i++) pages.push(follow(`${url}api/events`));
    }
    const lines = ["Телефон;Имя"];
    for (let i = 1; i <= rows; i++) lines.push(`7916${String(i).padStart(7, "0")};Клиент ${i}`);
    const dropped = performance.now();
    writeFileSync(join(folder, "bench.csv"), `${lines.join("\r\n")}\r\n`);
    await until(() => /bench\.csv: \d+ rows/.test(log), 10 * 60_000);
    const seconds = (performance.now() - dropped) / 1000;
    let idleCpuMs = 0;
    if (idleSeconds > 0) {
      const before = cpuMs(child.pid);
      await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
      idleCpuMs = cpuMs(child.pid) - before;
    }
    return {
      rows,
      seconds: Number(seconds.toFixed(1)),
      // The first request waits for the quiet time (--settle-ms) and the run's start: counted in.
      rps: Number((rows / seconds).toFixed(2)),
      events: pages.length === 0 ? 0 : Math.min(...pages.map((page) => page.events)),
      idleCpuMs,
    };
  } finally {
    for (const page of pages) page.close();
    child.kill("SIGTERM");
    await exited;
    rmSync(root, { recursive: true, force: true });
  }
}

/** A page following the live stream: counts the updates it gets. */
function follow(url) {
  const page = { events: 0, close: () => undefined };
  const req = get(url, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk) => {
      page.events += (chunk.match(/^data: /gm) ?? []).length;
    });
    res.on("error", () => undefined);
  });
  req.on("error", () => undefined);
  page.close = () => req.destroy();
  return page;
}

/** User and system CPU time of a process so far, from /proc (Linux). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

async function until(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
