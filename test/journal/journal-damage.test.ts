import { appendFile, readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { journalPath } from "../../src/journal/index.js";
import { replayJournal } from "../../src/journal/replay.js";
import { RowTable } from "../../src/journal/row-table.js";
import { identity, open, row, SENT_AT, stateDir } from "./helpers.js";

/** A journal with rows 1 and 2 sent, closed; returns its path. */
async function twoSentRows(dir: string): Promise<string> {
  const journal = await open(dir);
  for (const n of [1, 2]) {
    await journal.recordIntent(row(n), 1);
    await journal.recordOutcome(row(n), { status: "sent", requestId: n, sentAt: SENT_AT, attempts: 1 });
  }
  await journal.close();
  return journal.path;
}

async function lines(path: string): Promise<string[]> {
  return (await readFile(path, "utf8")).split("\n");
}

describe("journal damage", () => {
  it("ignores a torn last line, cuts it off, and appends cleanly after it", async () => {
    const dir = await stateDir();
    const path = await twoSentRows(dir);
    // What a kill -9 in the middle of write(2) leaves: the first bytes of an intent, no newline.
    await appendFile(path, '{"t":"i","r":4,"p":7999000');
    const journal = await open(dir);
    expect(journal.stats()).toMatchObject({ tornLine: 6, rowsKnown: 2, counts: { sent: 2 } });
    await journal.recordIntent(row(3), 1);
    await journal.close();

    const text = await readFile(path, "utf8");
    expect(text).not.toContain('"p":7999000,');
    expect(text.endsWith("\n")).toBe(true);
    const again = await open(dir);
    expect(again.stats()).toMatchObject({ tornLine: undefined, rowsKnown: 3 });
    expect(again.priorOf(row(3).phoneKey, row(3).rowHash)?.status).toBe("unknown");
  });

  it("ignores a torn tail of NUL bytes (a power loss), as a crash leaves it", async () => {
    const dir = await stateDir();
    const path = await twoSentRows(dir);
    await appendFile(
      path,
      Buffer.concat([Buffer.from('{"t":"o","r":3,'), Buffer.alloc(40), Buffer.from("\n")]),
    );
    const journal = await open(dir);
    expect(journal.stats()).toMatchObject({ tornLine: 6, rowsKnown: 2 });
  });

  it("starts afresh when only a torn header was written", async () => {
    const dir = await stateDir();
    const journal = await open(dir);
    const path = journal.path;
    await journal.close();
    await writeFile(path, '{"v":1,"kind":"ctdial-jour');
    const again = await open(dir);
    expect(again.stats()).toMatchObject({ exists: true, rowsKnown: 0 });
    await again.close();
    expect(JSON.parse((await lines(path))[0]!)).toMatchObject({
      v: 1,
      kind: "ctdial-journal",
      source: identity.source,
    });
  });

  it("refuses a journal damaged in the middle, naming the file and the line", async () => {
    const dir = await stateDir();
    const path = await twoSentRows(dir);
    const text = await lines(path);
    text[2] = text[2]!.slice(0, 20); // line 3 cut short, good lines after it
    await writeFile(path, text.join("\n"));
    const error = await open(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      `the journal ${path} is damaged at line 3; move the file aside to start the campaign afresh (ctdial then forgets which rows were already sent)`,
    );
    expect((error as ConfigError).exitCode).toBe(2);
  });

  it("refuses a journal written by a newer ctdial, saying to upgrade", async () => {
    const dir = await stateDir();
    const path = await twoSentRows(dir);
    const text = await lines(path);
    text[0] = JSON.stringify({ ...JSON.parse(text[0]!), v: 2 });
    await writeFile(path, text.join("\n"));
    await expect(open(dir)).rejects.toThrow(
      `the journal ${path} was written by a newer ctdial (format 2); upgrade ctdial to continue this campaign`,
    );
    await expect(open(dir, { readOnly: true })).rejects.toBeInstanceOf(ConfigError);
  });

  it("refuses a file that is not a journal, and a journal of another campaign", async () => {
    const dir = await stateDir();
    const path = await twoSentRows(dir);
    const original = await readFile(path, "utf8");
    await writeFile(path, "phone,name\n79990000001,Иван\n");
    await expect(open(dir)).rejects.toThrow(`${path} is not a ctdial journal`);
    const text = original.split("\n");
    text[0] = JSON.stringify({ ...JSON.parse(text[0]!), routeKey: "other" });
    await writeFile(path, text.join("\n"));
    await expect(open(dir)).rejects.toThrow(
      /belongs to another campaign \(file:\/data\/clients\.csv, routeKey "other"\)/,
    );
  });

  it("reads what it wrote through the fast path; odd messages take the strict path and read the same", async () => {
    const dir = await stateDir();
    const journal = await open(dir);
    await journal.recordRun("run");
    const odd = 'Ошибка "валидации"\\ \n\tконец';
    for (const n of [1, 2, 3]) await journal.recordIntent(row(n), 1);
    await journal.recordOutcome(row(1), { status: "sent", requestId: 5, sentAt: SENT_AT, attempts: 1 });
    await journal.recordOutcome(row(2), { status: "failed", code: 1, message: odd, attempts: 1 });
    await journal.recordOutcome(row(3), {
      status: "failed",
      code: "HTTP 502",
      message: "Bad gateway",
      attempts: 6,
    });
    await journal.close();

    const table = new RowTable();
    const result = await replayJournal(journalPath(dir, identity), table);
    expect(result.slowLines).toBe(2); // the run marker and the message with escapes
    expect(table.prior(row(2).phoneKey, row(2).rowHash)).toMatchObject({
      status: "failed",
      code: 1,
      message: odd,
    });
    expect(table.prior(row(3).phoneKey, row(3).rowHash)).toMatchObject({ code: "HTTP 502", attempts: 6 });
  });
});
