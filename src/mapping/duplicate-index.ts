/**
 * The in-campaign duplicate index: phone -> the first row it was seen in.
 *
 * Compact by design (issue 2: memory may grow from 200k to 1M rows only by what this index needs).
 * A Map<string, number> costs ~80-100 bytes per phone; this open-addressing table with linear
 * probing costs 12 bytes per slot (a Float64 key and a Uint32 row number) at a load of at most 0.7,
 * so a million phones take 2^21 slots = 24 MB, allocated as two flat arrays the GC never walks.
 *
 * Keys are phone keys (11-digit integers, exact in a double). 0 marks an empty slot, so 0 cannot be
 * a key; row numbers must fit in 32 bits.
 */
export class PhoneIndex {
  private keys: Float64Array;
  private rows: Uint32Array;
  private mask: number;
  private count = 0;

  /** @param expected how many phones to make room for before the first growth. @default 1024 */
  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.keys = new Float64Array(capacity);
    this.rows = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  /** How many distinct phones are recorded. */
  get size(): number {
    return this.count;
  }

  /** Slots allocated (for memory accounting in the benchmark). */
  get capacity(): number {
    return this.keys.length;
  }

  /**
   * The row in which `phoneKey` was first seen, or undefined (and then `rowNumber` is recorded as its
   * first row). Calling it again for the same phone always returns the first row, never a later one.
   */
  firstRowOf(phoneKey: number, rowNumber: number): number | undefined {
    if (!Number.isSafeInteger(phoneKey) || phoneKey <= 0) {
      throw new RangeError(`PhoneIndex keys are positive integers, got ${phoneKey}`);
    }
    if (!Number.isInteger(rowNumber) || rowNumber < 0 || rowNumber > 0xffffffff) {
      throw new RangeError(`PhoneIndex row numbers fit in 32 bits, got ${rowNumber}`);
    }
    let slot = hash(phoneKey) & this.mask;
    for (;;) {
      const key = this.keys[slot]!;
      if (key === phoneKey) return this.rows[slot]!;
      if (key === 0) break;
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = phoneKey;
    this.rows[slot] = rowNumber;
    this.count++;
    if (this.count > this.keys.length * MAX_LOAD) this.grow();
    return undefined;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.rows = new Uint32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i]!;
      if (key === 0) continue;
      let slot = hash(key) & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.rows[slot] = oldRows[i]!;
    }
  }
}

const MAX_LOAD = 0.7;
const TWO_TO_32 = 2 ** 32;

/**
 * Mixes both 32-bit halves of the key (murmur3's finaliser): phones share their high digits, so the
 * low bits alone would cluster. `>>> 0` of a double is its value modulo 2^32, exact for integers.
 */
export function hash(key: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / TWO_TO_32) >>> 0, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
