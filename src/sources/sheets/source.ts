import type { SheetsApi } from "../../google-sheets/api.js";
import type { SheetTab } from "../../google-sheets/tab.js";
import type { Source } from "../types.js";

/** An opened Google Sheets tab: a Source that also knows its tab and client, for the write-back. */
export interface SheetsSource extends Source {
  readonly kind: "sheets";
  readonly tab: SheetTab;
  readonly api: SheetsApi;
}

/** Light on purpose (types only): callers need not load the Google client to ask. */
export function isSheetsSource(source: Source): source is SheetsSource {
  return source.kind === "sheets" && "tab" in source;
}
