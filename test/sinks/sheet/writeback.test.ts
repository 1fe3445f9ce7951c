import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SheetsApi } from "../../../src/google-sheets/api.js";
import { say } from "../../../src/i18n/catalog.js";
import { openSheetWriteback, type SheetWriteWarning } from "../../../src/sinks/sheet/writeback.js";
import { ERRORS } from "../../fakes/sheets/errors.js";
import { type SheetsFake, startSheetsFake } from "../../fakes/sheets/server.js";
import { tokenApi } from "../../google-sheets/helpers.js";
import { clientRows, columnOf, misplaced, mostPerMinute, readRows, sentFor, settled } from "./helpers.js";

let fake: SheetsFake;
let api: SheetsApi;
let clock: number;
const sleep = async (ms: number): Promise<void> => {
  clock += ms;
};

beforeEach(async () => {
  clock = 1_000_000;
  fake = await startSheetsFake({ now: () => clock, readsPerMinute: 1_000 });
  api = await tokenApi(fake);
});
afterEach(() => fake.close());

async function sinkFor(extra: Partial<Parameters<typeof openSheetWriteback>[0]> = {}) {
  const { source, rows } = await readRows(fake, api);
  const sink = await openSheetWriteback({
    api,
    tab: source.tab,
    headers: source.headers,
    headerRowNumber: source.headerRowNumber,
    now: () => clock,
    sleep,
    timer: false,
    checkAccess: true,
    ...extra,
  });
  return { sink, rows };
}

describe("writing results back into the sheet", () => {
  it("1,000 rows at 5 a second take at most 15 write requests, never more than 30 in a minute, every result on its row", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [{ title: "Лист1", rows: [["Телефон", "Имя"], ...clientRows(1000)] }],
    });
    const { sink, rows } = await sinkFor();
    for (const [i, row] of rows.entries()) {
      clock += 200;
      sink.accept(settled(row, i));
      await sink.idle();
    }
    await sink.close({ complete: true });
    const writes = fake.count("write");
    expect(writes).toBeLessThanOrEqual(15);
    expect(mostPerMinute(fake, "write")).toBeLessThanOrEqual(30);
    expect(misplaced(fake)).toEqual([]);
    const status = columnOf(fake, "ctdial_status");
    expect(
      fake
        .tab("s1")
        .rows.slice(1)
        .every((row) => row[status] === "sent"),
    ).toBe(true);
    expect(fake.tab("s1").rows[0]).toEqual([
      "Телефон",
      "Имя",
      "ctdial_status",
      "ctdial_error_code",
      "ctdial_error",
      "ctdial_request_id",
      "ctdial_sent_at",
      "ctdial_attempts",
      ...(fake.tab("s1").rows[0]!.length > 8 ? ["ctdial_phone"] : []),
    ]);
    console.info(`write requests for 1,000 rows: ${writes}; reads: ${fake.count("read")}`);
  });

  it("a slow run still shows its results within 30 s", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [{ title: "Лист1", rows: [["Телефон", "Имя"], ...clientRows(40)] }],
    });
    const { sink, rows } = await sinkFor();
    const writesAtOpen = fake.count("write");
    const flushedAt: number[] = [];
    for (const [i, row] of rows.entries()) {
      clock += 1000;
      const before = fake.count("write");
      sink.accept(settled(row, i));
      await sink.idle();
      if (fake.count("write") > before) flushedAt.push(i + 1);
    }
    expect(fake.count("write")).toBeGreaterThan(writesAtOpen);
    // One row a second: fewer than 80 waiting, so a flush every 30 s.
    expect(flushedAt).toEqual([30]);
    await sink.close({ complete: true });
  });

  it("grows a grid that is exactly the data's width (a CSV import) before writing past it", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [{ title: "Лист1", columnCount: 2, rows: [["Телефон", "Имя"], ...clientRows(3)] }],
    });
    const { sink, rows } = await sinkFor();
    rows.forEach((row, i) => {
      void sink.accept(settled(row, i));
    });
    await sink.close({ complete: true });
    expect(fake.requests.map((r) => r.detail)).toContain("appendDimension");
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
    expect(misplaced(fake)).toEqual([]);
  });

  it("reuses result columns found by header, wherever they are, and writes RAW (a formula stays text)", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [
        {
          title: "Лист1",
          rows: [
            ["Телефон", "ctdial_status", "Имя", "ctdial_error"],
            [79990000001, "failed", "a", "old"],
          ],
        },
      ],
    });
    const { sink, rows } = await sinkFor();
    sink.accept(
      settled(rows[0]!, 0, { status: "failed", code: 400, message: '=HYPERLINK("http://x")', attempts: 2 }),
    );
    await sink.close({ complete: true });
    const tab = fake.tab("s1");
    expect(tab.rows[0]!.slice(0, 4)).toEqual(["Телефон", "ctdial_status", "Имя", "ctdial_error"]);
    expect(tab.rows[1]![1]).toBe("failed");
    expect(tab.rows[1]![3]).toBe('=HYPERLINK("http://x")');
    expect(tab.rows[1]![columnOf(fake, "ctdial_attempts")]).toBe(2);
  });

  it("view-only access is refused when the sink opens, before anything is sent", async () => {
    fake.add({
      spreadsheetId: "s1",
      access: "reader",
      tabs: [{ title: "Лист1", rows: [["Телефон"], [79990000001]] }],
    });
    await expect(sinkFor()).rejects.toMatchObject({ code: "E_SHEETS_VIEW_ONLY", exitCode: 2 });
  });

  it("a 429 on a flush waits and tries again; a failed flush keeps its results for the next one", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [{ title: "Лист1", rows: [["Телефон", "Имя"], ...clientRows(20)] }],
    });
    const { sink, rows } = await sinkFor();
    fake.failures.push({ kind: "write", error: ERRORS.quota("Write") });
    rows.slice(0, 10).forEach((row, i) => {
      void sink.accept(settled(row, i));
    });
    await sink.flush();
    expect(fake.count("write", 429)).toBe(1);
    fake.failures.push({ kind: "write", error: ERRORS.invalid("backend hiccup") });
    rows.slice(10).forEach((row, i) => {
      void sink.accept(settled(row, 10 + i));
    });
    await expect(sink.flush()).rejects.toThrow(/backend hiccup/);
    await sink.close({ complete: true });
    const status = columnOf(fake, "ctdial_status");
    expect(
      fake
        .tab("s1")
        .rows.slice(1)
        .map((row) => row[status]),
    ).toEqual(new Array(20).fill("sent"));
    expect(misplaced(fake)).toEqual([]);
  });

  it.each([
    ["a row inserted above", { op: "insert", before: 3, rows: [[79995555555, "Новый"]] }],
    [
      "rows inserted far above (past the re-read margin)",
      { op: "insert", before: 2, rows: clientRows(300, 5000) },
    ],
    ["a row deleted above", { op: "delete", from: 2, count: 1 }],
    ["the tab sorted by name", { op: "sort", from: 2, column: 1, descending: true }],
  ] as const)("%s mid-run: every result still lands on its own row", async (_name, edit) => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [{ title: "Лист1", rows: [["Телефон", "Имя"], ...clientRows(200)] }],
    });
    const moved = new Map<number, number>();
    const { sink, rows } = await sinkFor({ onRowMoved: (readAt, writtenAt) => moved.set(readAt, writtenAt) });
    rows.forEach((row, i) => {
      clock += 200;
      if (i === 100)
        fake.edit({ spreadsheetId: "s1", title: "Лист1", ...edit } as Parameters<SheetsFake["edit"]>[0]);
      sink.accept(settled(row, i));
    });
    await sink.close({ complete: true });
    expect(misplaced(fake)).toEqual([]);
    const written = fake
      .tab("s1")
      .rows.filter((row) => row[columnOf(fake, "ctdial_status")] === "sent").length;
    // The deleted row's result has nowhere to go; every other one is written.
    expect(written).toBe(edit.op === "delete" ? 199 : 200);
    expect(sink.stats.rowsLeft).toBe(edit.op === "delete" ? 1 : 0);
    // Told where each moved result went, so the summary names the row where it is now.
    if (edit.op === "insert") {
      const shift = edit.rows.length;
      expect(moved.size).toBeGreaterThan(0);
      for (const [readAt, writtenAt] of moved) expect(writtenAt).toBe(readAt + shift);
    }
  });

  it("a rerun that settles every row again writes only the results that changed", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [{ title: "Лист1", rows: [["Телефон", "Имя"], ...clientRows(10)] }],
    });
    const first = await sinkFor();
    for (const [i, row] of first.rows.entries()) first.sink.accept(settled(row, i));
    await first.sink.close({ complete: true });
    const again = await sinkFor({ checkAccess: false });
    for (const [i, row] of again.rows.entries()) {
      void again.sink.accept(
        i === 7 ? settled(row, i, { status: "unknown", message: "lost", attempts: 1 }) : settled(row, i),
      );
    }
    await again.sink.close({ complete: true });
    expect(again.sink.stats).toEqual({ writes: 1, rowsWritten: 1, rowsLeft: 0 });
  });

  it("a rerun settling every row again writes only the rows whose result in the sheet differs", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [{ title: "Лист1", rows: [["Телефон", "Имя"], ...clientRows(10)] }],
    });
    const first = await sinkFor();
    first.rows.forEach((row, i) => {
      void first.sink.accept(settled(row, i));
    });
    await first.sink.close({ complete: true });
    const before = fake.count("write");
    const again = await sinkFor({ checkAccess: false });
    for (const [i, row] of again.rows.entries()) {
      void again.sink.accept(
        settled(row, i, i === 4 ? { status: "failed", message: "x", attempts: 2 } : sentFor(row)),
      );
    }
    await again.sink.close({ complete: true });
    expect(fake.count("write") - before).toBe(1);
    expect(again.sink.stats.rowsWritten).toBe(1);
  });

  it("a column that changes by itself (=NOW()) does not keep results from their rows: only the mapped columns are compared", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [
        {
          title: "Лист1",
          rows: [["Телефон", "Имя", "Обновлено"], ...clientRows(5).map((row) => [...row, 46000.5])],
        },
      ],
    });
    const { sink, rows } = await sinkFor({ matchColumns: [0, 1] });
    // The formula recalculated between the read and the write, as =NOW() does on every edit.
    for (const row of fake.tab("s1").rows.slice(1)) row[2] = 46000.75;
    rows.forEach((row, i) => {
      void sink.accept(settled(row, i));
    });
    await sink.close({ complete: true });
    expect(sink.stats).toMatchObject({ rowsWritten: 5, rowsLeft: 0 });
    expect(misplaced(fake)).toEqual([]);
  });

  it("tells the rows it could not place as data (count), for the CLI to word", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [{ title: "Лист1", rows: [["Телефон", "Имя"], ...clientRows(3)] }],
    });
    const warnings: unknown[] = [];
    const { sink, rows } = await sinkFor({ onWarning: (w) => warnings.push(w) });
    fake.edit({ spreadsheetId: "s1", title: "Лист1", op: "delete", from: 2, count: 3 });
    rows.forEach((row, i) => {
      void sink.accept(settled(row, i));
    });
    await sink.close({ complete: true });
    expect(warnings).toEqual([{ kind: "rows-not-placed", count: 3 }]);
  });

  it("a flush that fails in the background tells why as data (Google's words kept), and tries again", async () => {
    fake.add({
      spreadsheetId: "s1",
      tabs: [{ title: "Лист1", rows: [["Телефон", "Имя"], ...clientRows(3)] }],
    });
    const warnings: SheetWriteWarning[] = [];
    const { sink, rows } = await sinkFor({ onWarning: (w) => warnings.push(w), minRowsPerFlush: 1 });
    fake.failures.push({ kind: "write", error: ERRORS.invalid("backend hiccup") });
    clock += 15_001;
    void sink.accept(settled(rows[0]!, 0));
    await sink.idle();
    expect(warnings).toHaveLength(1);
    const warning = warnings[0]!;
    if (warning.kind !== "write-deferred") throw new Error(`unexpected ${warning.kind}`);
    expect(warning.retryInSeconds).toBe(15);
    expect(warning.reason).toEqual({
      code: "E_SHEETS_API",
      params: { spreadsheetId: "s1", httpStatus: 400, status: "INVALID_ARGUMENT", message: "backend hiccup" },
    });
    expect(say("en", warning.reason)).toBe(
      "Google Sheets answered 400 INVALID_ARGUMENT for spreadsheet s1: backend hiccup",
    );
    expect(say("ru", warning.reason)).toBe(
      "Google Sheets ответил 400 INVALID_ARGUMENT для таблицы s1: backend hiccup",
    );
    rows.slice(1).forEach((row, i) => {
      void sink.accept(settled(row, 1 + i));
    });
    await sink.close({ complete: true });
    expect(misplaced(fake)).toEqual([]);
    const status = columnOf(fake, "ctdial_status");
    expect(
      fake
        .tab("s1")
        .rows.slice(1)
        .map((row) => row[status]),
    ).toEqual(["sent", "sent", "sent"]);
  });
});
