import { open, readdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { DurableAppender } from "./appender.js";
import { ensurePrivateDir } from "./state-dir.js";

const DAY_MS = 86_400_000;
const DAY_FILE = /^(\d{4}-\d\d-\d\d)\.log$/;

/**
 * A folder of append-only line files, one per UTC day (`2026-03-01.log`), shared by every ctdial
 * process on the machine. Why one file per day: old entries go by deleting whole files, which is safe
 * while another process appends to today's file; rewriting one big file to compact it is not (the
 * other process would keep appending to the replaced inode and its lines would be lost).
 *
 * Each append is one write(2) of a whole line (O_APPEND), so lines of concurrent writers never mix.
 * Readers tail the files: `readNew` passes only lines it has not passed before, and only complete
 * ones, so a line being written right now is read on the next call.
 */
export class DayLog {
  readonly #dir: string;
  readonly #durable: boolean;
  readonly #offsets = new Map<string, number>();
  #appender: { day: string; opening: Promise<DurableAppender> } | undefined;

  private constructor(dir: string, durable: boolean) {
    this.#dir = dir;
    this.#durable = durable;
  }

  static async open(dir: string, options: { durable?: boolean } = {}): Promise<DayLog> {
    await ensurePrivateDir(dir);
    return new DayLog(dir, options.durable ?? true);
  }

  /** Appends one line to the file of `atMs`'s UTC day; resolves when it is on disk. */
  async append(atMs: number, line: string): Promise<void> {
    const day = utcDay(atMs);
    if (this.#appender?.day !== day) {
      const previous = this.#appender?.opening;
      this.#appender = {
        day,
        opening: DurableAppender.open(join(this.#dir, `${day}.log`), { durable: this.#durable }),
      };
      void previous?.then((appender) => appender.close()).catch(() => undefined);
    }
    await (await this.#appender.opening).append(line);
  }

  /** Passes every complete line not passed before, of the files for the UTC days from..to. */
  async readNew(fromMs: number, toMs: number, onLine: (line: string) => void): Promise<void> {
    for (let t = startOfUtcDay(fromMs); t <= toMs; t += DAY_MS) {
      const day = utcDay(t);
      const offset = this.#offsets.get(day) ?? 0;
      const text = await readFrom(join(this.#dir, `${day}.log`), offset);
      if (text === undefined) continue;
      const end = text.lastIndexOf(10);
      if (end < 0) continue;
      this.#offsets.set(day, offset + end + 1);
      for (const line of text.subarray(0, end).toString("utf8").split("\n")) {
        if (line !== "") onLine(line);
      }
    }
  }

  /** Forgets what was read: the next `readNew` passes every line again. */
  forget(): void {
    this.#offsets.clear();
  }

  /** Deletes the files of UTC days that ended before `beforeMs`. */
  async prune(beforeMs: number): Promise<void> {
    const cutoff = utcDay(beforeMs);
    const names = await readdir(this.#dir).catch(() => [] as string[]);
    for (const name of names) {
      const day = DAY_FILE.exec(name)?.[1];
      if (day !== undefined && day < cutoff) await unlink(join(this.#dir, name)).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const opening = this.#appender?.opening;
    this.#appender = undefined;
    await (await opening?.catch(() => undefined))?.close();
  }
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

async function readFrom(path: string, offset: number): Promise<Buffer | undefined> {
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const { size } = await file.stat();
    if (size <= offset) return undefined;
    const buffer = Buffer.allocUnsafe(size - offset);
    let read = 0;
    while (read < buffer.length) {
      const { bytesRead } = await file.read(buffer, read, buffer.length - read, offset + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  } finally {
    await file.close();
  }
}
