import type { SheetWriteWarning } from "../sinks/sheet/writeback.js";
import { noun, plural } from "./plural.js";

/** A warning of the sheet write-back in words (sinks/sheet/writeback.ts says only what happened). */
export function sheetWriteWarningText(warning: SheetWriteWarning): string {
  switch (warning.kind) {
    case "rows-not-placed": {
      const n = warning.count;
      return `${plural(n, "result")} not written into the sheet: ${n === 1 ? "its row was" : "their rows were"} changed or removed while the run went on; the next run writes ${noun(n, "it", "them")}.`;
    }
    case "write-deferred":
      return `results not written into the sheet yet (${warning.reason}); trying again in ${warning.retryInSeconds} s.`;
  }
}
