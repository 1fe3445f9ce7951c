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
