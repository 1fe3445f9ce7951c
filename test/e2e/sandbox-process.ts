import { type ChildProcess, spawn } from "node:child_process";
import { endWhenDone } from "../tidy.js";
import { CLI } from "./cli.js";

/** `ctdial sandbox` in its own process, as a user would start it; resolves once it prints its URL. */
export async function startSandboxProcess(
  args: string[] = [],
): Promise<{ url: string; child: ChildProcess; log: () => string; stop: () => Promise<string> }> {
  // Ended when the test (or, started by a beforeAll, the file) is done, even if `stop` is never reached.
  const child = endWhenDone(
    spawn(process.execPath, [CLI, "sandbox", "--port", "0", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${out}`)), 15_000);
    const check = (): void => {
      const match = /listening at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", () => reject(new Error(`sandbox exited: ${out}`)));
  });
  return {
    url,
    child,
    log: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(out);
        child.on("close", () => resolve(out));
        child.kill("SIGINT");
      }),
  };
}
