/**
 * The XLSX source streams: rows come out while the archive is still being read, so memory does
 * not grow with the file. Checked on a generated 100,000-row workbook whose parts come in the
 * order Apache POI writes them (everything a worksheet needs before it), the order in which a
 * worksheet is decoded as it streams by rather than spooled to disk first. It has no styles.xml,
 * which is optional: every cell then has the General format.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkbookReader } from "../../../src/sources/xlsx/exceljs.js";
import { openXlsx } from "../../../src/sources/xlsx/open-xlsx.js";
import { streamWorksheet } from "../../../src/sources/xlsx/workbook.js";

const ROWS = 100_000;
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A zip archive with stored (uncompressed) entries, so file offsets follow the XML. */
function storedZip(entries: [string, string][]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, "utf8");
    const nameBytes = Buffer.from(name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt32LE(crc32(data), 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(data.length, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    record.writeUInt32LE(offset, 42);
    parts.push(header, nameBytes, data);
    central.push(record, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

function bigWorkbook(): Buffer {
  const rows: string[] = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'];
  for (let r = 2; r <= ROWS + 1; r++) {
    rows.push(
      `<row r="${r}"><c r="A${r}"><v>${79990000000 + r}</v></c><c r="B${r}" t="s"><v>2</v></c></row>`,
    );
  }
  return storedZip([
    ["[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    [
      "xl/workbook.xml",
      `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Клиенты" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    [
      "xl/sharedStrings.xml",
      `<sst ${NS}><si><t>Телефон</t></si><si><t>Имя</t></si><si><t>Клиент</t></si></sst>`,
    ],
    ["xl/worksheets/sheet1.xml", `<worksheet ${NS}><sheetData>${rows.join("")}</sheetData></worksheet>`],
  ]);
}

describe("streaming", () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ctdial-xlsx-test-"));
    file = join(dir, "big.xlsx");
    await writeFile(file, bigWorkbook());
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("gives the first rows after reading a small part of the file", async () => {
    const input = createReadStream(file);
    const items = streamWorksheet(createWorkbookReader(file), input, undefined, file);
    const first = [];
    for await (const item of items) {
      first.push(item);
      if (first.length === 3) break;
    }
    input.destroy();
    const { size } = await stat(file);
    expect(first[0]).toEqual({ sheetName: "Клиенты" });
    expect(first[2]).toEqual({ rowNumber: 2, cells: [79990000002, "Клиент"] });
    expect(size).toBeGreaterThan(5_000_000);
    expect(input.bytesRead).toBeLessThan(size / 10);
  });

  it("reads every row of a large sheet", async () => {
    const source = await openXlsx(file);
    let count = 0;
    let last = 0;
    for await (const row of source.rows()) {
      count++;
      last = row.rowNumber;
    }
    await source.close();
    expect(count).toBe(ROWS);
    expect(last).toBe(ROWS + 1);
  });
});
