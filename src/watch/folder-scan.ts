import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { classify, type IgnoreReason } from "./ignore-rules.js";

/** A table found in the folder, with what completeness is judged by. */
export interface FoundFile {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface PassedOver {
  readonly name: string;
  readonly reason: IgnoreReason;
  readonly own: boolean;
}

export interface FolderScan {
  readonly files: FoundFile[];
  readonly passedOver: PassedOver[];
}

/**
 * One look at the folder (not its subfolders). Cheap enough to repeat every couple of seconds: a
 * directory listing and one stat per table. A file gone between the listing and its stat (moved,
 * renamed by the program that wrote it) is simply not there this time.
 */
export async function scanFolder(dir: string): Promise<FolderScan> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: FoundFile[] = [];
  const passedOver: PassedOver[] = [];
  for (const entry of entries) {
    const kind = classify(entry.name, entry.isDirectory());
    if (kind.kind === "ignored") {
      passedOver.push({ name: entry.name, reason: kind.reason, own: kind.own });
      continue;
    }
    const path = join(dir, entry.name);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) continue;
    if (!info.isFile()) {
      passedOver.push({ name: entry.name, reason: "not-a-regular-file", own: false });
      continue;
    }
    files.push({ name: entry.name, path, size: info.size, mtimeMs: info.mtimeMs });
  }
  files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
  return { files, passedOver };
}
