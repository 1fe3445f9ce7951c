import { Readable } from "node:stream";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { CsvDecoder, type DecoderMode, InvalidUtf8Error } from "../../../src/sources/csv/decoder.js";
import { canonicalEncoding, detectBinary, detectEncoding } from "../../../src/sources/csv/encoding.js";
import {
  countLineBreaks,
  firstInvalidUtf8Offset,
  utf8IncompleteTailLength,
} from "../../../src/sources/csv/utf8.js";

const cp1251 = (text: string) => iconv.encode(text, "windows-1251");
const utf8 = (text: string) => Buffer.from(text, "utf8");

describe("detectEncoding", () => {
  it("trusts a BOM", () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({
      encoding: "utf-8",
      bomLength: 3,
      certain: true,
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({
      encoding: "utf-16le",
      bomLength: 2,
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41]))).toMatchObject({
      encoding: "utf-16be",
      bomLength: 2,
    });
  });

  it("takes valid UTF-8 for UTF-8 and anything else for Windows-1251", () => {
    expect(detectEncoding(utf8("Телефон;Имя\n"))).toEqual({ encoding: "utf-8", bomLength: 0, certain: true });
    expect(detectEncoding(cp1251("Телефон;Имя\n"))).toEqual({
      encoding: "windows-1251",
      bomLength: 0,
      certain: true,
    });
  });

  it("only assumes UTF-8 for pure ASCII", () => {
    expect(detectEncoding(utf8("phone;name\n"))).toEqual({ encoding: "utf-8", bomLength: 0, certain: false });
  });

  it("does not hold a character cut by the end of a partial sample against UTF-8", () => {
    const cut = utf8("Имя;Город").subarray(0, 5); // "Им" and the first byte of "я"
    expect(detectEncoding(cut, false).encoding).toBe("utf-8");
    expect(detectEncoding(cut, true).encoding).toBe("windows-1251");
  });
});

describe("detectBinary", () => {
  it("tells an xlsx (zip), an xls (OLE), UTF-16 without BOM and other binary apart from text", () => {
    expect(detectBinary(Buffer.from("PK\x03\x04\x14\x00", "latin1"))).toBe("xlsx");
    expect(detectBinary(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe("xls");
    expect(detectBinary(iconv.encode("phone;name\r\n1;2\r\n", "utf-16le"))).toBe("utf-16");
    expect(detectBinary(iconv.encode("Телефон;Имя\r\n+7 999;Иван\r\n", "utf-16be"))).toBe("utf-16");
    expect(detectBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49]))).toBe("binary");
    expect(detectBinary(cp1251("Телефон;Имя\r\n"))).toBeUndefined();
    expect(
      detectBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("a;b", "utf-16le")])),
    ).toBeUndefined();
  });
});

describe("canonicalEncoding", () => {
  it("accepts the usual spellings", () => {
    expect(canonicalEncoding("UTF8")).toBe("utf-8");
    expect(canonicalEncoding("utf-8")).toBe("utf-8");
    expect(canonicalEncoding("cp1251")).toBe("windows-1251");
    expect(canonicalEncoding("Windows-1251")).toBe("windows-1251");
    expect(canonicalEncoding("UTF-16LE")).toBe("utf-16le");
    expect(canonicalEncoding("koi8-r")).toBe("koi8-r");
    expect(canonicalEncoding("cp866")).toBe("cp866");
  });

  it("refuses a name iconv-lite does not know", () => {
    expect(() => canonicalEncoding("latin-42")).toThrow(InputError);
    expect(() => canonicalEncoding("")).toThrow(/unknown encoding ""/);
  });
});

describe("UTF-8 byte helpers", () => {
  it("finds a character cut at the end of a chunk", () => {
    const bytes = utf8("aя€😀");
    expect(utf8IncompleteTailLength(bytes)).toBe(0);
    expect(utf8IncompleteTailLength(bytes.subarray(0, bytes.length - 1))).toBe(3);
    expect(utf8IncompleteTailLength(bytes.subarray(0, bytes.length - 3))).toBe(1);
    expect(utf8IncompleteTailLength(bytes.subarray(0, 2))).toBe(1);
    expect(utf8IncompleteTailLength(utf8("abc"))).toBe(0);
  });

  it("points at the first invalid byte: stray, overlong, surrogate, truncated", () => {
    expect(firstInvalidUtf8Offset(utf8("Привет, мир 😀"))).toBe(-1);
    expect(firstInvalidUtf8Offset(Buffer.concat([utf8("ab"), cp1251("Я")]))).toBe(2);
    expect(firstInvalidUtf8Offset(Buffer.from([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(Buffer.from([0x41, 0x42, 0xe2, 0x82]))).toBe(2);
  });

  it("agrees with Node's own validator on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const valid =
          Buffer.from(bytes).toString("utf8") === new TextDecoder().decode(bytes) && isStrictUtf8(bytes);
        expect(firstInvalidUtf8Offset(bytes) === -1).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });

  it("counts CRLF, LF and a lone CR as one line break each, across chunks", () => {
    expect(countLineBreaks(utf8("a\r\nb\nc\rd"))).toEqual({ breaks: 3, endsWithCr: false });
    expect(countLineBreaks(utf8("a\r"))).toEqual({ breaks: 1, endsWithCr: true });
    expect(countLineBreaks(utf8("\nb"), true)).toEqual({ breaks: 0, endsWithCr: false });
  });
});

function isStrictUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Run `bytes` through a CsvDecoder cut into chunks at `cuts`; the UTF-8 text out, and its encoding. */
async function decode(bytes: Buffer, mode: DecoderMode, cuts: number[] = []) {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks = [0, ...points, bytes.length]
    .slice(1)
    .map((end, i, ends) => bytes.subarray(i === 0 ? 0 : ends[i - 1], end));
  const decoder = new CsvDecoder(mode, 0);
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks.filter((c) => c.length > 0)).pipe(decoder))
    out.push(chunk as Buffer);
  return { text: Buffer.concat(out).toString("utf8"), encoding: decoder.encoding };
}

describe("CsvDecoder", () => {
  const text = "Телефон;Имя\r\n+7 (999) 222-33-44;Пётр 😀\r\n";

  it("gives the same text however the bytes are cut, in every mode", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 6 }), async (cuts) => {
        expect((await decode(utf8(text), { kind: "utf-8" }, cuts)).text).toBe(text);
        const cyrillic = text.replace(" 😀", "");
        expect(await decode(cp1251(cyrillic), { kind: "sniff" }, cuts)).toEqual({
          text: cyrillic,
          encoding: "windows-1251",
        });
        expect(await decode(utf8(text), { kind: "sniff" }, cuts)).toEqual({ text, encoding: "utf-8" });
        const utf16 = { kind: "iconv", encoding: "utf-16le" } as const;
        expect((await decode(iconv.encode(text, "utf-16le"), utf16, cuts)).text).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it("stays undecided through ASCII and decides on the first non-ASCII bytes", async () => {
    const ascii = "phone;name\n".repeat(50);
    expect(
      await decode(Buffer.concat([utf8(ascii), cp1251("Иван\n")]), { kind: "sniff" }, [100, 300]),
    ).toEqual({
      text: `${ascii}Иван\n`,
      encoding: "windows-1251",
    });
    expect(await decode(utf8(ascii), { kind: "sniff" })).toEqual({ text: ascii, encoding: "utf-8" });
  });

  it("reports the file offset of a byte that is not UTF-8 in strict mode", async () => {
    const bytes = Buffer.concat([utf8("Имя\nИван\n"), cp1251("Олег\n")]);
    const error = await decode(bytes, { kind: "utf-8" }, [3, 9]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidUtf8Error);
    expect((error as InvalidUtf8Error).offset).toBe(utf8("Имя\nИван\n").length);
  });

  it("refuses a UTF-8 character cut off by the end of the file", async () => {
    const error = await decode(utf8("Имя").subarray(0, 5), { kind: "utf-8" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidUtf8Error);
    expect((error as InvalidUtf8Error).offset).toBe(4);
  });
});
