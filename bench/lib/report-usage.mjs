// Preloaded into a CLI process (`node --import ./bench/lib/report-usage.mjs dist/cli.js ...`): when
// the process exits, however it exits short of a kill, writes its own resource usage (CPU time, peak
// RSS) to the file named by BENCH_USAGE_FILE. This is how a benchmark reads the CPU the real CLI spent
// without changing the CLI.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        maxRssMB: usage.maxRSS / 1024,
        uptimeMs: process.uptime() * 1000,
      }),
    );
  });
}
