/**
 * A compact, read-only set of phone keys, each with the small number of the file that listed it.
 *
 * Exclude lists can hold a million phones, so the set is one sorted Float64Array searched by
 * bisection: 8 bytes a phone, nothing the GC walks. (mapping/dedupe.ts's PhoneIndex has no read-only
 * lookup: asking it about a phone records the phone.) Each entry packs the phone key and the file
 * number into one double as `key * FILES + file`: keys are below 8e10 and 8e10 * 65536 < 2^53, so the
 * packing is exact, and sorting the packed numbers sorts by phone, then by file.
 */

/** How many files one set can tell apart. */
export const MAX_FILES = 65_536;

export class PhoneSetBuilder {
  private entries = new Float64Array(1024);
  private count = 0;

  /** Records that file number `file` lists `phoneKey` (a normalised phone as mapping/phone.ts's phoneKey). */
  add(phoneKey: number, file: number): void {
    if (!Number.isSafeInteger(phoneKey) || phoneKey <= 0 || phoneKey >= 1e11) {
      throw new RangeError(`phone keys are 11-digit integers, got ${phoneKey}`);
    }
    if (!Number.isInteger(file) || file < 0 || file >= MAX_FILES) {
      throw new RangeError(`file numbers are 0..${MAX_FILES - 1}, got ${file}`);
    }
    if (this.count === this.entries.length) {
      const grown = new Float64Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    this.entries[this.count++] = phoneKey * MAX_FILES + file;
  }

  /** The finished set. A phone listed by several files belongs to the lowest-numbered one. */
  build(): PhoneSet {
    const sorted = this.entries.subarray(0, this.count).sort();
    let kept = 0;
    let previousKey = -1;
    for (let i = 0; i < sorted.length; i++) {
      const key = Math.floor(sorted[i]! / MAX_FILES);
      if (key === previousKey) continue;
      sorted[kept++] = sorted[i]!;
      previousKey = key;
    }
    // A copy of exactly the kept entries, so the builder's spare capacity is not held on to.
    const packed = sorted.slice(0, kept);
    this.entries = new Float64Array(0);
    this.count = 0;
    return new PhoneSet(packed);
  }
}

export class PhoneSet {
  private readonly packed: Float64Array;

  constructor(packed: Float64Array) {
    this.packed = packed;
  }

  /** How many distinct phones. */
  get size(): number {
    return this.packed.length;
  }

  /** The number of the file that lists `phoneKey`, or undefined. */
  fileOf(phoneKey: number): number | undefined {
    const lowest = phoneKey * MAX_FILES;
    let low = 0;
    let high = this.packed.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.packed[mid]! < lowest) low = mid + 1;
      else high = mid;
    }
    const entry = this.packed[low];
    return entry !== undefined && Math.floor(entry / MAX_FILES) === phoneKey ? entry - lowest : undefined;
  }
}
