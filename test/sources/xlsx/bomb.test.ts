/**
 * Texts longer than a cell may hold (Excel: 32,767 characters) are refused as soon as they are seen,
 * naming the cell, before the text is built: a 3 MB workbook whose one cell inflates to 3 GB must not
 * take the memory of 3 GB. The bombs here are smaller (30 million characters) and end in broken XML
 * right after the long text: a reader that read the text to its end would meet the break and call the
 * file damaged instead.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import type { SourceRow } from "../../../src/sources/types.js";
import { openXlsx } from "../../../src/sources/xlsx/open-xlsx.js";
import { parseSaxBounded } from "../../../src/sources/xlsx/sax.js";
import { readSharedStrings, SharedTextTooLargeError } from "../../../src/sources/xlsx/strings.js";
import { excelOrder, type Part, poiOrder, sharedStrings, sheet, writeZip } from "./bomb.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctdial-xlsx-bomb-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BOMB_CHARS = 30_000_000;
const TOO_LONG =
  "holds more than 32,767 characters, the most Excel allows in a cell; open the file in Excel or LibreOffice, shorten or clear that cell, and save it again.";

async function readAll(path: string): Promise<SourceRow[]> {
  const source = await openXlsx(path);
  const rows: SourceRow[] = [];
  try {
    for await (const row of source.rows()) rows.push(row);
  } finally {
    await source.close();
  }
  return rows;
}

async function failure(path: string): Promise<InputError> {
  const error = await readAll(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

/** Bytes no XML parser gets past: only a reader that went on after the long text would see them. */
const BROKEN = "<<<";

async function bomb(name: string, entries: [string, Part][]): Promise<string> {
  const path = join(dir, name);
  await writeZip(path, entries);
  return path;
}

const inlineBomb = (count: number, unit = "A", tail = ""): Part =>
  sheet({ before: '<c r="C7" t="inlineStr"><is><t>', repeat: unit, count, after: `${tail}</t></is></c>` });

describe("a cell longer than Excel allows", () => {
  it("in the shared strings (Excel's part order): refused at once, naming the cell that shows it", async () => {
    const strings = sharedStrings({
      before: "<si><t>x</t></si><si><t>",
      repeat: "A",
      count: BOMB_CHARS,
      after: `${BROKEN}</t></si>`,
    });
    const path = await bomb("shared.xlsx", excelOrder(sheet('<c r="C7" t="s"><v>1</v></c>'), strings));
    expect((await failure(path)).message).toBe(`${path}, sheet Лист1, cell C7 ${TOO_LONG}`);
  });

  it("inline, in a worksheet that is spooled before its parts: refused while spooling, naming the cell", async () => {
    const path = await bomb("inline-spooled.xlsx", excelOrder(inlineBomb(BOMB_CHARS, "A", BROKEN)));
    expect((await failure(path)).message).toBe(`${path}, sheet Лист1, cell C7 ${TOO_LONG}`);
  });

  it("inline, in a worksheet read as it streams: refused at once, naming the cell", async () => {
    const path = await bomb("inline-streamed.xlsx", poiOrder(inlineBomb(BOMB_CHARS, "Ж", BROKEN)));
    expect((await failure(path)).message).toBe(`${path}, sheet Лист1, cell C7 ${TOO_LONG}`);
  });

  it("in many short rich-text runs that only together pass the limit", async () => {
    const path = join(dir, "runs.xlsx");
    const runs = sheet({
      before: '<c r="C7" t="inlineStr"><is>',
      repeat: `<r><t>${"a".repeat(1000)}</t></r>`,
      count: 40,
      after: "</is></c>",
    });
    await writeZip(path, poiOrder(runs));
    expect((await failure(path)).message).toBe(`${path}, sheet Лист1, cell C7 ${TOO_LONG}`);
  });

  it("accepts exactly 32,767 characters, and counts an _xHHHH_ escape as the one character it is", async () => {
    const exact = join(dir, "exact.xlsx");
    await writeZip(exact, poiOrder(inlineBomb(32_767)));
    expect((await readAll(exact))[0]?.cells[2]).toHaveLength(32_767);

    const escaped = join(dir, "escaped.xlsx");
    await writeZip(escaped, poiOrder(inlineBomb(32_767, "_x000D_")));
    expect((await readAll(escaped))[0]?.cells[2]).toBe("\r".repeat(32_767));

    const over = join(dir, "over.xlsx");
    await writeZip(over, poiOrder(inlineBomb(32_768)));
    expect((await failure(over)).message).toBe(`${over}, sheet Лист1, cell C7 ${TOO_LONG}`);
  });
});

describe("text split between inflated chunks", () => {
  it("keeps a Cyrillic letter whose bytes fall into two chunks", async () => {
    // 300,000 bytes of Cyrillic: the inflater's 16 KiB chunks split letters many times over.
    const path = join(dir, "cyrillic.xlsx");
    const text = "Жёлтый дом ".repeat(15_000).slice(0, 32_000);
    await writeZip(path, poiOrder(sheet(`<c r="C7" t="inlineStr"><is><t>${text}</t></is></c>`)));
    const cell = (await readAll(path))[0]?.cells[2];
    expect(cell).toBe(text);
    expect(String(cell)).not.toContain("\uFFFD");
  });
});

describe("the bombs of these tests", () => {
  it("are damaged XML past the long text, so only an early refusal names the cell", async () => {
    // The same broken tail after a short text: the reader reaches it and calls the file damaged.
    const path = await bomb("short-broken.xlsx", poiOrder(inlineBomb(10, "A", BROKEN)));
    expect((await failure(path)).message).toMatch(/is damaged and cannot be read as an \.xlsx workbook/);
  });
});

describe("other texts no spreadsheet holds", () => {
  it("a cell past column XFD: the file is damaged", async () => {
    const path = await bomb(
      "past-xfd.xlsx",
      poiOrder(sheet('<c r="XFE7" t="inlineStr"><is><t>x</t></is></c>')),
    );
    expect((await failure(path)).message).toBe(
      `${path} is damaged and cannot be read as an .xlsx workbook (cell XFE7 is past column XFD, the last one Excel has); open it in Excel or LibreOffice and save it again.`,
    );
  });

  it("shared strings that together pass the limit, each under a cell's", async () => {
    const xml = `<sst><si><t>${"a".repeat(600)}</t></si><si><t>${"b".repeat(600)}</t></si></sst>`;
    const chunks = async function* (): AsyncGenerator<Buffer> {
      yield Buffer.from(xml);
    };
    const read = readSharedStrings(parseSaxBounded, chunks(), 1000);
    await expect(read).rejects.toBeInstanceOf(SharedTextTooLargeError);
    await expect(readSharedStrings(parseSaxBounded, chunks(), 1200)).resolves.toHaveLength(2);
  });
});
