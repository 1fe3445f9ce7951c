import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hash, PhoneIndex } from "../../src/mapping/duplicate-index.js";

describe("PhoneIndex", () => {
  it("returns undefined the first time and the first row ever after", () => {
    const index = new PhoneIndex();
    expect(index.firstRowOf(79992223344, 2)).toBeUndefined();
    expect(index.firstRowOf(79992223355, 3)).toBeUndefined();
    expect(index.firstRowOf(79992223344, 7)).toBe(2);
    expect(index.firstRowOf(79992223344, 9)).toBe(2);
    expect(index.size).toBe(2);
  });

  it("keeps keys whose hashes collide in a small table apart", () => {
    const index = new PhoneIndex(1);
    const slots = index.capacity;
    const base = 79990000000;
    const target = hash(base) & (slots - 1);
    const colliding: number[] = [];
    for (let key = base; colliding.length < 6; key++) {
      if ((hash(key) & (slots - 1)) === target) colliding.push(key);
    }
    colliding.forEach((key, i) => {
      expect(index.firstRowOf(key, i + 10)).toBeUndefined();
    });
    colliding.forEach((key, i) => {
      expect(index.firstRowOf(key, 99)).toBe(i + 10);
    });
    expect(index.size).toBe(6);
  });

  it("grows by doubling, finds every key with its first row, and holds 1,000,000 phones in 2^21 slots", () => {
    const index = new PhoneIndex();
    const start = index.capacity;
    const count = 1_000_000;
    const key = (i: number) => 79000000000 + i * 7919;
    for (let i = 0; i < count; i++) {
      if (index.firstRowOf(key(i), i + 2) !== undefined) throw new Error(`phone ${i} reported as seen`);
    }
    expect(index.size).toBe(count);
    expect(start).toBeLessThan(index.capacity);
    // 2^21 slots x 12 bytes = 24 MB: the compactness the 1M-row memory budget relies on.
    expect(index.capacity).toBe(2 ** 21);
    for (let i = 0; i < count; i++) {
      if (index.firstRowOf(key(i), 1) !== i + 2) throw new Error(`lost phone ${i}`);
    }
    expect(index.size).toBe(count);
  });

  it("agrees with a Map on any sequence of phones", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 70_000_000_000, max: 70_000_000_300 }), { maxLength: 400 }),
        (keys) => {
          const index = new PhoneIndex(1);
          const reference = new Map<number, number>();
          keys.forEach((key, row) => {
            expect(index.firstRowOf(key, row)).toBe(reference.get(key));
            if (!reference.has(key)) reference.set(key, row);
          });
          expect(index.size).toBe(reference.size);
        },
      ),
    );
  });

  it("refuses keys and row numbers it cannot store", () => {
    const index = new PhoneIndex();
    expect(() => index.firstRowOf(0, 1)).toThrow(RangeError);
    expect(() => index.firstRowOf(1.5, 1)).toThrow(RangeError);
    expect(() => index.firstRowOf(79992223344, 2 ** 32)).toThrow(RangeError);
  });
});
