/**
 * Property: any table written by csv-stringify (quotes, delimiters and line breaks inside cells,
 * Cyrillic, spaces at the edges, any newline style, with or without BOM, in UTF-8, UTF-16LE or
 * Windows-1251) reads back through openCsv cell for cell, with each record's starting line.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { openCsv } from "../../../src/sources/csv/open-csv.js";

const dir = mkdtempSync(join(tmpdir(), "ctdial-roundtrip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DELIMITERS = [",", ";", "\t", "|"] as const;
const NEWLINES = { unix: "\n", windows: "\r\n", mac: "\r" } as const;

const cellChar = fc.constantFrom(
  ..."aZ7+() -Яжщё".split(""),
  '"',
  ",",
  ";",
  "\t",
  "|",
  "\r",
  "\n",
  " ",
  "😀",
);
const cell = fc.string({ unit: cellChar, maxLength: 8 });
/** Header names with no delimiter, quote or line break, so the header row alone fixes the delimiter. */
const plainName = fc.string({ unit: fc.constantFrom(..."abcЯжщ 12".split("")), maxLength: 6 });

type Encoding = "utf-8" | "utf-8-bom" | "utf-16le-bom" | "windows-1251";

interface Table {
  header: string[];
  rows: string[][];
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.from(`\ufeff${text}`, "utf8");
    case "utf-16le-bom":
      return iconv.encode(text, "utf-16le", { addBOM: true });
    case "windows-1251":
      return iconv.encode(text, "windows-1251");
  }
}

/**
 * Windows-1251 only where it is unambiguous: every character must exist in it, and ё (0xB8) may not
 * appear, because after Я (0xDF) it forms a valid UTF-8 sequence and the bytes read as UTF-8.
 */
function cp1251Allows(text: string): boolean {
  return !/[ёЁ]/.test(text) && iconv.decode(iconv.encode(text, "windows-1251"), "windows-1251") === text;
}

/** Where each record starts, counted independently of the reader: CRLF, LF and CR are one line each. */
function expectedRows(table: Table): { rowNumber: number; cells: string[] }[] {
  let line = 1 + 1 + lineBreaks(table.header);
  const expected = [];
  for (const row of table.rows) {
    if (row.some((value) => value.trim() !== "")) expected.push({ rowNumber: line, cells: row });
    line += 1 + lineBreaks(row);
  }
  return expected;
}

function lineBreaks(cells: readonly string[]): number {
  return cells.reduce((sum, value) => sum + (value.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}

let fileCounter = 0;

async function roundTrip(
  table: Table,
  delimiter: string,
  newline: keyof typeof NEWLINES,
  encoding: Encoding,
  explicitDelimiter: boolean,
) {
  const text = stringify([table.header, ...table.rows], {
    delimiter,
    record_delimiter: newline,
    quote_record_delimiter: true,
  });
  const usable = encoding === "windows-1251" && !cp1251Allows(text) ? "utf-8" : encoding;
  const path = join(dir, `table-${fileCounter++}.csv`);
  writeFileSync(path, encode(text, usable));
  const source = await openCsv(path, explicitDelimiter ? { delimiter } : {});
  const rows = [];
  for await (const row of source.rows()) rows.push({ rowNumber: row.rowNumber, cells: row.cells });
  return { source, rows };
}

const options = {
  delimiter: fc.constantFrom(...DELIMITERS),
  newline: fc.constantFrom("unix", "windows", "mac") as fc.Arbitrary<keyof typeof NEWLINES>,
  encoding: fc.constantFrom<Encoding>("utf-8", "utf-8-bom", "utf-16le-bom", "windows-1251"),
};

/** A table with at least one non-blank data row (a header alone is an error, tested elsewhere). */
function tableOf(header: fc.Arbitrary<string[]>): fc.Arbitrary<Table> {
  return header
    .chain((names) =>
      fc.record({
        header: fc.constant(names),
        rows: fc.array(fc.array(cell, { minLength: 1, maxLength: names.length + 1 }), {
          minLength: 1,
          maxLength: 6,
        }),
      }),
    )
    .filter((table) => table.rows.some((row) => row.some((value) => value.trim() !== "")));
}

describe("CSV round trip", () => {
  it("reads back any table with a detected delimiter (two or more plain header names)", async () => {
    const header = fc
      .array(plainName, { minLength: 2, maxLength: 4 })
      .map((names) => names.map((name, i) => `${name} #${i + 1}`));
    await fc.assert(
      fc.asyncProperty(
        tableOf(header),
        options.delimiter,
        options.newline,
        options.encoding,
        async (table, d, nl, enc) => {
          const { source, rows } = await roundTrip(table, d, nl, enc, false);
          expect(source.delimiter).toBe(d);
          expect(source.headers).toEqual(table.header.map((name) => name.trim()));
          expect(rows).toEqual(expectedRows(table));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("reads back any table, one column included, when the delimiter is given", async () => {
    const header = fc.uniqueArray(
      cell.filter((name) => name.trim() !== ""),
      { minLength: 1, maxLength: 3, selector: (name) => name.trim().toLowerCase() },
    );
    await fc.assert(
      fc.asyncProperty(
        tableOf(header),
        options.delimiter,
        options.newline,
        options.encoding,
        async (table, d, nl, enc) => {
          const { source, rows } = await roundTrip(table, d, nl, enc, true);
          expect(source.headers).toEqual(table.header.map((name) => name.trim()));
          expect(rows).toEqual(expectedRows(table));
        },
      ),
      { numRuns: 100 },
    );
  });
});
