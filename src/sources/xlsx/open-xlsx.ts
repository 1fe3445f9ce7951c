/**
 * The XLSX source: one worksheet of an .xlsx workbook, streamed row by row, each cell as the
 * person who made the file sees it (see sheet-reader.ts for how, and for the exceljs
 * streaming-reader bugs this works around). Headers are the first non-empty row.
 */
import { createReadStream } from "node:fs";
import { InputError, isCtdialError } from "../../errors.js";
import { assertCellsHaveHeaders, assertUniqueHeaders, headerNames } from "../grid-headers.js";
import { type Cell, isBlank, type Source, type SourceRow } from "../types.js";
import { createWorkbookReader } from "./exceljs.js";
import { CellTooLongError, MAX_CELL_CHARS } from "./sax.js";
import type { SheetExtent, SheetRow } from "./sheet-reader.js";
import { assertLooksLikeXlsx } from "./sniff.js";
import { SharedTextTooLargeError } from "./strings.js";
import { type SheetStart, streamWorksheet } from "./workbook.js";

export interface OpenXlsxOptions {
  /** The tab to read, by name (trimmed; case-insensitive if no exact match). Default: the first visible tab. */
  sheet?: string;
}

/** What went wrong inside exceljs / the zip / the XML, said in the terms of the user's file. */
function damaged(file: string, error: unknown): InputError {
  const reason = error instanceof Error ? error.message : String(error);
  if (/FILE_ENDED|unexpected end|premature/i.test(reason)) {
    return new InputError({ code: "E_INPUT_DAMAGED", params: { file, incomplete: true } }, { cause: error });
  }
  return new InputError({ code: "E_INPUT_DAMAGED", params: { file, detail: reason } }, { cause: error });
}

function isEmptyRow(cells: readonly Cell[]): boolean {
  return cells.every((cell) => isBlank(cell));
}

/**
 * "clients.xlsx, sheet Лист1, cell C7 holds more than 32,767 characters, ...": a text too long for a
 * cell, placed as precisely as the reader could.
 */
function tooLong(file: string, error: CellTooLongError, sheetRead: string | undefined): InputError {
  const { ref, sharedString } = error.place;
  const sheet = error.place.sheet ?? sheetRead;
  return new InputError(
    {
      code: "E_INPUT_CELL_TOO_LONG",
      params: {
        file,
        limit: MAX_CELL_CHARS,
        ...(sheet === undefined ? {} : { sheet }),
        ...(ref === undefined ? {} : { cell: ref }),
        ...(sharedString === undefined ? {} : { sharedString }),
      },
    },
    { cause: error },
  );
}

/** Wraps the raw stream so that everything it throws is a one-sentence InputError. */
async function* userFacing(
  items: AsyncGenerator<SheetStart | SheetExtent | SheetRow>,
  file: string,
): AsyncGenerator<SheetStart | SheetExtent | SheetRow> {
  let sheetName: string | undefined;
  try {
    for await (const item of items) {
      if ("sheetName" in item) sheetName = item.sheetName;
      yield item;
    }
  } catch (error) {
    if (error instanceof CellTooLongError) throw tooLong(file, error, sheetName);
    if (error instanceof SharedTextTooLargeError) {
      throw new InputError(
        { code: "E_INPUT_TOO_LARGE", params: { file, limit: error.limit } },
        { cause: error },
      );
    }
    throw isCtdialError(error) ? error : damaged(file, error);
  }
}

export async function openXlsx(path: string, options: OpenXlsxOptions = {}): Promise<Source> {
  await assertLooksLikeXlsx(path);
  const input = createReadStream(path);
  const items = userFacing(streamWorksheet(createWorkbookReader(path), input, options.sheet, path), path);
  const close = async (): Promise<void> => {
    try {
      await items.return(undefined);
    } finally {
      input.destroy();
    }
  };

  try {
    let sheetName = "";
    let lastRow: number | undefined;
    let headerRow: SheetRow | undefined;
    for (let next = await items.next(); !next.done; next = await items.next()) {
      const item = next.value;
      if ("sheetName" in item) sheetName = item.sheetName;
      else if ("lastRow" in item) lastRow = item.lastRow;
      else if (!isEmptyRow(item.cells)) {
        headerRow = item;
        break;
      }
    }
    if (headerRow === undefined) {
      throw new InputError({ code: "E_EMPTY", params: { file: path, sheet: sheetName } });
    }
    const where = { file: path, sheet: sheetName };
    const headers = headerNames(headerRow.cells);
    const headerRowNumber = headerRow.rowNumber;
    assertUniqueHeaders(headers, headerRowNumber, where);

    let started = false;
    async function* rows(): AsyncGenerator<SourceRow> {
      for await (const item of items) {
        if (!("cells" in item) || isEmptyRow(item.cells)) continue;
        assertCellsHaveHeaders(headers, headerRowNumber, item, where);
        yield item;
      }
    }
    return {
      kind: "xlsx",
      headers,
      headerRowNumber,
      sheetName,
      // The rows below the header as the file's used range says; a hint for sizing, as for CSV.
      ...(lastRow !== undefined && lastRow > headerRowNumber
        ? { estimatedRows: lastRow - headerRowNumber }
        : {}),
      rows() {
        // i18n-exempt: only a bug in ctdial iterates a source twice
        if (started) throw new Error("rows() of an XLSX source can be iterated only once");
        started = true;
        return rows();
      },
      close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}
