/**
 * Pure encoding detection for text tables: which bytes we are looking at, before any of them is parsed.
 * Order (issue 2): a BOM decides; else bytes that are valid UTF-8 are UTF-8; else Windows-1251, what
 * Excel in a Russian locale writes for "CSV (разделители - точки с запятой)".
 */

import { isAscii, isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { InputError } from "../../errors.js";
import { utf8IncompleteTailLength } from "./utf8.js";

export type DetectedEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1251";

export interface DetectedEncoding {
  readonly encoding: DetectedEncodingName;
  /** Bytes of byte-order mark at the start of the file, to skip before decoding. */
  readonly bomLength: number;
  /**
   * False when the sample was pure ASCII: then UTF-8 is only an assumption and the first non-ASCII
   * bytes later in the file decide between UTF-8 and Windows-1251.
   */
  readonly certain: boolean;
}

const BOMS: readonly { bytes: readonly number[]; encoding: DetectedEncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/** The BOM at the start of `sample`, if any. */
export function detectBom(sample: Buffer): { encoding: DetectedEncodingName; length: number } | undefined {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, i) => sample[i] === byte))
      return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return undefined;
}

/**
 * Guess the encoding from the first bytes of a file. `complete` says the sample is the whole file;
 * otherwise a multi-byte sequence cut at the end of the sample is not held against UTF-8.
 */
export function detectEncoding(sample: Buffer, complete = true): DetectedEncoding {
  const bom = detectBom(sample);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, certain: true };
  const body = complete ? sample : sample.subarray(0, sample.length - utf8IncompleteTailLength(sample));
  if (isAscii(body)) return { encoding: "utf-8", bomLength: 0, certain: false };
  if (isUtf8(body)) return { encoding: "utf-8", bomLength: 0, certain: true };
  return { encoding: "windows-1251", bomLength: 0, certain: true };
}

export type BinaryKind = "xlsx" | "xls" | "utf-16" | "binary";

/**
 * Why a sample cannot be a text table, or undefined when it can. A text table never holds NUL bytes,
 * except in UTF-16, which is only read with a BOM or an explicit encoding.
 */
export function detectBinary(sample: Buffer): BinaryKind | undefined {
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) return "xlsx";
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "xls";
  const bom = detectBom(sample);
  if (bom && bom.encoding !== "utf-8") return undefined;
  if (!sample.includes(0)) return undefined;
  return looksLikeUtf16(sample) ? "utf-16" : "binary";
}

function startsWith(sample: Buffer, bytes: readonly number[]): boolean {
  return bytes.every((byte, i) => sample[i] === byte);
}

/**
 * UTF-16 without a BOM: every ASCII character (digits, delimiters, line breaks) has a NUL high byte,
 * always on the same side of its pair; Cyrillic has 0x04 there instead. Binary data has NULs anywhere.
 */
function looksLikeUtf16(sample: Buffer): boolean {
  const pairs = Math.min(4096, Math.floor(sample.length / 2));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenNul++;
    if (sample[2 * i + 1] === 0) oddNul++;
  }
  return Math.min(evenNul, oddNul) === 0 && Math.max(evenNul, oddNul) >= pairs / 8;
}

/** Common spellings of the encodings users name, to the name ctdial reports. */
const CANONICAL: Readonly<Record<string, string>> = {
  utf8: "utf-8",
  cp1251: "windows-1251",
  win1251: "windows-1251",
  windows1251: "windows-1251",
  utf16le: "utf-16le",
  utf16be: "utf-16be",
  koi8r: "koi8-r",
  cp866: "cp866",
  ibm866: "cp866",
};

/**
 * Validate an encoding a user named (`--encoding`) and return its canonical spelling.
 * Anything iconv-lite knows is accepted; a name it does not know is an InputError.
 */
export function canonicalEncoding(name: string): string {
  const key = name.trim().toLowerCase();
  const canonical = CANONICAL[key.replace(/[^a-z0-9]/g, "")];
  if (canonical) return canonical;
  if (key !== "" && iconv.encodingExists(key)) return key;
  throw new InputError({ code: "E_INPUT_ENCODING", params: { encoding: name } });
}
