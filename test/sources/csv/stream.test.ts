/**
 * Files bigger than the 64 KiB sample that detection looks at: what happens after it, and proof that
 * rows are read from disk as they are asked for, not up front.
 */
import { mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { openCsv } from "../../../src/sources/csv/open-csv.js";
import type { SourceRow } from "../../../src/sources/types.js";

const dir = mkdtempSync(join(tmpdir(), "ctdial-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `count` ASCII rows, line 2 onwards: about 40 bytes each. */
function asciiRows(count: number): string {
  let text = "";
  for (let i = 0; i < count; i++) text += `+7 (999) ${String(1000000 + i)};client ${i};city\r\n`;
  return text;
}

async function drain(
  path: string,
  options?: { encoding?: string },
): Promise<{ rows: SourceRow[]; encoding?: string }> {
  const source = await openCsv(path, options);
  const rows: SourceRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return { rows, encoding: source.encoding };
}

describe("openCsv past the detection sample", () => {
  const rowCount = 3000; // ~120 KiB: the interesting bytes lie beyond the first 64 KiB

  it("reads a Windows-1251 row that follows 64 KiB of ASCII", async () => {
    const path = join(dir, "ascii-then-cp1251.csv");
    writeFileSync(
      path,
      iconv.encode(`Phone;Name;City\r\n${asciiRows(rowCount)}8 999 123 45 67;Иван;Москва\r\n`, "cp1251"),
    );
    const { rows, encoding } = await drain(path);
    expect(encoding).toBe("windows-1251");
    expect(rows.at(-1)).toEqual({ rowNumber: rowCount + 2, cells: ["8 999 123 45 67", "Иван", "Москва"] });
  });

  it("reads a UTF-8 row that follows 64 KiB of ASCII", async () => {
    const path = join(dir, "ascii-then-utf8.csv");
    writeFileSync(path, `Phone;Name;City\r\n${asciiRows(rowCount)}8 999 123 45 67;Иван;Москва\r\n`);
    const { rows, encoding } = await drain(path);
    expect(encoding).toBe("utf-8");
    expect(rows.at(-1)?.cells).toEqual(["8 999 123 45 67", "Иван", "Москва"]);
  });

  it("names the line of a Windows-1251 row in a file that began as UTF-8", async () => {
    const path = join(dir, "utf8-then-cp1251.csv");
    const start = Buffer.from(`Телефон;Имя;Город\r\n${asciiRows(rowCount)}`, "utf8");
    writeFileSync(path, Buffer.concat([start, iconv.encode("8 999 123 45 67;Иван;Москва\r\n", "cp1251")]));
    const error = await drain(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `${path}, line ${rowCount + 2}: this line is not valid UTF-8 although the lines before it are; the file mixes encodings, so save it again as UTF-8 (or give its encoding with --encoding).`,
    );
  });

  it("reads such a file when its encoding is given", async () => {
    const path = join(dir, "ascii-forced-cp1251.csv");
    writeFileSync(path, iconv.encode(`Phone;Name\r\n1;Иван\r\n`, "cp1251"));
    const { rows } = await drain(path, { encoding: "cp1251" });
    expect(rows[0]?.cells).toEqual(["1", "Иван"]);
  });

  it("counts lines through a long multi-line cell that crosses chunk boundaries", async () => {
    const path = join(dir, "long-multiline.csv");
    const cell = Array.from({ length: 5000 }, (_, i) => `строка ${i}`).join("\r\n");
    writeFileSync(path, `Телефон;Комментарий\r\n1;"${cell}"\r\n2;после\r\n`);
    const { rows } = await drain(path);
    expect(rows.map((row) => row.rowNumber)).toEqual([2, 5002]);
    expect(rows[0]?.cells[1]).toBe(cell);
  });

  it("names the line where an unclosed quote opens inside a record that spans lines", async () => {
    const path = join(dir, "unclosed-after-multiline.csv");
    // The record starts on line 3; its first cell spans lines 3-4; the unclosed quote opens on line 4.
    writeFileSync(
      path,
      iconv.encode(
        'Телефон;Имя;Комментарий\r\n1;Иван;ок\r\n2;"Анна\r\nМария";"не закрыта\r\n3;Олег;\r\n',
        "cp1251",
      ),
    );
    const error = await drain(path).catch((e: unknown) => e);
    expect((error as InputError).message).toBe(
      `${path}, line 4: a quote (") opened here is never closed; close it or remove it.`,
    );
  });

  it("stops at a cell that runs on for more than a million characters, naming where it starts", async () => {
    const path = join(dir, "runaway-quote.csv");
    writeFileSync(path, `Телефон;Имя\n1;Иван\n2;"Анна\n${asciiRows(30_000)}`);
    const error = await drain(path).catch((e: unknown) => e);
    expect((error as InputError).message).toBe(
      `${path}, line 3: a cell starting here runs on for more than 1,000,000 characters; most likely a quote (") opened here is never closed.`,
    );
  });

  it("says a 200,000-column header has too many columns, not that a quote is never closed", async () => {
    const path = join(dir, "wide-header.csv");
    const header = Array.from({ length: 200_000 }, (_, i) => `Колонка${i}`).join(";");
    writeFileSync(path, `${header}\r\n1;2\r\n`);
    const error = await drain(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `${path}, line 1 has more than 16,384 columns, the most a spreadsheet can hold; check that this is the file you meant and that its delimiter is right (give it with --delimiter).`,
    );
  });

  it("refuses a line of 20,000 short columns, though it is under a million characters", async () => {
    const path = join(dir, "wide-row.csv");
    const wide = Array.from({ length: 20_000 }, (_, i) => String(i)).join(",");
    writeFileSync(path, `Телефон,Имя\n1,Иван\n${wide}\n`);
    const error = await drain(path).catch((e: unknown) => e);
    expect((error as InputError).message).toBe(
      `${path}, line 3 has 20,000 columns, more than the 16,384 a spreadsheet can hold; check that this is the file you meant and that its delimiter is right (give it with --delimiter).`,
    );
  });

  it("says an unquoted line of over a million characters is too long, not an unclosed quote", async () => {
    const path = join(dir, "long-line.csv");
    writeFileSync(path, `Телефон;Имя\n1;${"x".repeat(1_100_000)}\n`);
    const error = await drain(path).catch((e: unknown) => e);
    expect((error as InputError).message).toBe(
      `${path}, line 2 is longer than 1,000,000 characters, which no row of a client base is; check that this is the file you meant and that its lines end with line breaks.`,
    );
  });

  it("reads rows from disk as they are asked for", async () => {
    const path = join(dir, "lazy.csv");
    const last = "9992223344;LAST;city\r\n";
    writeFileSync(path, `Phone;Name;City\r\n${asciiRows(50_000)}${last}`); // ~2 MB, far beyond any buffer
    const source = await openCsv(path);
    const rows = source.rows()[Symbol.asyncIterator]();
    expect((await rows.next()).value?.rowNumber).toBe(2);
    // Rewrite the last row on disk after the first row was read: a reader that had taken the whole
    // file in at open would still see the old text.
    const fd = openSync(path, "r+");
    const lastOffset = Buffer.byteLength(`Phone;Name;City\r\n${asciiRows(50_000)}`);
    writeSync(fd, "9992223344;EDIT;city", lastOffset);
    let final: SourceRow | undefined;
    for (let step = await rows.next(); !step.done; step = await rows.next()) final = step.value;
    expect(final?.cells).toEqual(["9992223344", "EDIT", "city"]);
  });
});
