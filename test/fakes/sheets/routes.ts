/** The Sheets API v4 endpoints the fake answers, each with Google's response shape. */
import { parseA1 } from "./a1.js";
import { ERRORS } from "./errors.js";
import { applyFields, parseFields } from "./fields.js";
import { type DateRender, gridData, rangeText, readValues, type ValueRender, writeValues } from "./grid.js";
import type { FakeSpreadsheet } from "./model.js";

export type RequestKind = "read" | "write";

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly kind: RequestKind;
  run(
    sheet: FakeSpreadsheet,
    path: string,
    url: URL,
    body: unknown,
  ): {
    status: number;
    body: unknown;
    detail?: string;
  };
}

function tabOf(sheet: FakeSpreadsheet, rangeTextIn: string) {
  const range = parseA1(rangeTextIn);
  if (range === undefined) throw new RangeError(rangeTextIn);
  const tab = range.title === undefined ? sheet.tabs[0] : sheet.tabs.find((t) => t.title === range.title);
  if (tab === undefined) throw new RangeError(rangeTextIn);
  return { tab, range };
}

function valueRange(sheet: FakeSpreadsheet, text: string, url: URL) {
  const { tab, range } = tabOf(sheet, text);
  const values = readValues(
    tab,
    range,
    (url.searchParams.get("valueRenderOption") ?? "FORMATTED_VALUE") as ValueRender,
    (url.searchParams.get("dateTimeRenderOption") ?? "SERIAL_NUMBER") as DateRender,
  );
  const out: Record<string, unknown> = { range: rangeText(tab, range), majorDimension: "ROWS" };
  if (values.length > 0) out.values = values;
  return out;
}

function masked(url: URL, value: unknown): unknown {
  const fields = url.searchParams.get("fields");
  return fields === null ? value : applyFields(value, parseFields(fields));
}

export const ROUTES: Route[] = [
  {
    method: "GET",
    pattern: /^\/v4\/spreadsheets\/([^/:]+)$/,
    kind: "read",
    run(sheet, _path, url) {
      const ranges = url.searchParams.getAll("ranges").map((text) => tabOf(sheet, text));
      const withData = url.searchParams.get("includeGridData") === "true";
      const tabs =
        ranges.length === 0 ? sheet.tabs : sheet.tabs.filter((t) => ranges.some((r) => r.tab === t));
      const body = {
        spreadsheetId: sheet.spreadsheetId,
        properties: {
          title: sheet.title,
          locale: sheet.locale,
          timeZone: sheet.timeZone,
          autoRecalc: "ON_CHANGE",
        },
        sheets: tabs.map((tab) => {
          const entry: Record<string, unknown> = {
            properties: {
              sheetId: tab.sheetId,
              title: tab.title,
              index: sheet.tabs.indexOf(tab),
              sheetType: "GRID",
              gridProperties: { rowCount: tab.rowCount, columnCount: tab.columnCount },
            },
          };
          if (withData) {
            const mine = ranges.filter((r) => r.tab === tab).map((r) => r.range);
            const all =
              mine.length > 0
                ? mine
                : [
                    {
                      title: undefined,
                      startRow: 0,
                      endRow: undefined,
                      startColumn: 0,
                      endColumn: undefined,
                    },
                  ];
            entry.data = all.map((range) => gridData(tab, range));
          }
          return entry;
        }),
        spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${sheet.spreadsheetId}/edit`,
      };
      return { status: 200, body: masked(url, body) };
    },
  },
  {
    method: "GET",
    pattern: /^\/v4\/spreadsheets\/([^/:]+)\/values:batchGet$/,
    kind: "read",
    run(sheet, _path, url) {
      const valueRanges = url.searchParams.getAll("ranges").map((text) => valueRange(sheet, text, url));
      return { status: 200, body: masked(url, { spreadsheetId: sheet.spreadsheetId, valueRanges }) };
    },
  },
  {
    method: "GET",
    pattern: /^\/v4\/spreadsheets\/([^/:]+)\/values\/(.+)$/,
    kind: "read",
    run(sheet, path, url) {
      const text = /\/values\/(.+)$/.exec(path)?.[1] ?? "";
      return { status: 200, body: masked(url, valueRange(sheet, text, url)) };
    },
  },
  {
    method: "POST",
    pattern: /^\/v4\/spreadsheets\/([^/:]+)\/values:batchUpdate$/,
    kind: "write",
    run(sheet, _path, _url, body) {
      const { valueInputOption, data } = body as {
        valueInputOption?: "RAW" | "USER_ENTERED";
        data?: { range: string; values?: unknown[][] }[];
      };
      if (valueInputOption !== "RAW" && valueInputOption !== "USER_ENTERED") {
        return ERRORS.invalid("Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED");
      }
      // All ranges are checked before any is written: a failed batch changes nothing.
      const targets = (data ?? []).map((item) => ({
        ...tabOf(sheet, item.range),
        values: item.values ?? [],
      }));
      for (const t of targets) writeValues({ ...t.tab, rows: [] }, t.range, t.values, valueInputOption);
      let cells = 0;
      for (const t of targets) cells += writeValues(t.tab, t.range, t.values, valueInputOption);
      return {
        status: 200,
        body: { spreadsheetId: sheet.spreadsheetId, totalUpdatedCells: cells, totalUpdatedSheets: 1 },
        detail: `${targets.length} ranges, ${cells} cells`,
      };
    },
  },
  {
    method: "POST",
    pattern: /^\/v4\/spreadsheets\/([^/:]+):batchUpdate$/,
    kind: "write",
    run(sheet, _path, _url, body) {
      const requests = (body as { requests?: Record<string, Record<string, unknown>>[] }).requests ?? [];
      if (requests.length === 0) return ERRORS.invalid("Must specify at least one request.");
      for (const request of requests) {
        const append = request.appendDimension as
          | { sheetId: number; dimension: string; length: number }
          | undefined;
        if (append === undefined)
          return ERRORS.invalid(`fake: unsupported request ${Object.keys(request)[0]}`);
        const tab = sheet.tabs.find((t) => t.sheetId === append.sheetId);
        if (tab === undefined) return ERRORS.invalid(`No grid with id: ${append.sheetId}`);
        if (append.dimension === "COLUMNS") tab.columnCount += append.length;
        else tab.rowCount += append.length;
      }
      return {
        status: 200,
        body: { spreadsheetId: sheet.spreadsheetId, replies: requests.map(() => ({})) },
        detail: requests.map((r) => Object.keys(r)[0]).join(","),
      };
    },
  },
];
