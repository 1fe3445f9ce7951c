import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { Journal, JournalRow } from "../../src/journal/index.js";
import { campaignIdentity, openJournal, rowHash } from "../../src/journal/index.js";

const dirs: string[] = [];
const journals: Journal[] = [];

afterEach(async () => {
  await Promise.all(journals.splice(0).map((journal) => journal.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh state directory, removed after the test. */
export async function stateDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ctdial-journal-test-"));
  dirs.push(dir);
  return join(dir, "state");
}

export const identity = campaignIdentity({
  source: "file:/data/clients.csv",
  routeKey: "routekey_1",
  name: "clients.csv",
});

/** Opens a journal that is closed after the test (closing twice is harmless). */
export async function open(dir: string, options: { readOnly?: boolean } = {}): Promise<Journal> {
  const journal = await openJournal({ stateDir: dir, identity, ...options });
  journals.push(journal);
  return journal;
}

/** A row of the test campaign: phone 7999000NNNN, content "v1" unless said otherwise. */
export function row(n: number, content = "v1", rowNumber = n + 1): JournalRow {
  return { rowNumber, phoneKey: 79_990_000_000 + n, rowHash: rowHash(`${n}:${content}`) };
}

export const SENT_AT = "2026-03-02T10:15:00.000+03:00";
