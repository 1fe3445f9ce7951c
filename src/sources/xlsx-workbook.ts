/**
 * Drives exceljs's streaming WorkbookReader through an .xlsx file and streams the rows of one
 * worksheet: the one named by the user, else the first visible one in tab order.
 *
 * The zip is read front to back once. Parts arrive in whatever order the writing program chose
 * (Excel and LibreOffice put worksheets before the shared strings, exceljs puts workbook.xml last),
 * so a worksheet cannot always be decoded when it passes by:
 *  - exceljs itself spools every worksheet that arrives before the shared strings to a temporary
 *    file and hands it over after the last zip entry;
 *  - exceljs decodes the rest on the spot even when the sheet names (workbook.xml) or the number
 *    formats (styles.xml, which make a number a date) have not been read yet, and then crashes on
 *    or misreads them. We spool those ourselves and decode them once the zip has been read.
 * Worksheets are also emitted in zip order, not tab order, and exceljs matches a worksheet to its
 * name only when workbook.xml came first and the relationship target is relative; we resolve
 * names from workbook.xml and its relationships ourselves, accepting absolute targets.
 * Memory stays flat: rows are decoded as the XML streams, spooled sheets go to disk.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { InputError } from "../errors.js";
import { isDateFormat } from "./xlsx-cells.js";
import { iterateStream, parseSax, type RawWorkbookReader, type RawWorksheet } from "./xlsx-exceljs.js";
import { readSheetRows, type SheetContext, type SheetRow } from "./xlsx-sheet-reader.js";
import { readSharedStrings } from "./xlsx-strings.js";

export interface WorksheetInfo {
  readonly name: string;
  readonly hidden: boolean;
  /** N of `xl/worksheets/sheetN.xml`, the only worksheet parts exceljs reads. */
  readonly partNumber: string | undefined;
}

/** First yielded item: which sheet the rows come from. */
export interface SheetStart {
  readonly sheetName: string;
}

const WORKSHEET_TYPE = /\/relationships\/worksheet$/;
const WORKSHEET_PART = /^worksheets\/sheet(\d+)\.xml$/;

/** The workbook's worksheets in tab order (chart sheets left out). */
export function listWorksheets(reader: RawWorkbookReader): WorksheetInfo[] {
  const rels = reader.workbookRels ?? [];
  const sheets = reader.model?.sheets ?? [];
  const result: WorksheetInfo[] = [];
  for (const sheet of sheets) {
    const rel = rels.find((r) => r.Id === sheet.rId);
    if (rel && !WORKSHEET_TYPE.test(rel.Type)) continue;
    const target = (rel?.Target ?? "").replace(/^\/+/, "").replace(/^xl\//, "");
    const hidden = sheet.state === "hidden" || sheet.state === "veryHidden";
    result.push({ name: sheet.name, hidden, partNumber: WORKSHEET_PART.exec(target)?.[1] });
  }
  return result;
}

/** The sheet to read; an InputError naming the sheets there are when `wanted` is not one of them. */
export function chooseWorksheet(
  sheets: WorksheetInfo[],
  wanted: string | undefined,
  file: string,
): WorksheetInfo {
  const key = wanted?.trim() ?? "";
  if (sheets.length === 0)
    throw new InputError(`${file} has no worksheets; add a sheet with a header row and data.`);
  if (key === "") return sheets.find((s) => !s.hidden) ?? sheets[0]!;
  const lower = key.toLowerCase();
  const found =
    sheets.find((s) => s.name === key) ??
    sheets.find((s) => s.name.trim() === key) ??
    sheets.find((s) => s.name.trim().toLowerCase() === lower);
  if (found) return found;
  const names = sheets.map((s) => (s.hidden ? `${s.name} (hidden)` : s.name)).join(", ");
  throw new InputError(`${file} has no sheet named ${key}; it has: ${names}.`, { code: "E_SHEET" });
}

function sheetContext(reader: RawWorkbookReader): SheetContext {
  const dateStyles = new Map<number, boolean>();
  return {
    sharedStrings: (reader.sharedStrings ?? []) as (string | null)[],
    date1904: reader.properties?.model?.date1904 === true,
    isDateStyle(styleIndex) {
      let isDate = dateStyles.get(styleIndex);
      if (isDate === undefined) {
        isDate = isDateFormat(reader.styles.getStyleModel(styleIndex)?.numFmt ?? "");
        dateStyles.set(styleIndex, isDate);
      }
      return isDate;
    },
  };
}

/**
 * Replaces exceljs's shared-strings parser (which mangles phonetic guides and indented XML) with
 * ours; it still runs at the same point of exceljs's parse, so its spooling decisions are unchanged.
 */
function useOwnSharedStrings(reader: RawWorkbookReader): void {
  reader._parseSharedStrings = async function* sharedStrings(entry) {
    this._emitEntry({ type: "shared-strings" });
    this.sharedStrings = await readSharedStrings(parseSax, iterateStream(entry));
    yield* [];
  };
}

/**
 * A worksheet we pass over. exceljs drains a zip entry itself, but a worksheet it spooled comes as
 * an open file stream that nobody would close.
 */
function discard(sheet: RawWorksheet): void {
  const stream = sheet.iterator as Partial<Readable>;
  if (typeof stream.destroy === "function") stream.destroy();
}

/**
 * Streams the chosen worksheet: a SheetStart, then its rows in file order (empty ones included).
 * Throws InputError when the file is a zip but not a workbook or has no such sheet.
 */
export async function* streamWorksheet(
  reader: RawWorkbookReader,
  wanted: string | undefined,
  file: string,
): AsyncGenerator<SheetStart | SheetRow> {
  const seen = { workbook: false, styles: false, partNumber: undefined as string | undefined };
  reader.on("entry", (entry) => {
    if (entry.type === "workbook") seen.workbook = true;
    else if (entry.type === "styles") seen.styles = true;
    else if (entry.type === "worksheet") seen.partNumber = entry.id;
  });
  useOwnSharedStrings(reader);
  // exceljs reads `model.sheets` when it meets a worksheet; before workbook.xml it would crash.
  reader.model ??= { sheets: [] };

  const spooled = new Map<string, string>();
  let spoolDir: string | undefined;
  const spool = async (sheet: RawWorksheet, partNumber: string): Promise<void> => {
    spoolDir ??= await mkdtemp(join(tmpdir(), "ctdial-xlsx-"));
    const path = join(spoolDir, `sheet${partNumber}.xml`);
    await pipeline(Readable.from(sheet.iterator), createWriteStream(path));
    spooled.set(partNumber, path);
  };

  try {
    let delivered = false;
    for await (const event of reader.parse()) {
      if (event.eventType !== "worksheet" || seen.partNumber === undefined) continue;
      const sheet = event.value as RawWorksheet;
      const partNumber = seen.partNumber;
      if (delivered) {
        discard(sheet);
        continue;
      }
      if (!seen.workbook) {
        await spool(sheet, partNumber);
        continue;
      }
      const chosen = chooseWorksheet(listWorksheets(reader), wanted, file);
      if (chosen.partNumber !== partNumber) {
        discard(sheet);
        continue;
      }
      if (!seen.styles) {
        await spool(sheet, partNumber);
        continue;
      }
      yield { sheetName: chosen.name };
      yield* readSheetRows(parseSax, sheet.iterator, sheetContext(reader));
      // Read on to the end of the zip so that exceljs removes the temporary files it made.
      delivered = true;
    }
    if (delivered) return;
    if (!seen.workbook) {
      throw new InputError(
        `${file} is a zip archive but not an .xlsx workbook; open it in Excel or LibreOffice and save it as .xlsx.`,
      );
    }
    const chosen = chooseWorksheet(listWorksheets(reader), wanted, file);
    const path = chosen.partNumber === undefined ? undefined : spooled.get(chosen.partNumber);
    if (path === undefined) {
      throw new InputError(
        `${file}: sheet ${chosen.name} is missing from the file or stored in a way ctdial cannot read; open the file in Excel or LibreOffice and save it again.`,
      );
    }
    yield { sheetName: chosen.name };
    yield* readSheetRows(parseSax, createReadStream(path), sheetContext(reader));
  } finally {
    if (spoolDir !== undefined) await rm(spoolDir, { recursive: true, force: true });
  }
}
