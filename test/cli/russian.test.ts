import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { confirmationQuestion, DeclinedError, isYes } from "../../src/cli/confirm.js";
import { errorJson } from "../../src/cli/error-json.js";
import { setLang } from "../../src/cli/lang.js";
import { formatSummary } from "../../src/cli/output.js";
import { formatProgress } from "../../src/cli/progress.js";
import { formatStatus } from "../../src/cli/status.js";
import type { CampaignStatus } from "../../src/engine/status.js";
import { emptySummary } from "../../src/engine/summary.js";

/** The CLI's own words in Russian: the summary, the progress line, the question, `status`. */
beforeEach(() => setLang("ru"));
afterEach(() => setLang("en"));

function counted(total: number, parts: Partial<Record<"sent" | "skipped" | "invalid", number>>) {
  const s = emptySummary("/tmp/клиенты.report.csv", false);
  Object.assign(s, { total, ...parts });
  return s;
}

describe("the Russian summary", () => {
  it("keeps English's shape: the count first, its noun after, then the same parts in the same order", () => {
    expect(formatSummary(counted(37, { sent: 30, skipped: 1, invalid: 6 }))[0]).toBe(
      "37 строк: отправлено 30, пропущено 1, с ошибками 6",
    );
  });

  it.each([
    [1, "1 строка"],
    [2, "2 строки"],
    [5, "5 строк"],
    [11, "11 строк"],
    [21, "21 строка"],
    [101, "101 строка"],
    [12345, "12\u00a0345 строк"],
  ])("agrees with %i rows: %s", (total, rows) => {
    expect(formatSummary(counted(total, { sent: total }))[0]).toBe(
      `${rows}: отправлено ${rows.split(" строк")[0]}`,
    );
  });

  it("a dry run, nothing to do, rows that need attention, the rest as a count", () => {
    const dry = emptySummary("r.csv", true);
    Object.assign(dry, { total: 2, "would-send": 2 });
    expect(formatSummary(dry)[0]).toBe("2 строки: к отправке 2");
    expect(formatSummary(emptySummary("r.csv", false))[0]).toBe("0 строк: нечего отправлять");
    const s = counted(25, { sent: 2, invalid: 23 });
    s.problemCount = 21;
    s.problems = [{ rowNumber: 7, status: "invalid", message: "столбец Телефон: пусто" }];
    const lines = formatSummary(s);
    expect(lines).toContain("Требует внимания 21 строка:");
    expect(lines).toContain("  строка 7  invalid  столбец Телефон: пусто");
    expect(lines).toContain("  ... и ещё 20 (см. отчёт)");
  });

  it("says why rows were skipped, with the count agreeing", () => {
    const s = counted(3, { skipped: 3 });
    s.skippedBecause = { "dialed-recently": 1, "past-schedule": 2 };
    const lines = formatSummary(s).join("\n");
    expect(lines).toContain("Пропущена 1 строка: кампания на этом компьютере уже отправила этот номер");
    expect(lines).toContain("Пропущены 2 строки: время звонка уже прошло");
  });
});

describe("the Russian progress line", () => {
  it("words the rate, the time left and the counts", () => {
    expect(
      formatProgress({ done: 50, total: 200, rate: 4.9, etaSeconds: 31, counts: { sent: 48, failed: 2 } }),
    ).toBe(
      "[######..................]  25%  50/200  4,9/с осталось 0:31  отправлено 48, не удалось отправить 2",
    );
  });
});

describe("the Russian question before sending", () => {
  const base = { source: "/data/clients.csv", endpoint: "api.calltouch.ru", routeKey: "abc" } as const;
  it.each([
    [1, "1 строку"],
    [2, "2 строки"],
    [5, "5 строк"],
    [21, "21 строку"],
  ])("asks about %i rows", (toSend, rows) => {
    expect(
      confirmationQuestion({
        ...base,
        mode: "run",
        includeUnknown: false,
        rows: { kind: "exact", toSend, inFile: 37 },
      }),
    ).toBe(`Отправить ${rows} из clients.csv (всего в файле 37) на api.calltouch.ru (routeKey abc)?`);
  });

  it("a retry, and a count still running", () => {
    expect(
      confirmationQuestion({
        ...base,
        mode: "retry",
        includeUnknown: true,
        routeKey: undefined,
        rows: { kind: "estimate", inFile: 250 },
      }),
    ).toBe(
      "Отправить повторно строки со статусом failed или unknown из clients.csv (в файле около 250; подсчёт ещё идёт) на api.calltouch.ru (routeKey из файла)?",
    );
  });

  it("takes д and да as well as y and yes, in either language", () => {
    for (const yes of ["y", "Y", "yes", "д", "Д", "да", " Да "]) expect(isYes(yes), yes).toBe(true);
    for (const no of ["", "n", "нет", "н", "дда", "yess"]) expect(isYes(no), no).toBe(false);
  });

  it("declining: the same code, the sentence in Russian", () => {
    expect(JSON.parse(errorJson(new DeclinedError()))).toEqual({
      error: {
        code: "E_DECLINED",
        message:
          "Ничего не отправлено: запуск не подтверждён (ответьте «д», чтобы отправить, или добавьте --yes, чтобы не спрашивать).",
      },
    });
  });
});

describe("ctdial status in Russian", () => {
  it("counts, the last run in Russian time, what is left", () => {
    const status = {
      total: 21,
      rows: { sent: 18, failed: 2, unknown: 1 },
      left: 0,
      retryable: 2,
      timezone: "Europe/Moscow",
      journal: {
        exists: true,
        path: "/state/journals/clients.jsonl",
        runs: 2,
        lastRunAt: "2026-12-06T11:03:00.000Z",
      },
    } as unknown as CampaignStatus;
    expect(formatStatus(status)).toEqual([
      "21 строка: отправлено 18, не удалось отправить 2, ответ потерян 1",
      "Последний запуск: 6 декабря 2026, 14:03 (Europe/Moscow) (всего 2 запуска)",
      "Отправлять больше нечего.",
      "Не удалось отправить: 2 (ctdial retry отправит повторно)",
      "Ответ потерян: 1 (звонок мог состояться; ctdial retry --include-unknown отправит повторно)",
      "Журнал: /state/journals/clients.jsonl",
    ]);
  });
});

describe("the process's own errors and warnings in Russian", () => {
  it("an unexpected error keeps its code E_INTERNAL, its message in Russian", () => {
    expect(JSON.parse(errorJson(new Error("x.map is not a function")))).toEqual({
      error: {
        code: "E_INTERNAL",
        message:
          "непредвиденная ошибка: x.map is not a function (это ошибка в самом ctdial; подробности покажет CTDIAL_DEBUG=1)",
      },
    });
  });

  it("a step that fails while closing is a Russian warning", async () => {
    const { runCleanup } = await import("../../src/cli/cleanup.js");
    const { said } = await import("../../src/i18n/catalog.js");
    const seen: string[] = [];
    await runCleanup(
      [
        {
          what: said("cliCleanupConnection", {}),
          run: () => {
            throw new Error("socket hang up");
          },
        },
      ],
      (what) => seen.push(what),
    );
    expect(seen).toEqual(["закрыть соединение"]);
  });
});
