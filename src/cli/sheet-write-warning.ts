import type { SheetWriteWarning } from "../sinks/sheet/writeback.js";
import { t, tell } from "./lang.js";

/** A warning of the sheet write-back in words (sinks/sheet/writeback.ts says only what happened). */
export function sheetWriteWarningText(warning: SheetWriteWarning): string {
  switch (warning.kind) {
    case "rows-not-placed":
      return t().googleWriteNotPlaced({ count: warning.count });
    case "write-deferred":
      return t().googleWriteDeferred({
        reason: tell(warning.reason),
        retryInSeconds: warning.retryInSeconds,
      });
  }
}
