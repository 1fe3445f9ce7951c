import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Private temporary folders for worksheet parts spooled while an .xlsx is read (xlsx-workbook.ts).
 * The reader removes its folder when it ends; but the CLI exits with process.exit (Ctrl+C, or a
 * run that stops before the last row), and then a suspended reader's `finally` never runs. The
 * parts hold the clients' phones, so whatever is still here at exit is removed then.
 */
const live = new Set<string>();
let hooked = false;

function removeAllNow(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

export async function makeSpoolDir(): Promise<string> {
  if (!hooked) {
    process.once("exit", removeAllNow);
    hooked = true;
  }
  const dir = await mkdtemp(join(tmpdir(), "ctdial-xlsx-"));
  live.add(dir);
  return dir;
}

export async function removeSpoolDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  live.delete(dir);
}
