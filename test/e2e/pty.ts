import { spawn } from "node:child_process";
import { join } from "node:path";
import { endProcess, whenDone } from "../tidy.js";
import { CLI } from "./cli.js";

/**
 * Runs the built CLI under a pseudo-terminal, as a person at a terminal would: stdin, stdout and stderr
 * are all the terminal, with the width a test chooses (0 reproduces terminals that report no width).
 * Python's pty module drives it (python3 is on every machine that runs these tests); `actions` type
 * into the terminal once its output matches, in order, e.g. Ctrl+C once sending has begun.
 */
export interface PtyAction {
  /** Waits for this in the output (ANSI colours removed) since the previous action. */
  readonly when: RegExp;
  /** Typed into the terminal: "\x03" is Ctrl+C, "n\r" answers a question. */
  readonly send: string;
  /** Waits this long after the match before typing (lets a run get under way; default 0). */
  readonly afterMs?: number;
}

export interface PtyResult {
  /** null when the process was killed because it did not end in time (it hung). */
  readonly code: number | null;
  readonly timedOut: boolean;
  /** Everything the terminal showed, ANSI escapes removed, \r\n as \n. */
  readonly output: string;
  /** The raw bytes as text, escapes included (to see how lines were cleared). */
  readonly raw: string;
}

const DRIVER = String.raw`
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time
cfg = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    # The child sets its own terminal's size before node starts, so node reads it at start-up.
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, cfg["cols"], 0, 0))
    os.chdir(cfg["cwd"])
    os.execve(cfg["argv"][0], cfg["argv"], cfg["env"])
# Ended from outside (the test finished or failed): take the CLI down too, never leave it behind.
def end(signum, frame):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
    os._exit(1)
signal.signal(signal.SIGTERM, end)
ansi = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
out = b""
mark = 0
actions = cfg["actions"]
deadline = time.time() + cfg["timeoutMs"] / 1000.0
timed_out = False
while True:
    if time.time() > deadline:
        timed_out = True
        os.kill(pid, signal.SIGKILL)
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    if actions:
        text = ansi.sub("", out[mark:].decode("utf-8", "replace"))
        if re.search(actions[0]["when"], text):
            if "at" not in actions[0]:
                actions[0]["at"] = time.time() + actions[0]["afterMs"] / 1000.0
            if time.time() >= actions[0]["at"]:
                mark = len(out)
                os.write(fd, actions.pop(0)["send"].encode("utf-8"))
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"code": None if timed_out or code < 0 else code, "timedOut": timed_out, "raw": out.decode("utf-8", "replace")}))
`;

export function runInPty(
  args: string[],
  options: {
    cwd: string;
    cols: number;
    env?: Record<string, string | undefined>;
    actions?: PtyAction[];
    timeoutMs?: number;
  },
): Promise<PtyResult> {
  const env: Record<string, string> = {};
  const merged: Record<string, string | undefined> = {
    ...process.env,
    TERM: "xterm",
    CALLTOUCH_TOKEN: undefined,
    CALLTOUCH_TOKEN_FILE: undefined,
    // As in cli.ts: the working folder keeps its own state, never the machine's.
    CTDIAL_STATE_DIR: join(options.cwd, ".ctdial-state"),
    ...options.env,
  };
  for (const [key, value] of Object.entries(merged)) if (value !== undefined) env[key] = value;
  const config = {
    argv: [process.execPath, CLI, ...args],
    cwd: options.cwd,
    cols: options.cols,
    env,
    actions: (options.actions ?? []).map((a) => ({
      when: a.when.source,
      send: a.send,
      afterMs: a.afterMs ?? 0,
    })),
    timeoutMs: options.timeoutMs ?? 60_000,
  };
  return new Promise((resolve, reject) => {
    // SIGTERM, not SIGKILL: the driver then kills the CLI it runs (see DRIVER).
    const child = spawn("python3", ["-c", DRIVER, JSON.stringify(config)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    whenDone(() => endProcess(child, "SIGTERM"));
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", () => {
      try {
        const result = JSON.parse(stdout) as { code: number | null; timedOut: boolean; raw: string };
        resolve({ ...result, output: plain(result.raw) });
      } catch {
        reject(new Error(`the pty driver failed: ${stderr || stdout}`));
      }
    });
  });
}

/** What a person would read: colours and line-erase escapes removed, \r\n as \n. */
export function plain(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with ESC.
  return raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r\n/g, "\n");
}
