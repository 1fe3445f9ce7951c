import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packIso, unpackIso } from "../../src/journal/iso-time.js";
import { PhoneSlots } from "../../src/journal/phone-slots.js";
import { rowHash } from "../../src/journal/row-hash.js";

describe("packIso", () => {
  it("gives back exactly the string it packed, and the same instant as Date.parse", () => {
    const iso = fc
      .record({
        ms: fc.integer({ min: Date.UTC(1001, 0, 1), max: Date.UTC(9998, 11, 31) }),
        offset: fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        millis: fc.boolean(),
        zulu: fc.boolean(),
      })
      .map(({ ms, offset, millis, zulu }) => {
        const at = millis ? ms : ms - (((ms % 1000) + 1000) % 1000);
        return zulu ? unpackIso(at, 0, (millis ? 1 : 0) | 2) : unpackIso(at, offset, millis ? 1 : 0);
      });
    fc.assert(
      fc.property(iso, (text) => {
        const packed = packIso(text);
        expect(packed).toBeDefined();
        expect(unpackIso(packed!.ms, packed!.offset, packed!.format)).toBe(text);
        expect(packed!.ms).toBe(Date.parse(text));
      }),
    );
  });

  it("refuses what it could not give back byte for byte", () => {
    for (const text of [
      "2026-02-30T10:00:00+03:00", // no such day
      "2026-13-01T10:00:00+03:00",
      "2026-03-01T24:00:00+03:00",
      "2026-03-01 10:00:00+03:00",
      "2026-03-01T10:00:00",
      "2026-03-01T10:00:00.1234+03:00",
      "2026-03-01T10:00:00-00:00",
      "0099-03-01T10:00:00Z",
      "2026-03-01T10:00:00+0300",
      "2026-03-01T10:00:00+03:00 ",
      "２026-03-01T10:00:00Z",
    ]) {
      expect([text, packIso(text)]).toEqual([text, undefined]);
    }
    expect(packIso("2024-02-29T23:59:59.999-12:30")).toBeDefined();
  });
});

describe("row hashes", () => {
  it("is stable under key order and changes with content", () => {
    const a = rowHash({ routeKey: "k", phone: "79990000001", fields: [{ name: "Имя", value: "Иван" }] });
    const b = rowHash({ fields: [{ value: "Иван", name: "Имя" }], phone: "79990000001", routeKey: "k" });
    expect(a).toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(
      rowHash({ routeKey: "k", phone: "79990000001", fields: [{ name: "Имя", value: "Пётр" }] }),
    ).not.toBe(a);
    expect(rowHash(["79990000001", 5, null, { type: "date", wallClock: "2026-03-01T10:00:00" }])).not.toBe(
      rowHash(["79990000001", "5", null, { type: "date", wallClock: "2026-03-01T10:00:00" }]),
    );
  });
});

describe("PhoneSlots", () => {
  it("assigns dense ids exactly like a Map would, through growth", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 70_000_000_000, max: 79_999_999_999 }), { maxLength: 3000 }),
        (keys) => {
          const slots = new PhoneSlots(4);
          const model = new Map<number, number>();
          for (const key of keys) {
            if (!model.has(key)) model.set(key, model.size);
            expect(slots.add(key)).toBe(model.get(key));
          }
          expect(slots.size).toBe(model.size);
          for (const [key, id] of model) {
            expect(slots.get(key)).toBe(id);
            expect(slots.keyOf(id)).toBe(key);
          }
          expect(slots.get(80_000_000_000)).toBe(-1);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("refuses keys that are not positive integers", () => {
    const slots = new PhoneSlots();
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 53]) expect(() => slots.add(bad)).toThrow(RangeError);
  });
});
