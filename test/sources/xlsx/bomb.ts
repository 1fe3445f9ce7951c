/**
 * Hostile workbooks for the tests, written on the fly: a small zip whose one text inflates to many
 * megabytes (or gigabytes: the same code made the 3 GB file measured by hand). The repeated part is
 * deflated as a stream, so writing a bomb never holds its inflated text.
 */
import { writeFile } from "node:fs/promises";
import { crc32, createDeflateRaw } from "node:zlib";

/** A part of the zip: plain text, or text with `count` repeats of `repeat` between `before` and `after`. */
export type Part = string | { before: string; repeat: string; count: number; after: string };

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CONTENT_TYPES = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
export const WORKBOOK = `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
export const RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

/** A sheet with a header row and, at C7, `cell` (the XML of one `<c>`, or of its inside). */
export function sheet(cell: Part): Part {
  const before = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Телефон</t></is></c><c r="C1" t="inlineStr"><is><t>Комментарий</t></is></c></row><row r="7"><c r="A7"><v>79991112233</v></c>`;
  const after = "</row></sheetData></worksheet>";
  if (typeof cell === "string") return `${before}${cell}${after}`;
  return { before: before + cell.before, repeat: cell.repeat, count: cell.count, after: cell.after + after };
}

export function sharedStrings(strings: Part): Part {
  const before = `<sst ${NS}>`;
  if (typeof strings === "string") return `${before}${strings}</sst>`;
  return { ...strings, before: before + strings.before, after: `${strings.after}</sst>` };
}

/** Deflates a part as a stream: its CRC, sizes and compressed bytes. */
async function deflatePart(part: Part): Promise<{ crc: number; size: number; packed: Buffer }> {
  const spec = typeof part === "string" ? { before: part, repeat: "", count: 0, after: "" } : part;
  const deflate = createDeflateRaw({ level: 9 });
  const packed: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => packed.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  const put = async (bytes: Buffer): Promise<void> => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once("drain", resolve));
  };
  await put(Buffer.from(spec.before, "utf8"));
  if (spec.count > 0) {
    const perBlock = Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(spec.repeat)));
    const block = Buffer.from(spec.repeat.repeat(perBlock), "utf8");
    let left = spec.count;
    for (; left >= perBlock; left -= perBlock) await put(block);
    if (left > 0) await put(Buffer.from(spec.repeat.repeat(left), "utf8"));
  }
  await put(Buffer.from(spec.after, "utf8"));
  deflate.end();
  await ended;
  return { crc, size, packed: Buffer.concat(packed) };
}

/** Writes a zip of deflated entries in the given order (the order decides what the reader spools). */
export async function writeZip(path: string, entries: readonly [string, Part][]): Promise<void> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, part] of entries) {
    const { crc, size, packed } = await deflatePart(part);
    if (size >= 2 ** 32) throw new Error("writeZip writes no ZIP64: keep an entry under 4 GiB");
    const nameBytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(path, Buffer.concat([...locals, directory, end]));
}

/** A workbook in Excel's part order (worksheets before the shared strings): the sheet is spooled. */
export function excelOrder(sheetPart: Part, strings: Part = sharedStrings("")): [string, Part][] {
  return [
    ["[Content_Types].xml", CONTENT_TYPES],
    ["xl/workbook.xml", WORKBOOK],
    ["xl/_rels/workbook.xml.rels", RELS],
    ["xl/worksheets/sheet1.xml", sheetPart],
    ["xl/sharedStrings.xml", strings],
  ];
}

/** A workbook in Apache POI's order (everything a sheet needs first): the sheet is read as it streams. */
export function poiOrder(sheetPart: Part, strings: Part = sharedStrings("")): [string, Part][] {
  return [
    ["[Content_Types].xml", CONTENT_TYPES],
    ["xl/workbook.xml", WORKBOOK],
    ["xl/_rels/workbook.xml.rels", RELS],
    ["xl/sharedStrings.xml", strings],
    ["xl/worksheets/sheet1.xml", sheetPart],
  ];
}
