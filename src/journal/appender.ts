import { type FileHandle, open } from "node:fs/promises";
import { FILE_MODE } from "./state-dir.js";

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Appends lines to a file and resolves each append only once its bytes are durable (written and
 * fdatasync'ed). Group commit: appends that arrive while a write+sync is under way, or in the same
 * event-loop turn, go out together in one write and share one fdatasync, so N concurrent intents
 * cost one disk flush, not N.
 *
 * After a failed write or sync every pending and later append rejects with the same error: a journal
 * that may have lost a record must stop the sending, never go on silently.
 */
export class DurableAppender {
  readonly #file: FileHandle;
  readonly #durable: boolean;
  #queue: Buffer[] = [];
  #waiters: Waiter[] = [];
  #draining: Promise<void> | undefined;
  #failure: unknown;
  #closed = false;
  #syncs = 0;

  private constructor(file: FileHandle, durable: boolean) {
    this.#file = file;
    this.#durable = durable;
  }

  /**
   * Opens `path` for appending (created 0600). When the file does not end with a newline (a torn
   * line left by a crash that the caller chose to keep), a newline is written first so that the
   * next record starts a line of its own.
   * @param durable fdatasync after each group. @default true
   */
  static async open(path: string, options: { durable?: boolean } = {}): Promise<DurableAppender> {
    const file = await open(path, "a+", FILE_MODE);
    try {
      const { size } = await file.stat();
      const appender = new DurableAppender(file, options.durable ?? true);
      if (size > 0) {
        const last = Buffer.alloc(1);
        await file.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) appender.#queue.push(Buffer.from("\n"));
      }
      return appender;
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  /** How many fdatasync calls were made (for tests and the benchmark). */
  get syncs(): number {
    return this.#syncs;
  }

  /** Appends `line` plus a newline; resolves when it is on disk. */
  append(line: string): Promise<void> {
    // i18n-exempt: only a bug raises it (an append after close)
    if (this.#closed) return Promise.reject(new Error("append after close"));
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    this.#queue.push(Buffer.from(`${line}\n`));
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
      this.#draining ??= this.#drain().finally(() => {
        this.#draining = undefined;
      });
    });
  }

  async #drain(): Promise<void> {
    // Yield one turn first so that every append made in this turn joins the first group.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.#waiters.length > 0) {
      const batch = Buffer.concat(this.#queue);
      const waiters = this.#waiters;
      this.#queue = [];
      this.#waiters = [];
      try {
        await writeAll(this.#file, batch);
        if (this.#durable) {
          await this.#file.datasync();
          this.#syncs++;
        }
      } catch (error) {
        this.#failure = error;
        for (const waiter of [...waiters, ...this.#waiters]) waiter.reject(error);
        this.#waiters = [];
        this.#queue = [];
        return;
      }
      for (const waiter of waiters) waiter.resolve();
    }
  }

  /** Waits for pending appends, then closes the file. Appends after this reject. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#draining?.catch(() => undefined);
    await this.#file.close();
  }
}

/** write(2) may write less than asked (a full disk, a signal): loop until all bytes are out. */
async function writeAll(file: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await file.write(data, offset, data.length - offset);
    // i18n-exempt: the cause of E_JOURNAL_WRITE, which names the errno ("error") and not this text
    if (bytesWritten === 0) throw new Error("the disk accepted no bytes");
    offset += bytesWritten;
  }
}
