import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_FILES, PhoneSetBuilder } from "../../src/hygiene/phone-set.js";

describe("PhoneSet", () => {
  it("gives each phone the lowest-numbered file that listed it, and counts it once", () => {
    const builder = new PhoneSetBuilder();
    builder.add(79990000002, 3);
    builder.add(79990000001, 1);
    builder.add(79990000002, 0);
    builder.add(79990000002, 7);
    builder.add(79990000003, MAX_FILES - 1);
    const set = builder.build();
    expect(set.size).toBe(3);
    expect(set.fileOf(79990000001)).toBe(1);
    expect(set.fileOf(79990000002)).toBe(0);
    expect(set.fileOf(79990000003)).toBe(MAX_FILES - 1);
  });

  it("finds nothing below, between or above its phones, nor in an empty set", () => {
    const builder = new PhoneSetBuilder();
    builder.add(79990000010, 0);
    builder.add(79990000020, 0);
    const set = builder.build();
    expect([79990000009, 79990000015, 79990000021, 70000000000].map((key) => set.fileOf(key))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(new PhoneSetBuilder().build().fileOf(79990000010)).toBeUndefined();
  });

  it("agrees with a Map on any phones and files", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 79_990_000_000, max: 79_990_003_000 }), fc.nat(MAX_FILES - 1)), {
          maxLength: 3000,
        }),
        fc.array(fc.integer({ min: 79_989_999_990, max: 79_990_003_010 }), { maxLength: 200 }),
        (entries, probes) => {
          const builder = new PhoneSetBuilder();
          const reference = new Map<number, number>();
          for (const [key, file] of entries) {
            builder.add(key, file);
            reference.set(key, Math.min(file, reference.get(key) ?? file));
          }
          const set = builder.build();
          expect(set.size).toBe(reference.size);
          for (const key of [...reference.keys(), ...probes])
            expect(set.fileOf(key)).toBe(reference.get(key));
        },
      ),
    );
  });

  it.each([
    [0, 0, "phone keys are 11-digit integers, got 0"],
    [79990000001.5, 0, "phone keys are 11-digit integers, got 79990000001.5"],
    [1e11, 0, "phone keys are 11-digit integers, got 100000000000"],
    [79990000001, -1, "file numbers are 0..65535, got -1"],
    [79990000001, MAX_FILES, "file numbers are 0..65535, got 65536"],
  ])("refuses key %d, file %d", (key, file, message) => {
    expect(() => new PhoneSetBuilder().add(key, file)).toThrow(new RangeError(message));
  });
});
