/**
 * UTF-8 byte helpers for reading a file in chunks. Node validates whole buffers (`isUtf8`) natively;
 * these two functions cover what it cannot: a character cut in two by a chunk boundary, and where
 * exactly a bad byte is (so that the error can name its line).
 */

/**
 * How many bytes at the end of `bytes` start a multi-byte character that is not complete yet
 * (0..3). They must be carried over to the next chunk, not judged on their own.
 */
export function utf8IncompleteTailLength(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= Math.max(0, end - 4); i--) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead byte
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    const have = end - i;
    return need > have ? have : 0;
  }
  return 0;
}

/**
 * Offset of the first byte that does not start a valid UTF-8 character (overlong forms, surrogates and
 * code points above U+10FFFF are invalid, as in the WHATWG decoder), or -1 when all of `bytes` is valid.
 * A character cut off by the end of `bytes` counts as invalid.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** Length of the valid character starting at `i`, or 0 when it is not one. */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0; // overlong
    if (lead === 0xed) high = 0x9f; // surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90; // overlong
    if (lead === 0xf4) high = 0x8f; // above U+10FFFF
  } else return 0;
  if (i + length > bytes.length) return 0;
  const second = bytes[i + 1]!;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  }
  return length;
}

/**
 * Line breaks in `bytes` (CRLF, LF or a lone CR each count once), for numbering lines in an
 * ASCII-compatible encoding without decoding. `pendingCr` says the previous chunk ended in CR.
 */
export function countLineBreaks(
  bytes: Uint8Array,
  pendingCr = false,
): { breaks: number; endsWithCr: boolean } {
  let breaks = 0;
  let previousCr = pendingCr;
  for (const byte of bytes) {
    if (byte === 0x0a) {
      if (!previousCr) breaks++;
      previousCr = false;
    } else if (byte === 0x0d) {
      breaks++;
      previousCr = true;
    } else previousCr = false;
  }
  return { breaks, endsWithCr: previousCr };
}
