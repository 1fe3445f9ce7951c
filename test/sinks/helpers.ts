import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { Cell, SourceRow } from "../../src/sources/types.js";

/** A fresh folder per test, removed after it. */
export function useTempDir(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctdial-sinks-"));
    made.push(dir);
    return dir;
  };
}

export function row(rowNumber: number, ...cells: Cell[]): SourceRow {
  return { rowNumber, cells };
}
