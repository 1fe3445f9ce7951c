/**
 * `estimatedRows`: how many data rows a CSV file holds, from its size and its first 64 KiB. The
 * duplicate index is sized from it, so it must be close for a real client base and never wild.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { estimateRows, openCsv } from "../../../src/sources/csv/open-csv.js";

const dir = mkdtempSync(join(tmpdir(), "ctdial-estimate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (text: string) => Buffer.from(text, "utf8");

describe("estimateRows", () => {
  it("counts the data rows exactly when the sample is the whole file", () => {
    expect(estimateRows(bytes("Телефон;Имя\r\n1;a\r\n2;b\r\n"), true, 0)).toBe(2);
    // The last line has no line break: still a row.
    expect(estimateRows(bytes("Телефон;Имя\n1;a\n2;b"), true, 0)).toBe(2);
    expect(estimateRows(bytes("Телефон;Имя\n"), true, 0)).toBe(0);
    expect(estimateRows(bytes(""), true, 0)).toBe(0);
    // CRLF counts once; old Mac files end lines with CR alone.
    expect(estimateRows(bytes("Телефон\r\n1\r\n2\r\n"), true, 0)).toBe(2);
    expect(estimateRows(bytes("Телефон\r1\r2\r"), true, 0)).toBe(2);
  });

  it("scales the whole lines of a cut sample to the file's size, ignoring the cut line", () => {
    // 10 lines of 10 bytes, then 5 bytes of a cut line: 100 whole bytes hold 10 lines.
    const sample = bytes(`${"123456789\n".repeat(10)}12345`);
    expect(estimateRows(sample, false, 100_000)).toBe(10_000 - 1);
    expect(estimateRows(bytes(`${"12345678\r\n".repeat(10)}12345`), false, 100_000)).toBe(10_000 - 1);
  });

  it("gives no estimate when the sample holds no line break at all", () => {
    expect(estimateRows(bytes("x".repeat(100)), false, 1_000_000)).toBeUndefined();
  });
});

describe("openCsv estimatedRows", () => {
  it("is within 2% of the real count for a 3 MB Russian client base with quoted cells", async () => {
    const path = join(dir, "clients.csv");
    const lines = ["Телефон;ФИО;Город;Комментарий"];
    const cities = ["Москва", "Санкт-Петербург", "Ростов-на-Дону", "Казань"];
    for (let i = 0; i < 40_000; i++) {
      const comment = i % 3 === 0 ? '"Перезвонить; после обеда"' : "новый";
      lines.push(`+7 (903) ${1_000_000 + i};Клиент ${10_000 + i};${cities[i % 4]};${comment}`);
    }
    writeFileSync(path, `${lines.join("\r\n")}\r\n`);
    const source = await openCsv(path);
    try {
      expect(source.estimatedRows).toBeGreaterThan(40_000 * 0.98);
      expect(source.estimatedRows).toBeLessThan(40_000 * 1.02);
    } finally {
      await source.close();
    }
  });

  it("is exact for a small file", async () => {
    const path = join(dir, "small.csv");
    writeFileSync(path, "Телефон\n+79991234501\n+79991234502\n\n+79991234503\n");
    const source = await openCsv(path);
    try {
      // The empty line counts: an estimate for sizing, not the row count (which skips it).
      expect(source.estimatedRows).toBe(4);
    } finally {
      await source.close();
    }
  });
});
