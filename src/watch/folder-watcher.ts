import { type FSWatcher, watch } from "node:fs";
import type { FolderEvent } from "./folder-events.js";
import { classify, DONE_DIR, FAILED_DIR } from "./ignore-rules.js";

/** File events where the platform gives them; the periodic scan covers the rest (network shares). */
export function watchFolder(
  dir: string,
  onChange: () => void,
  emit: (event: FolderEvent) => void,
): FSWatcher | undefined {
  try {
    const watcher = watch(dir, { persistent: false }, (_event, name) => {
      // The service's own writes (STATUS.txt, reports, done/ and failed/) are no news.
      const kind = typeof name === "string" ? classify(name, false) : undefined;
      if (kind?.kind === "ignored" && kind.own) return;
      if (name === DONE_DIR || name === FAILED_DIR) return;
      onChange();
    });
    watcher.on("error", (error) => emit({ kind: "file-events-off", dir, message: error.message }));
    return watcher;
  } catch (error) {
    emit({ kind: "file-events-off", dir, message: (error as Error).message });
    return undefined;
  }
}
