/**
 * Reads xl/workbook.xml: the tabs in order and the date system. We read it ourselves because
 * exceljs's workbook parser takes only `date1904="1"` as true, while LibreOffice writes
 * `date1904="true"` (both valid xsd:boolean): its 1904-system files would read four years early.
 */
import type { ParseSax, WorkbookSheetEntry } from "./exceljs.js";
import { localName } from "./strings.js";

export interface WorkbookXml {
  readonly sheets: WorkbookSheetEntry[];
  readonly date1904: boolean;
}

function xsdBoolean(value: string | undefined): boolean {
  return value === "1" || value?.trim().toLowerCase() === "true";
}

/** The relationship id of a `<sheet>`: `r:id` under whatever prefix the file binds to it. */
function relationshipId(attributes: Readonly<Record<string, string>>): string {
  if (attributes["r:id"] !== undefined) return attributes["r:id"];
  const key = Object.keys(attributes).find((name) => name.endsWith(":id"));
  return key === undefined ? "" : (attributes[key] ?? "");
}

export async function readWorkbookXml(
  parseSax: ParseSax,
  chunks: AsyncIterable<Buffer | string>,
): Promise<WorkbookXml> {
  const sheets: WorkbookSheetEntry[] = [];
  let date1904 = false;
  for await (const events of parseSax(chunks)) {
    for (const event of events) {
      if (event.eventType !== "opentag") continue;
      const local = localName(event.value.name);
      const { attributes } = event.value;
      if (local === "workbookPr") {
        date1904 = xsdBoolean(attributes.date1904);
      } else if (local === "sheet") {
        sheets.push({
          name: attributes.name ?? "",
          id: Number(attributes.sheetId),
          state: attributes.state,
          rId: relationshipId(attributes),
        });
      }
    }
  }
  return { sheets, date1904 };
}
