/**
 * The entries of a zip archive, one at a time, streaming.
 *
 * Why not exceljs's WorkbookReader.parse(): it reads unzipper's Parse as an object stream and
 * stops at its 'end' event, but unzipper emits 'end' by hand as soon as it has consumed the last
 * input byte, while entries it parsed may still sit unread in its buffer. Whenever the reader is
 * busy (spooling a worksheet to disk) when the small tail of the archive arrives, the parts
 * after it vanish: styles.xml (dates then read as numbers), sharedStrings.xml (Excel writes it
 * after the worksheets), later worksheets. It happens at random, and on small files most. Here
 * each entry is queued as unzipper announces it, and the end only means that no more will come.
 *
 * The consumer must read or `autodrain()` every entry it gets, as unzipper requires: unread
 * entries hold the archive back, which is also what keeps memory flat.
 */
import type { Readable } from "node:stream";
import { createZipParser, type ZipEntry } from "./exceljs.js";

export async function* zipEntries(input: Readable): AsyncGenerator<ZipEntry> {
  const zip = createZipParser();
  const queue: ZipEntry[] = [];
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  zip.on("entry", (entry) => {
    queue.push(entry);
    notify();
  });
  zip.on("error", (error) => {
    failure ??= { error };
    notify();
  });
  zip.on("close", () => {
    ended = true;
    notify();
  });
  input.on("error", (error) => {
    failure ??= { error };
    notify();
  });
  input.pipe(zip);
  try {
    for (;;) {
      if (failure) throw failure.error;
      const entry = queue.shift();
      if (entry) yield entry;
      else if (ended) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const entry of queue.splice(0)) entry.autodrain();
    input.unpipe(zip);
  }
}
