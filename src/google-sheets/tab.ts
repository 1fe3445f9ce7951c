import type { SheetsApi } from "./api.js";
import { noSuchTab } from "./errors.js";
import type { SheetLocation } from "./url.js";

/** One tab of a spreadsheet, found by gid or title: what reading and writing back need to address it. */
export interface SheetTab {
  readonly spreadsheetId: string;
  readonly spreadsheetTitle: string;
  /** The spreadsheet's time zone (File -> Settings): how its date cells' wall clocks are meant. */
  readonly timeZone: string;
  /** The tab's `sheetId` (gid): stable across renames, unlike its title. */
  readonly sheetId: number;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
}

const FIELDS =
  "properties(title,locale,timeZone),sheets(properties(sheetId,title,index,gridProperties(rowCount,columnCount)))";

/**
 * Looks the tab up with one `spreadsheets.get` (a field mask keeps it small). A title given by
 * `--sheet` / campaign `sheet:` wins over the link's gid; neither means the first tab.
 */
export async function locateTab(api: SheetsApi, location: SheetLocation, title?: string): Promise<SheetTab> {
  const id = location.spreadsheetId;
  const data = await api.call(id, "read", () =>
    api.api.spreadsheets.get({ spreadsheetId: id, fields: FIELDS }),
  );
  const tabs = (data.sheets ?? []).map((s) => s.properties ?? {});
  const spreadsheetTitle = data.properties?.title ?? id;
  let found: (typeof tabs)[number] | undefined;
  if (title !== undefined) {
    found =
      tabs.find((t) => t.title === title) ??
      tabs.find((t) => t.title?.trim().toLowerCase() === title.trim().toLowerCase());
    if (found === undefined)
      throw noSuchTab(
        spreadsheetTitle,
        { title },
        tabs.map((t) => t.title ?? ""),
      );
  } else if (location.gid !== undefined) {
    found = tabs.find((t) => (t.sheetId ?? 0) === location.gid);
    if (found === undefined)
      throw noSuchTab(
        spreadsheetTitle,
        { gid: location.gid },
        tabs.map((t) => t.title ?? ""),
      );
  } else {
    found = [...tabs].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))[0];
    if (found === undefined) throw noSuchTab(spreadsheetTitle, {}, []);
  }
  return {
    spreadsheetId: id,
    spreadsheetTitle,
    timeZone: data.properties?.timeZone ?? "Etc/UTC",
    sheetId: found.sheetId ?? 0,
    title: found.title ?? "",
    rowCount: found.gridProperties?.rowCount ?? 0,
    columnCount: found.gridProperties?.columnCount ?? 0,
  };
}

/** `'Клиенты ''26'!A1:Z500`: titles are always quoted, a quote inside doubled. */
export function a1(title: string, cells: string): string {
  return `'${title.replaceAll("'", "''")}'!${cells}`;
}
