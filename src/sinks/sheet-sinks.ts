import type { ResolvedCampaign } from "../engine/resolve.js";
import type { OutcomeSink } from "../engine/sink.js";
import type { ResolvedColumns } from "../mapping/columns.js";
import { isSheetsSource } from "../sources/sheets-source.js";
import type { Source } from "../sources/types.js";

/**
 * The live write-back of a run on a Google Sheet (no --report given): opened with the source, it
 * writes the header cells at once, so a view-only sheet is refused before anything is sent.
 * Undefined for every other run.
 */
export function liveSheetSinks(
  resolved: ResolvedCampaign,
  onWarning?: (message: string) => void,
  /** Write the header cells at open to prove edit access (a watch does it on its first cycle only). */
  checkAccess = true,
): ((source: Source, columns: ResolvedColumns) => Promise<OutcomeSink[]>) | undefined {
  if (resolved.sheetTab === undefined || resolved.reportPath !== resolved.source) return undefined;
  return async (source, columns) => {
    if (!isSheetsSource(source)) return [];
    const { openSheetWriteback } = await import("./sheet-writeback.js");
    return [
      await openSheetWriteback({
        api: source.api,
        tab: source.tab,
        headers: source.headers,
        headerRowNumber: source.headerRowNumber,
        keyColumn: columns.phone.index,
        checkAccess,
        onWarning,
      }),
    ];
  };
}
