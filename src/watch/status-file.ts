import { rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { STATUS_FILE } from "./ignore-rules.js";

/**
 * STATUS.txt: what the service is doing, for a person who only ever opens the folder (worded by
 * cli/watch-status.ts). Written whole
 * to a hidden temporary file and renamed over the old one, so it is never seen half-written. When the
 * rename fails (Windows refuses to replace a file another program holds open), the service carries on
 * and the next update tries again: a status file must never stop dialing.
 */
export interface StatusWriter {
  /** Writes `text` unless it is what the file already holds; false when it could not be written now. */
  write(text: string): Promise<boolean>;
}

export function statusWriter(dir: string): StatusWriter {
  const path = join(dir, STATUS_FILE);
  const tmp = join(dir, `.${STATUS_FILE}.tmp`);
  let written: string | undefined;
  return {
    async write(text) {
      if (text === written) return true;
      try {
        await writeFile(tmp, text, "utf8");
        await rename(tmp, path);
        written = text;
        return true;
      } catch {
        await unlink(tmp).catch(() => undefined);
        return false;
      }
    },
  };
}
