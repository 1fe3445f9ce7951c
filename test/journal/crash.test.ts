import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignIdentity, journalPath, openJournal, rowHash } from "../../src/journal/index.js";
import { replayJournal } from "../../src/journal/replay.js";
import { RowTable } from "../../src/journal/row-table.js";
import { endWhenDone } from "../tidy.js";
import { transpileJournal } from "./fixtures/transpile.js";
import { stateDir } from "./helpers.js";

const writerScript = fileURLToPath(new URL("./fixtures/crash-writer.mjs", import.meta.url));
const identity = campaignIdentity({ source: "file:/crash/clients.csv", routeKey: "crash" });

interface Acked {
  intents: number[];
  outcomes: number[];
}

/** Runs the writer until it has acknowledged `killAfter` appends, then SIGKILLs it. */
function runAndKill(moduleUrl: string, dir: string, first: number, killAfter: number): Promise<Acked> {
  const child = endWhenDone(
    spawn(process.execPath, [writerScript, moduleUrl, dir, String(first), "5"], {
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const acked: Acked = { intents: [], outcomes: [] };
  let count = 0;
  createInterface({ input: child.stdout }).on("line", (line) => {
    const [kind, n] = line.split(" ");
    if (kind === "i") acked.intents.push(Number(n));
    if (kind === "o") acked.outcomes.push(Number(n));
    if (kind !== "ready" && ++count === killAfter) child.kill("SIGKILL");
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL" ? resolve(acked) : reject(new Error(`writer exited on its own (${_code})`)),
    );
  });
}

describe("kill -9", () => {
  let moduleUrl = "";
  let dispose = async () => {};
  beforeAll(async () => {
    ({ url: moduleUrl, dispose } = await transpileJournal());
  });
  afterAll(() => dispose());

  it("keeps every append that resolved before the kill, over several killed runs", async () => {
    const dir = await stateDir();
    const everAcked: Acked = { intents: [], outcomes: [] };
    for (let run = 0; run < 5; run++) {
      const killAfter = 1 + Math.floor(Math.random() * 300);
      const acked = await runAndKill(moduleUrl, dir, run * 100_000, killAfter);
      everAcked.intents.push(...acked.intents);
      everAcked.outcomes.push(...acked.outcomes);

      // Reopening takes over the dead writer's lock and cuts any torn tail.
      const journal = await openJournal({ stateDir: dir, identity });
      for (const n of everAcked.intents) {
        expect(journal.priorOf(79_000_000_000 + n, rowHash(`row ${n}`))?.status).toMatch(/^(sent|unknown)$/);
      }
      for (const n of everAcked.outcomes) {
        expect(journal.priorOf(79_000_000_000 + n, rowHash(`row ${n}`))).toMatchObject({
          status: "sent",
          requestId: n,
        });
      }
      expect(journal.stats().runs).toBe(run + 1);
      await journal.close();
    }
    expect(everAcked.outcomes.length).toBeGreaterThan(0);

    // After the last repair the file is whole: every line a record, nothing torn.
    const replay = await replayJournal(journalPath(dir, identity), new RowTable());
    expect(replay.tornLine).toBeUndefined();
    expect(replay.slowLines).toBe(5); // the run markers
  });
});
