import { createHash } from "node:crypto";
import type { CallbackRequest } from "../calltouch/types.js";
import type { Cell } from "../sources/types.js";

/**
 * A row's content identity: sha1 (base64url, 16 characters = 96 bits) of the mapped request or the
 * raw cells, with object keys sorted so that the same content always hashes the same. A failed or
 * invalid row whose content was fixed between runs gets a new hash and becomes eligible again.
 */
export function rowHash(value: CallbackRequest | readonly Cell[] | string): string {
  const text = typeof value === "string" ? value : stableJson(value);
  return createHash("sha1").update(text).digest("base64url").slice(0, 16);
}

/**
 * What stands for a token in file names: the first 16 hex digits of its sha256. Never the token
 * itself: the state directory may be backed up or shared while the token must not be.
 */
export function tokenFingerprint(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 16);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const DECODE = new Int8Array(256).fill(-1);
for (let i = 0; i < B64URL.length; i++) DECODE[B64URL.charCodeAt(i)] = i;

/**
 * Packs a row hash into three 32-bit words for the compact replay table (12 bytes instead of a
 * 40-byte string per row). A `rowHash()` output decodes exactly; any other string a caller chose is
 * reduced through sha1, which keeps equality (up to a 2^-96 collision).
 */
export function packRowHash(hash: string, out: Uint32Array, at: number): void {
  if (ROW_HASH_SHAPE.test(hash) && decodeInto(Buffer.from(hash, "latin1"), 0, out, at)) return;
  const digest = createHash("sha1").update(hash).digest();
  out[at] = digest.readUInt32BE(0);
  out[at + 1] = digest.readUInt32BE(4);
  out[at + 2] = digest.readUInt32BE(8);
}

/** packRowHash over the bytes of a journal line, without making a string of them. */
export function packRowHashBytes(
  buf: Uint8Array,
  start: number,
  end: number,
  out: Uint32Array,
  at: number,
): void {
  if (end - start === 16 && decodeInto(buf, start, out, at)) return;
  packRowHash(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString("utf8"), out, at);
}

/** 16 chars x 6 bits = 96 bits: word w holds chars 5w..5w+4 (30 bits) and, on top, 2 bits of char 15. */
function decodeInto(buf: Uint8Array, start: number, out: Uint32Array, at: number): boolean {
  const last = DECODE[buf[start + 15]!]!;
  if (last < 0) return false;
  for (let w = 0; w < 3; w++) {
    let word = 0;
    for (let i = start + w * 5; i < start + w * 5 + 5; i++) {
      const v = DECODE[buf[i]!]!;
      if (v < 0) return false;
      word = word * 64 + v;
    }
    out[at + w] = (word | (((last >> (2 * w)) & 3) << 30)) >>> 0;
  }
  return true;
}

const ROW_HASH_SHAPE = /^[A-Za-z0-9_-]{16}$/;
