import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runCli, workdir } from "./cli.js";
import {
  clientsCsv,
  journalFiles,
  phoneNumbers,
  sandboxRecord,
  sendingEnv,
  summaryOf,
  TOKEN,
} from "./journal-harness.js";
import { startSandboxProcess } from "./sandbox-process.js";

/**
 * A journal that was damaged (a garbage line in the middle, a format this ctdial does not know) must
 * stop the command before anything is sent, with one sentence that names the journal: guessing
 * would risk dialing people twice. A line torn by a crash at the very end is expected and tolerated.
 */
describe("a damaged journal (built CLI, sandbox process)", () => {
  let sandbox: Awaited<ReturnType<typeof startSandboxProcess>>;
  let dir: string;
  let journal: string;
  let good: string;
  let args: string[];
  let statusArgs: string[];

  beforeAll(async () => {
    sandbox = await startSandboxProcess(["--min-interval", "0", "--quiet"]);
    dir = workdir();
    writeFileSync(
      join(dir, "clients.csv"),
      clientsCsv(phoneNumbers(5, "929").map((p, i) => [p, `Клиент ${i + 1}`])),
    );
    const stateDir = join(dir, "state");
    statusArgs = ["status", "clients.csv", "--route-key", "rk_damage", "--state-dir", stateDir];
    args = ["run", "clients.csv", "--route-key", "rk_damage", "--yes", "--json", "--state-dir", stateDir];
    const first = await runCli(args, { cwd: dir, env: sendingEnv(sandbox.url, dir) });
    expect(first.code, first.stderr).toBe(0);
    [journal = ""] = journalFiles(stateDir);
    good = readFileSync(journal, "utf8");
  }, 30_000);

  afterAll(async () => {
    await sandbox?.stop();
  });

  /** Runs `status`, then `run`, on a journal holding `text`; neither may send a request. */
  async function withJournal(text: string): Promise<{ run: CliResult; status: CliResult }> {
    writeFileSync(journal, text);
    const before = await sandboxRecord(sandbox.url);
    const status = await runCli(statusArgs, { cwd: dir, env: { HOME: dir } });
    const run = await runCli(args, { cwd: dir, env: sendingEnv(sandbox.url, dir) });
    expect((await sandboxRecord(sandbox.url)).requests).toBe(before.requests);
    return { run, status };
  }

  /** Exit 2, and one line for people on stderr, naming the journal: no stack trace, no token. */
  function expectOneSentence(result: CliResult, pattern: RegExp): void {
    expect(result.code).toBe(2);
    // Log lines are JSON without a terminal (the "sending" line comes before the journal is opened).
    const lines = result.stderr
      .trim()
      .split("\n")
      .filter((line) => !line.startsWith('{"level":'));
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toContain(journal);
    expect(lines[0]).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|unexpected error/);
    expect(result.stderr + result.stdout).not.toContain(TOKEN);
  }

  it("refuses a journal with a garbage line in the middle, naming the file and the line", async () => {
    const lines = good.split("\n");
    lines.splice(3, 0, "}{ not a journal record");
    const { run, status } = await withJournal(lines.join("\n"));
    expectOneSentence(run, /^ctdial: the journal \S+ is damaged at line 4; move the file aside/);
    expectOneSentence(status, /is damaged at line 4/);
  }, 30_000);

  it("refuses a journal of an unknown (newer) format version", async () => {
    const [header = "", ...rest] = good.split("\n");
    const newer = JSON.stringify({ ...JSON.parse(header), v: 99 });
    const { run, status } = await withJournal([newer, ...rest].join("\n"));
    expectOneSentence(run, /was written by a newer ctdial \(format 99\); upgrade ctdial/);
    expectOneSentence(status, /format 99/);
  }, 30_000);

  it("tolerates a last line torn by a crash: status notes it, run repairs it and sends nothing twice", async () => {
    const torn = `${good}{"t":"o","r":3,"p":79290`;
    const { run, status } = await withJournal(torn);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/last line was cut off by a crash \(line \d+\); it was ignored/);
    expect(run.code, run.stderr).toBe(0);
    expect(summaryOf(run)).toMatchObject({ total: 5, sent: 5 });
    expect(readFileSync(journal, "utf8").startsWith(good)).toBe(true);
    expect(readFileSync(journal, "utf8")).not.toContain(`"p":79290\n`);
  }, 30_000);
});
