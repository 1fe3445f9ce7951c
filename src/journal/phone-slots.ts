/**
 * phoneKey -> a dense id (0, 1, 2, ... in order of first sight), so that callers keep what they know
 * about a phone in parallel typed arrays indexed by that id: rows replayed in journal order then
 * touch those arrays sequentially. The table itself is open addressing with linear probing over one
 * Float64Array of [key, id] pairs, so a probe costs one cache miss, not two; a million phones take
 * 32 MB of table plus 8 MB of keys, and nothing the GC has to walk (a Map of objects would cost
 * ~150 MB and seconds of GC at that size).
 *
 * Keys are phone keys: positive integers below 2^53 (an 11-digit phone fits with room to spare);
 * 0 marks an empty slot.
 */
export class PhoneSlots {
  #table: Float64Array;
  #keys: Float64Array;
  #size = 0;
  // An outcome usually follows its own intent: remembering the last key saves a probe per record.
  #lastKey = Number.NaN; // equal to no key
  #lastId = -1;

  /** @param expected phones to make room for before the first growth. @default 1024 */
  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.#table = new Float64Array(capacity * 2);
    this.#keys = new Float64Array(Math.max(16, expected));
  }

  get size(): number {
    return this.#size;
  }

  /** The phone key behind a dense id. */
  keyOf(id: number): number {
    return this.#keys[id]!;
  }

  /** The dense id of `phoneKey`, or -1 when it was never added. */
  get(phoneKey: number): number {
    if (phoneKey === this.#lastKey) return this.#lastId;
    const table = this.#table;
    const mask = (table.length >> 1) - 1;
    for (let slot = hash(phoneKey) & mask; ; slot = (slot + 1) & mask) {
      const key = table[slot * 2]!;
      if (key === phoneKey) return table[slot * 2 + 1]!;
      if (key === 0) return -1;
    }
  }

  /** The dense id of `phoneKey`, adding it when new (it is then `size - 1`). */
  add(phoneKey: number): number {
    if (phoneKey === this.#lastKey) return this.#lastId;
    if (!Number.isSafeInteger(phoneKey) || phoneKey <= 0) {
      throw new RangeError(`a phone key is a positive integer, got ${phoneKey}`);
    }
    const table = this.#table;
    const mask = (table.length >> 1) - 1;
    let slot = hash(phoneKey) & mask;
    for (; ; slot = (slot + 1) & mask) {
      const key = table[slot * 2]!;
      if (key === phoneKey) return this.#remember(phoneKey, table[slot * 2 + 1]!);
      if (key === 0) break;
    }
    const id = this.#size++;
    if (id >= this.#keys.length) this.#keys = grow(this.#keys, id + 1, (n) => new Float64Array(n));
    this.#keys[id] = phoneKey;
    table[slot * 2] = phoneKey;
    table[slot * 2 + 1] = id;
    if (this.#size > (table.length >> 1) * MAX_LOAD) this.#rehash();
    return this.#remember(phoneKey, id);
  }

  #remember(phoneKey: number, id: number): number {
    this.#lastKey = phoneKey;
    this.#lastId = id;
    return id;
  }

  #rehash(): void {
    const table = new Float64Array(this.#table.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let id = 0; id < this.#size; id++) {
      const key = this.#keys[id]!;
      let slot = hash(key) & mask;
      while (table[slot * 2] !== 0) slot = (slot + 1) & mask;
      table[slot * 2] = key;
      table[slot * 2 + 1] = id;
    }
    this.#table = table;
  }
}

const MAX_LOAD = 0.5;
const TWO_TO_32 = 2 ** 32;

/** Mixes both halves of the key: phones differ mostly in low digits, but the high word matters too. */
function hash(key: number): number {
  const low = key >>> 0;
  const high = Math.floor(key / TWO_TO_32) >>> 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

type Growable = Float64Array | Uint32Array | Uint16Array | Uint8Array | Int16Array;

/** A copy of `array` with room for at least `needed` elements (doubling, so growth is amortised O(1)). */
export function grow<T extends Growable>(array: T, needed: number, make: (length: number) => T): T {
  if (needed <= array.length) return array;
  let length = Math.max(16, array.length);
  while (length < needed) length *= 2;
  const bigger = make(length);
  bigger.set(array);
  return bigger;
}
