import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { detectDelimiter, parseDelimiterOption } from "../../../src/sources/csv/delimiter.js";

describe("detectDelimiter", () => {
  it("finds each candidate in a plain table", () => {
    expect(detectDelimiter("Телефон,Имя,Город\n1,2,3\n")).toBe(",");
    expect(detectDelimiter("Телефон;Имя;Город\r\n1;2;3\r\n")).toBe(";");
    expect(detectDelimiter("Телефон\tИмя\n1\t2\n")).toBe("\t");
    expect(detectDelimiter("Телефон|Имя\n1|2\n")).toBe("|");
  });

  it("ignores delimiters inside quoted cells, even across lines", () => {
    const sample = 'Телефон;Комментарий\n1;"a, b, c, d"\n2;"e,\nf, g"\n3;h\n';
    expect(detectDelimiter(sample)).toBe(";");
  });

  it("is not misled by commas in a quoted cell after the start of the line (PapaParse #658)", () => {
    expect(detectDelimiter('Field1;Field2;"Field,3,3,3"\n1;2;"a,b,c"\n')).toBe(";");
  });

  it("prefers the delimiter that splits every record the same way as the header", () => {
    // A comma inside unquoted Russian text ("Москва, центр") must not win over ;.
    const sample = "Телефон;Адрес, комментарий;Город\n1;Москва, центр, у метро;М\n2;Тверь;Т\n3;Казань;К\n";
    expect(detectDelimiter(sample)).toBe(";");
  });

  it("reads the delimiter from a header row longer than the sample", () => {
    const cut = Array.from({ length: 5000 }, (_, i) => `Колонка${i}`).join(";");
    expect(detectDelimiter(cut, false)).toBe(";");
    // A cut record after whole ones still does not count.
    expect(detectDelimiter("a,b\n1,2\n3;4;5;6", false)).toBe(",");
  });

  it("takes the header as the first record that has content", () => {
    expect(detectDelimiter("\n   \n;;\nТелефон,Имя\n1,2\n")).toBe(",");
  });

  it("reads a quote as opening a cell only at the cell's start", () => {
    expect(detectDelimiter('Компания;Телефон\nООО "Лес, Поле";1\nИП "А";2\n')).toBe(";");
  });

  it("ignores a record cut off by the end of a partial sample", () => {
    // Counted, the last record "5;6" makes ; the consistent one; cut off, both fit and , makes more columns.
    const sample = "a,b,c;d\n1,2,3;4\n5;6";
    expect(detectDelimiter(sample, true)).toBe(";");
    expect(detectDelimiter(sample, false)).toBe(",");
  });

  it("gives , for a single column", () => {
    expect(detectDelimiter("Телефон\n+7 999 222 33 44\n")).toBe(",");
    expect(detectDelimiter("")).toBe(",");
  });
});

describe("parseDelimiterOption", () => {
  it("accepts one character and tab spelled out", () => {
    expect(parseDelimiterOption(";")).toBe(";");
    expect(parseDelimiterOption("\t")).toBe("\t");
    expect(parseDelimiterOption("tab")).toBe("\t");
    expect(parseDelimiterOption("\\t")).toBe("\t");
  });

  it("refuses several characters, a quote and a line break", () => {
    for (const bad of [";;", '"', "\n", ""]) expect(() => parseDelimiterOption(bad)).toThrow(InputError);
  });
});
