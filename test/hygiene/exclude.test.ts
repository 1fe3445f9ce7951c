import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, InputError } from "../../src/errors.js";
import {
  type ExcludeList,
  excludedReason,
  loadExcludeList,
  MAX_INVALID_EXAMPLES,
} from "../../src/hygiene/index.js";
import { say } from "../../src/i18n/catalog.js";

const FIXTURES = "fixtures/hygiene";
const load = (files: string[], namedIn?: string) =>
  loadExcludeList(files, namedIn === undefined ? { baseDir: FIXTURES } : { baseDir: FIXTURES, namedIn });

/** Every phone (as a phone key) the list excludes, out of `candidates`. */
const excluded = (list: ExcludeList, candidates: number[]) =>
  candidates.filter((key) => list.has(key) !== undefined);

describe("loadExcludeList: reading each kind of file", () => {
  it("reads a plain list without a header, counting the lines that are not phones", async () => {
    const list = await load(["phones-only.txt"]);
    expect(list.size).toBe(4);
    for (const key of [79991112233, 79991112244, 79991112255, 79991112266]) {
      expect(list.has(key)).toBe("phones-only.txt");
    }
    expect(list.has(79991112277)).toBeUndefined();
    expect(list.files).toEqual([
      {
        name: "phones-only.txt",
        path: join(process.cwd(), FIXTURES, "phones-only.txt"),
        label: "phones-only.txt",
        unit: "line",
        phones: 4,
        invalidCount: 3,
      },
    ]);
    expect(list.invalid.map(withoutProblem)).toEqual([
      {
        file: "phones-only.txt",
        rowNumber: 5,
        value: "12345",
        message: "expected 11 digits starting with 7 or 8, or 10 digits; got 5",
      },
      {
        file: "phones-only.txt",
        rowNumber: 7,
        value: "8-800-555-35-35",
        message: "8-800 numbers cannot be dialed",
      },
      {
        file: "phones-only.txt",
        rowNumber: 8,
        value: "абонент",
        message: 'expected a phone number, got "абонент"',
      },
    ]);
  });

  it("reports a first line that should have been a phone instead of taking it for a header", async () => {
    const list = await load(["bad-first-line.txt"]);
    expect(excluded(list, [79997770002])).toEqual([79997770002]);
    expect(list.invalid.map(withoutProblem)).toEqual([
      {
        file: "bad-first-line.txt",
        rowNumber: 1,
        value: "8-800-555-35-35",
        message: "8-800 numbers cannot be dialed",
      },
    ]);
  });

  it.each([
    ["header-phone.txt", [79992220001, 79992220002]],
    ["unknown-header.txt", [79997770003]],
    ["notepad-utf16le.txt", [79993330001, 79993330002]],
    ["headerless-two-columns.csv", [79995550001, 79995550002]],
    ["single-phone.csv", [79997770001]],
    ["headerless.xlsx", [79998880011, 79998880012]],
  ])("reads %s, with no line taken for a phone that is not one", async (file, phones) => {
    const list = await load([file]);
    expect(list.size).toBe(phones.length);
    for (const key of phones) expect(list.has(key)).toBe(file);
    expect(list.invalid).toEqual([]);
    expect(list.files[0]!.invalidCount).toBe(0);
  });

  it("uses the Телефон column of a Windows-1251 CRM export and reports its other cells only there", async () => {
    const list = await load(["crm-export-cp1251.csv"]);
    expect(excluded(list, [79994440001, 79994440002, 79994440003])).toEqual([79994440001, 79994440002]);
    expect(list.invalid.map(withoutProblem)).toEqual([
      {
        file: "crm-export-cp1251.csv",
        rowNumber: 3,
        value: "не помню",
        message: 'expected a phone number, got "не помню"',
      },
    ]);
  });

  it("uses every column recognised as a phone", async () => {
    const list = await load(["mobile-and-landline.csv"]);
    expect(excluded(list, [74951234567, 79996660001, 79996660002])).toEqual([
      74951234567, 79996660001, 79996660002,
    ]);
    expect(list.files[0]!.phones).toBe(3);
  });

  it("reads a workbook's phones stored as numbers and as text, counting in rows", async () => {
    const list = await load(["book.xlsx"]);
    expect(excluded(list, [79998880001, 79998880002, 79998880003])).toEqual([
      79998880001, 79998880002, 79998880003,
    ]);
    expect(list.files[0]!.unit).toBe("row");
    expect(list.invalid.map(withoutProblem)).toEqual([
      {
        file: "book.xlsx",
        rowNumber: 4,
        value: "12345",
        message: "expected 11 digits starting with 7 or 8, or 10 digits; got 5",
      },
    ]);
  });

  it.each(["empty.csv", "blank-lines.txt", "header-only.csv", "empty-sheet.xlsx"])(
    "takes %s as a list of nobody yet",
    async (file) => {
      const list = await load([file]);
      expect(list.size).toBe(0);
      expect(list.files.map((f) => [f.name, f.phones, f.invalidCount])).toEqual([[file, 0, 0]]);
      expect(list.has(79997770001)).toBeUndefined();
    },
  );
});

describe("loadExcludeList: several files", () => {
  it("names the first file listing a phone, counts each phone once, and reads a file named twice once", async () => {
    const list = await load(["single-phone.csv", "phones-only.txt", "./single-phone.csv", "headerless.xlsx"]);
    expect(list.files.map((file) => file.name)).toEqual([
      "single-phone.csv",
      "phones-only.txt",
      "headerless.xlsx",
    ]);
    expect(list.size).toBe(1 + 4 + 2);
    expect(list.has(79997770001)).toBe("single-phone.csv");
    expect(list.has(79998880012)).toBe("headerless.xlsx");
    const again = await load(["headerless.xlsx", "phones-only.txt", "single-phone.csv"]);
    expect(again.has(79997770001)).toBe("single-phone.csv");
  });

  it("answers with the base name of a file named with its folder, and resolves against the working directory by default", async () => {
    const list = await loadExcludeList([`${FIXTURES}/single-phone.csv`]);
    expect(list.has(79997770001)).toBe("single-phone.csv");
    expect(list.files[0]!.name).toBe(`${FIXTURES}/single-phone.csv`);
    expect(say("en", excludedReason(list.has(79997770001)!))).toBe("excluded by single-phone.csv");
    expect(say("ru", excludedReason(list.has(79997770001)!))).toBe("в списке исключений single-phone.csv");
  });

  it("takes an empty list of files as excluding nobody", async () => {
    const list = await load([]);
    expect(list.size).toBe(0);
    expect(list.has(79997770001)).toBeUndefined();
  });
});

describe("loadExcludeList: files that cannot be used", () => {
  it.each([
    [
      ["dnc.csv"],
      "clients.campaign.yaml",
      "exclude file dnc.csv does not exist (named in clients.campaign.yaml).",
    ],
    [["dnc.csv"], undefined, "exclude file dnc.csv does not exist."],
    [
      ["../hygiene"],
      "c.yaml",
      "exclude file ../hygiene is not a .csv, .txt or .xlsx file (named in c.yaml); save the phones as one of these.",
    ],
    [
      ["dnc.pdf"],
      "c.yaml",
      "exclude file dnc.pdf is not a .csv, .txt or .xlsx file (named in c.yaml); save the phones as one of these.",
    ],
    [
      ["no-phone-column.csv"],
      "c.yaml",
      "exclude file no-phone-column.csv has no phone column (named in c.yaml): its columns are Имя, Комментарий; name the phone column Телефон, or leave only the phones in the file.",
    ],
  ])("%j is a ConfigError", async (files, namedIn, message) => {
    const error = await load(files, namedIn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(message);
    expect((error as ConfigError).exitCode).toBe(2);
  });

  it("refuses more files than it can tell apart, before reading any", async () => {
    const names = Array.from({ length: 65_537 }, (_, i) => `dnc-${i}.csv`);
    const error = await load(names, "c.yaml").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe("E_CONFIG");
    expect((error as ConfigError).message).toBe(
      "at most 65536 exclude files can be used at once, got 65537 (named in c.yaml).",
    );
  });

  it("refuses a folder named like a list", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctdial-exclude-"));
    try {
      await mkdir(join(dir, "dnc.csv"));
      const error = await loadExcludeList(["dnc.csv"], { baseDir: dir, namedIn: "c.yaml" }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).code).toBe("E_CONFIG");
      expect((error as ConfigError).message).toBe(
        "exclude file dnc.csv is a folder, not a file (named in c.yaml).",
      );
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it("passes on the CSV reader's own sentence for a file it cannot read, naming the file as the user would", async () => {
    const error = await load(["unclosed-quote.csv"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `${FIXTURES}/unclosed-quote.csv, line 2: a quote (") opened here is never closed; close it or remove it.`,
    );
  });
});

describe("loadExcludeList: large lists", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ctdial-exclude-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true });
  });

  it("keeps the first examples of a file full of mistakes and counts them all", async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `bad ${i}`);
    await writeFile(join(dir, "garbage.txt"), `79990000000\n${lines.join("\n")}\n`);
    const list = await loadExcludeList(["garbage.txt"], { baseDir: dir });
    expect(list.files[0]!.invalidCount).toBe(150);
    expect(list.invalid).toHaveLength(MAX_INVALID_EXAMPLES);
    expect(withoutProblem(list.invalid.at(-1)!)).toEqual({
      file: "garbage.txt",
      rowNumber: MAX_INVALID_EXAMPLES + 1,
      value: `bad ${MAX_INVALID_EXAMPLES - 1}`,
      message: `expected a phone number, got "bad ${MAX_INVALID_EXAMPLES - 1}"`,
    });
  });

  it("holds 1,000,000 phones and finds every one of them", async () => {
    const count = 1_000_000;
    const key = (i: number) => 79_990_000_000 + i * 7;
    const text = Array.from({ length: count }, (_, i) => String(key(i))).join("\n");
    await writeFile(join(dir, "million.txt"), text);
    const list = await loadExcludeList(["million.txt"], { baseDir: dir });
    expect(list.size).toBe(count);
    for (let i = 0; i < count; i += 1) {
      if (list.has(key(i)) !== "million.txt") throw new Error(`phone ${key(i)} is not excluded`);
    }
    expect(list.has(key(0) + 1)).toBeUndefined();
    expect(list.has(key(count - 1) + 7)).toBeUndefined();
  });
});

/** A line's English `message` says what its `problem` says as data (checked in exclude-warnings.test.ts). */
function withoutProblem<T extends { problem?: unknown }>(line: T): Omit<T, "problem"> {
  const { problem: _problem, ...rest } = line;
  return rest;
}
