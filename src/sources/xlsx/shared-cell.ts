/**
 * The first cell of a worksheet that shows shared string `index`: used only to name the cell when
 * that string is refused (too long for a cell), so that the user is told where to look.
 */
import type { ParseSax } from "./exceljs.js";
import { localName } from "./strings.js";

export async function findSharedStringCell(
  parseSax: ParseSax,
  chunks: AsyncIterable<Buffer | string>,
  index: number,
): Promise<string | undefined> {
  const wanted = String(index);
  let ref: string | undefined;
  let shared = false;
  let inValue = false;
  let value = "";
  for await (const events of parseSax(chunks)) {
    for (const event of events) {
      if (event.eventType === "text") {
        if (inValue) value += event.value;
        continue;
      }
      const local = localName(event.value.name);
      if (event.eventType === "opentag") {
        if (local === "c") {
          ref = event.value.attributes.r;
          shared = event.value.attributes.t === "s";
        } else if (local === "v" && shared) {
          inValue = true;
          value = "";
        }
      } else if (local === "v" && inValue) {
        inValue = false;
        if (value.trim() === wanted) return ref;
      }
    }
  }
  return undefined;
}
