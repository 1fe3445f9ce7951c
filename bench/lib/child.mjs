// Every measurement runs in a child process of its own, so that its peak RSS (maxRSS) and CPU time
// are its alone: one bench's garbage never counts against another's memory goal.
import { spawn } from "node:child_process";

/** What a task prints as its last stdout line: its result plus the process's own resource usage. */
export function emit(result) {
  const usage = process.resourceUsage();
  const line = {
    ...result,
    maxRssMB: round(usage.maxRSS / 1024),
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** CPU time of this process so far, in ms (user + system). */
export function cpuMsNow() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Runs `node script ...args` and resolves with the JSON object on its last stdout line (or, with
 * `wholeStdout`, its whole stdout as one JSON document). Rejects with the tail of its stderr when it
 * fails or outlives `timeoutMs`.
 */
export function runTask(
  script,
  args = [],
  { env, timeoutMs = 300_000, execArgv = [], wholeStdout = false } = {},
) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, script, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const last = wholeStdout ? stdout : (stdout.trim().split("\n").at(-1) ?? "");
      if (code === 0) {
        try {
          resolve(JSON.parse(last));
          return;
        } catch {
          // fall through to the failure below
        }
      }
      reject(new Error(`${script} ${args.join(" ")} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
  });
}

export function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
