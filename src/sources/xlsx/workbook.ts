/**
 * Streams the rows of one worksheet of an .xlsx file: the one named by the user, else the first
 * visible one in tab order. The zip is read front to back once (zip.ts).
 *
 * Parts arrive in whatever order the writing program chose: Excel and LibreOffice put the
 * worksheets before the shared strings, exceljs puts workbook.xml last. A worksheet can only be
 * decoded once the sheet names, the shared strings and the number formats it refers to are
 * known (the relationships of workbook.xml say which of those the file has), so a worksheet that
 * comes earlier is spooled to a temporary file and decoded at the end. exceljs's own reader gets
 * this wrong: it decodes a worksheet before styles.xml has been read (its dates come out as
 * numbers), crashes when workbook.xml comes after the shared strings, and names a worksheet only
 * when its relationship target is relative. Worksheets are matched to tab names here through
 * the relationships, so tab order, part numbers and zip order may all differ.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { InputError } from "../../errors.js";
import { formatShowsTime, isDateFormat } from "./cells.js";
import { iterateStream, type RawWorkbookReader, type ZipEntry } from "./exceljs.js";
import { CellTooLongError, parseSaxBounded as parseSax } from "./sax.js";
import { findSharedStringCell } from "./shared-cell.js";
import { readSheetRows, type SheetContext, type SheetExtent, type SheetRow } from "./sheet-reader.js";
import { makeSpoolDir, removeSpoolDir } from "./spool-dir.js";
import { SpoolGuard } from "./spool-guard.js";
import { readSharedStrings } from "./strings.js";
import { readWorkbookXml, type WorkbookXml } from "./workbook-xml.js";
import { zipEntries } from "./zip.js";

export interface WorksheetInfo {
  readonly name: string;
  readonly hidden: boolean;
  /** Zip path of the worksheet part, lower-cased (OPC part names are case-insensitive). */
  readonly part: string | undefined;
}

/** First yielded item: which sheet the rows come from. */
export interface SheetStart {
  readonly sheetName: string;
}

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

/** A relationship target of workbook.xml as a zip path: relative to `xl/`, or absolute. */
function partPath(target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  return path.toLowerCase();
}

function relatedPart(reader: RawWorkbookReader, type: string): string | undefined {
  const rel = reader.workbookRels?.find((r) => r.Type.endsWith(`/relationships/${type}`));
  return rel ? partPath(rel.Target) : undefined;
}

/** The workbook's worksheets in tab order (chart sheets left out). */
export function listWorksheets(reader: RawWorkbookReader, workbook: WorkbookXml): WorksheetInfo[] {
  const rels = reader.workbookRels ?? [];
  const result: WorksheetInfo[] = [];
  for (const sheet of workbook.sheets) {
    const rel = rels.find((r) => r.Id === sheet.rId);
    if (rel && !rel.Type.endsWith("/relationships/worksheet")) continue;
    const hidden = sheet.state === "hidden" || sheet.state === "veryHidden";
    result.push({ name: sheet.name, hidden, part: rel ? partPath(rel.Target) : undefined });
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
  if (sheets.length === 0) throw new InputError({ code: "E_INPUT_NO_SHEETS", params: { file } });
  if (key === "") return sheets.find((s) => !s.hidden) ?? sheets[0]!;
  const lower = key.toLowerCase();
  const found =
    sheets.find((s) => s.name === key) ??
    sheets.find((s) => s.name.trim() === key) ??
    sheets.find((s) => s.name.trim().toLowerCase() === lower);
  if (found) return found;
  throw new InputError({
    code: "E_SHEET",
    params: {
      file,
      sheet: key,
      sheets: sheets.map((s) => s.name),
      hidden: sheets.filter((s) => s.hidden).map((s) => s.name),
    },
  });
}

function sheetContext(
  reader: RawWorkbookReader | undefined,
  workbook: WorkbookXml,
  sharedStrings: readonly (string | null)[],
): SheetContext {
  const dateStyles = new Map<number, boolean>();
  const timeStyles = new Map<number, boolean>();
  const formatOf = (styleIndex: number): string => reader?.styles.getStyleModel(styleIndex)?.numFmt ?? "";
  return {
    sharedStrings,
    date1904: workbook.date1904,
    isDateStyle(styleIndex) {
      // Without styles.xml (it is optional) every cell has the General format.
      if (reader === undefined) return false;
      let isDate = dateStyles.get(styleIndex);
      if (isDate === undefined) {
        isDate = isDateFormat(formatOf(styleIndex));
        dateStyles.set(styleIndex, isDate);
      }
      return isDate;
    },
    showsTime(styleIndex) {
      let shows = timeStyles.get(styleIndex);
      if (shows === undefined) {
        shows = formatShowsTime(formatOf(styleIndex));
        timeStyles.set(styleIndex, shows);
      }
      return shows;
    },
  };
}

/**
 * Streams the chosen worksheet: a SheetStart, then its rows in file order (empty ones included).
 * Throws InputError when the file is a zip but not a workbook, or has no such sheet.
 */
export async function* streamWorksheet(
  reader: RawWorkbookReader,
  input: Readable,
  wanted: string | undefined,
  file: string,
): AsyncGenerator<SheetStart | SheetExtent | SheetRow> {
  let workbook: WorkbookXml | undefined;
  let relsRead = false;
  let stylesRead = false;
  let sharedStrings: (string | null)[] | undefined;
  const spooled = new Map<string, string>();
  let spoolDir: string | undefined;

  const isPart = (path: string, type: string, fallback: string): boolean =>
    path === (relsRead ? relatedPart(reader, type) : fallback);
  /** Everything a worksheet may refer to has been read. */
  const ready = (): boolean =>
    workbook !== undefined &&
    relsRead &&
    (sharedStrings !== undefined || relatedPart(reader, "sharedStrings") === undefined) &&
    (stylesRead || relatedPart(reader, "styles") === undefined);
  const spool = async (entry: ZipEntry, part: string): Promise<void> => {
    spoolDir ??= await makeSpoolDir();
    const path = join(spoolDir, `part${spooled.size}.xml`);
    try {
      await pipeline(entry, new SpoolGuard(), createWriteStream(path));
    } catch (error) {
      throw error instanceof CellTooLongError ? error.at({ sheet: sheetNameOf(part) }) : error;
    }
    spooled.set(part, path);
  };

  /** The tab a worksheet part is, once workbook.xml and its relationships have been read. */
  const sheetNameOf = (part: string): string | undefined =>
    workbook === undefined || !relsRead
      ? undefined
      : listWorksheets(reader, workbook).find((sheet) => sheet.part === part)?.name;
  /**
   * A shared string too long for a cell: which cell of the chosen sheet shows it, when that sheet
   * was spooled before the shared strings (as Excel orders its parts).
   */
  const placeSharedString = async (error: CellTooLongError): Promise<CellTooLongError> => {
    const index = error.place.sharedString;
    if (index === undefined || workbook === undefined || !relsRead) return error;
    const chosen = chooseWorksheet(listWorksheets(reader, workbook), wanted, file);
    const spoolPath = chosen.part === undefined ? undefined : spooled.get(chosen.part);
    if (spoolPath === undefined) return error;
    const ref = await findSharedStringCell(parseSax, createReadStream(spoolPath), index);
    return ref === undefined ? error : error.at({ ref, sheet: chosen.name });
  };

  try {
    for await (const entry of zipEntries(input)) {
      const path = entry.path.replace(/^\/+/, "").toLowerCase();
      if (path === WORKBOOK) {
        workbook = await readWorkbookXml(parseSax, iterateStream(entry));
      } else if (path === WORKBOOK_RELS) {
        await reader._parseRels(entry);
        relsRead = true;
      } else if (isPart(path, "sharedStrings", "xl/sharedstrings.xml")) {
        try {
          sharedStrings = await readSharedStrings(parseSax, iterateStream(entry));
        } catch (error) {
          throw error instanceof CellTooLongError ? await placeSharedString(error) : error;
        }
      } else if (isPart(path, "styles", "xl/styles.xml")) {
        await reader._parseStyles(entry);
        stylesRead = true;
      } else if (!path.startsWith("xl/worksheets/") || !path.endsWith(".xml")) {
        entry.autodrain();
      } else if (workbook === undefined || !relsRead) {
        await spool(entry, path);
      } else if (chooseWorksheet(listWorksheets(reader, workbook), wanted, file).part !== path) {
        entry.autodrain();
      } else if (!ready()) {
        await spool(entry, path);
      } else {
        yield { sheetName: chooseWorksheet(listWorksheets(reader, workbook), wanted, file).name };
        yield* readSheetRows(
          parseSax,
          iterateStream(entry),
          sheetContext(stylesRead ? reader : undefined, workbook, sharedStrings ?? []),
        );
        return;
      }
    }
    if (workbook === undefined) {
      throw new InputError({ code: "E_INPUT_NOT_XLSX", params: { file, kind: "zip" } });
    }
    const chosen = chooseWorksheet(listWorksheets(reader, workbook), wanted, file);
    const spoolPath = chosen.part === undefined ? undefined : spooled.get(chosen.part);
    if (spoolPath === undefined) {
      throw new InputError({ code: "E_INPUT_SHEET_MISSING", params: { file, sheet: chosen.name } });
    }
    yield { sheetName: chosen.name };
    yield* readSheetRows(
      parseSax,
      createReadStream(spoolPath),
      sheetContext(stylesRead ? reader : undefined, workbook, sharedStrings ?? []),
    );
  } finally {
    if (spoolDir !== undefined) await removeSpoolDir(spoolDir);
  }
}
