import { describe, expect, it } from "vitest";
import { said } from "../../src/i18n/catalog.js";
import { NO_ANSWER_MESSAGE, priorToOutcome } from "../../src/journal/index.js";
import { open, row, SENT_AT, stateDir } from "./helpers.js";

describe("journal replay", () => {
  it("gives back every status as it was recorded, after a reopen", async () => {
    const dir = await stateDir();
    const journal = await open(dir);
    await journal.recordRun("run");
    for (let n = 1; n <= 6; n++) await journal.recordIntent(row(n), 1);
    await journal.recordOutcome(row(1), {
      status: "sent",
      requestId: 242839778,
      sentAt: SENT_AT,
      attempts: 1,
    });
    await journal.recordOutcome(row(2), {
      status: "failed",
      code: 10006,
      message: "Слишком много заявок",
      attempts: 3,
    });
    await journal.recordOutcome(row(3), {
      status: "invalid",
      problems: [{ column: "Телефон", problem: said("rowsPhoneEmpty", {}) }],
    });
    await journal.recordOutcome(row(4), {
      status: "unknown",
      code: "ECONNRESET",
      message: "the answer was lost",
      attempts: 1,
    });
    await journal.recordOutcome(row(5), { status: "pending", reason: "stopped: 10001", attempts: 2 });
    // row 6: intent and no outcome
    await journal.close();

    const again = await open(dir);
    expect(again.priorOf(row(1).phoneKey, row(1).rowHash)).toEqual({
      status: "sent",
      requestId: 242839778,
      sentAt: SENT_AT,
      attempts: 1,
      rowNumber: 2,
    });
    expect(again.priorOf(row(2).phoneKey, row(2).rowHash)).toEqual({
      status: "failed",
      code: 10006,
      message: "Слишком много заявок",
      attempts: 3,
      rowNumber: 3,
    });
    expect(again.priorOf(row(3).phoneKey, row(3).rowHash)).toEqual({
      status: "invalid",
      message: 'ctdial-rows:[["Телефон","rowsPhoneEmpty",{}]]',
      attempts: 1,
      rowNumber: 4,
    });
    expect(again.priorOf(row(4).phoneKey, row(4).rowHash)).toEqual({
      status: "unknown",
      code: "ECONNRESET",
      message: "the answer was lost",
      attempts: 1,
      rowNumber: 5,
      noAnswer: false,
    });
    expect(again.priorOf(row(5).phoneKey, row(5).rowHash)).toEqual({
      status: "pending",
      attempts: 2,
      rowNumber: 6,
    });
    expect(again.priorOf(row(6).phoneKey, row(6).rowHash)).toEqual({
      status: "unknown",
      message: NO_ANSWER_MESSAGE,
      attempts: 1,
      rowNumber: 7,
      noAnswer: true,
    });
    expect(again.priorOf(row(7).phoneKey, row(7).rowHash)).toBeUndefined();

    const stats = again.stats();
    expect(stats.counts).toEqual({ sent: 1, failed: 1, invalid: 1, unknown: 2, pending: 1 });
    expect(stats.rowsKnown).toBe(6);
    expect(stats.runs).toBe(1);
    expect(stats.lastRunAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(stats.exists).toBe(true);
    expect(stats.tornLine).toBeUndefined();
  });

  it("finds a sent row by its phone even when rows above it were inserted and its cells changed", async () => {
    const dir = await stateDir();
    const journal = await open(dir);
    await journal.recordIntent(row(1, "v1", 10), 1);
    await journal.recordOutcome(row(1, "v1", 10), {
      status: "sent",
      requestId: 7,
      sentAt: SENT_AT,
      attempts: 1,
    });
    await journal.close();

    const again = await open(dir);
    // Now row 25 of an edited file, with another name in it: still the same person, already called.
    const moved = row(1, "v2 renamed", 25);
    expect(again.priorOf(moved.phoneKey, moved.rowHash)).toMatchObject({
      status: "sent",
      requestId: 7,
      rowNumber: 10,
    });
  });

  it("treats a failed or invalid row whose content was fixed as new, and an unchanged one as failed", async () => {
    const dir = await stateDir();
    const journal = await open(dir);
    for (const n of [1, 2]) await journal.recordIntent(row(n), 1);
    await journal.recordOutcome(row(1), {
      status: "failed",
      code: 10004,
      message: "session not found",
      attempts: 1,
    });
    await journal.recordOutcome(row(2), {
      status: "invalid",
      problems: [{ problem: said("rowsPhoneEmpty", {}) }],
    });
    await journal.close();

    const again = await open(dir);
    expect(again.priorOf(row(1).phoneKey, row(1).rowHash)?.status).toBe("failed");
    expect(again.priorOf(row(1, "fixed").phoneKey, row(1, "fixed").rowHash)).toBeUndefined();
    expect(again.priorOf(row(2).phoneKey, row(2).rowHash)?.status).toBe("invalid");
    expect(again.priorOf(row(2, "fixed").phoneKey, row(2, "fixed").rowHash)).toBeUndefined();
  });

  it("lets the latest record win: a retried unknown that was then sent is sent", async () => {
    const dir = await stateDir();
    const journal = await open(dir);
    await journal.recordIntent(row(1), 1);
    await journal.close();
    const second = await open(dir);
    expect(second.priorOf(row(1).phoneKey, row(1).rowHash)?.status).toBe("unknown");
    await second.recordRun("retry");
    await second.recordIntent(row(1), 2);
    await second.recordOutcome(row(1), { status: "sent", requestId: 9, sentAt: SENT_AT, attempts: 2 });
    await second.close();

    const third = await open(dir);
    expect(third.priorOf(row(1).phoneKey, row(1).rowHash)).toMatchObject({ status: "sent", attempts: 2 });
    expect(third.stats()).toMatchObject({ runs: 1, counts: { sent: 1, unknown: 0 } });
  });

  it("reflects records of the current run at once, before any reopen", async () => {
    const journal = await open(await stateDir());
    await journal.recordIntent(row(1), 1);
    expect(journal.priorOf(row(1).phoneKey, row(1).rowHash)).toMatchObject({
      status: "unknown",
      noAnswer: true,
    });
    await journal.recordOutcome(row(1), {
      status: "sent",
      requestId: "A-17",
      sentAt: "2026-03-02T07:15:00Z",
      attempts: 1,
    });
    expect(journal.priorOf(row(1).phoneKey, row(1).rowHash)).toMatchObject({
      status: "sent",
      requestId: "A-17",
      sentAt: "2026-03-02T07:15:00Z",
    });
  });

  it("carries the intent's attempt number into an outcome that has none", async () => {
    const journal = await open(await stateDir());
    await journal.recordIntent(row(1), 4);
    await journal.recordOutcome(row(1), {
      status: "invalid",
      problems: [{ problem: said("rowsPhoneGotText", { text: "Неверный номер" }) }],
    });
    expect(journal.priorOf(row(1).phoneKey, row(1).rowHash)).toMatchObject({
      status: "invalid",
      attempts: 4,
    });
  });

  it("does not journal skipped and would-send rows (they are recomputed every run)", async () => {
    const dir = await stateDir();
    const journal = await open(dir);
    await journal.recordOutcome(row(1), { status: "skipped", reason: said("rowsDuplicate", { row: 2 }) });
    await journal.recordOutcome(row(2), { status: "would-send" });
    expect(journal.stats().rowsKnown).toBe(0);
    await journal.close();
    expect((await open(dir)).priorOf(row(1).phoneKey, row(1).rowHash)).toBeUndefined();
  });

  it("turns prior states back into report outcomes", () => {
    expect(
      priorToOutcome({ status: "sent", requestId: 5, sentAt: SENT_AT, attempts: 1, rowNumber: 2 }),
    ).toEqual({
      status: "sent",
      requestId: 5,
      sentAt: SENT_AT,
      attempts: 1,
    });
    expect(
      priorToOutcome({ status: "failed", code: 10006, message: "m", attempts: 2, rowNumber: 2 }),
    ).toEqual({
      status: "failed",
      code: 10006,
      message: "m",
      attempts: 2,
    });
    expect(priorToOutcome({ status: "invalid", message: "bad", attempts: 1, rowNumber: 2 })).toEqual({
      status: "invalid",
      problems: [{ problem: { code: "rowsVerbatim", params: { text: "bad" } } }],
    });
    expect(
      priorToOutcome({
        status: "unknown",
        message: NO_ANSWER_MESSAGE,
        attempts: 1,
        rowNumber: 2,
        noAnswer: true,
      }),
    ).toEqual({ status: "unknown", message: { code: "runNoAnswer", params: {} }, attempts: 1 });
    expect(priorToOutcome({ status: "pending", attempts: 0, rowNumber: 2 })).toEqual({
      status: "pending",
      attempts: 0,
    });
  });

  it("reads a read-only journal that does not exist as empty, creating nothing", async () => {
    const dir = await stateDir();
    const journal = await open(dir, { readOnly: true });
    expect(journal.stats()).toMatchObject({ exists: false, rowsKnown: 0, runs: 0 });
    await expect(journal.recordRun("run")).rejects.toThrow(/read-only/);
    const { existsSync } = await import("node:fs");
    expect(existsSync(dir)).toBe(false);
  });
});
