import { open, readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { classify, type IgnoreReason } from "./ignore-rules.js";

/** A table found in the folder, with what completeness is judged by. */
export interface FoundFile {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** Which file it is (a rename keeps them, a copy or a save through a temporary file does not). */
  readonly dev?: number;
  readonly ino?: number;
  /**
   * A text table whose last line has no line ending: perhaps cut in the middle of a row (a copy that
   * paused), so it must be quiet for longer before it counts as complete.
   */
  readonly endsOpen?: boolean;
}

/** Whether two looks at a file saw the same file with the same content (as far as a stat can tell). */
export function sameFile(
  a: Pick<FoundFile, "size" | "mtimeMs" | "dev" | "ino">,
  b: Pick<FoundFile, "size" | "mtimeMs" | "dev" | "ino">,
): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.dev === b.dev && a.ino === b.ino;
}

/** `dev:ino`, what a renamed file is recognised by; undefined where the platform gives none. */
export function fileKey(file: Pick<FoundFile, "dev" | "ino">): string | undefined {
  return file.dev === undefined || file.ino === undefined || file.ino === 0
    ? undefined
    : `${file.dev}:${file.ino}`;
}

const TEXT_EXTENSIONS = new Set([".csv", ".tsv", ".txt"]);

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
    const endsOpen = TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())
      ? await lastLineOpen(path, info.size)
      : false;
    files.push({
      name: entry.name,
      path,
      size: info.size,
      mtimeMs: info.mtimeMs,
      dev: info.dev,
      ino: info.ino,
      endsOpen,
    });
  }
  files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
  return { files, passedOver };
}

/** True when the file's last byte is not a line ending (an empty file, or one that cannot be read, is not). */
async function lastLineOpen(path: string, size: number): Promise<boolean> {
  if (size === 0) return false;
  const handle = await open(path, "r").catch(() => undefined);
  if (handle === undefined) return false;
  try {
    const byte = Buffer.alloc(1);
    const { bytesRead } = await handle.read(byte, 0, 1, size - 1);
    return bytesRead === 1 && byte[0] !== 0x0a && byte[0] !== 0x0d;
  } catch {
    return false;
  } finally {
    await handle.close().catch(() => {});
  }
}
