import { describe, expect, it } from "vitest";
import { decide, STOP_ADVICE, STOP_ADVICE_SAID } from "../../src/calltouch/decide.js";
import { formatStatus } from "../../src/cli/watch-status.js";
import {
  doneLine,
  errorNoteText,
  folderEventLine,
  folderPauseAdvice,
  ignoreReasonText,
  saidText,
  waitReasonText,
} from "../../src/cli/watch-words.js";
import { ConfigError } from "../../src/errors.js";
import { words } from "../../src/i18n/catalog.js";
import { errorSaid } from "../../src/watch/campaign-job.js";
import type { StatusView } from "../../src/watch/folder-events.js";

/** The folder service's words in both languages: the same facts, each in its own words. */
const AT = Date.parse("2026-12-07T06:00:00Z");
const ZONE = "Europe/Moscow";

const done = (total: number, sent: number, sentNow = sent) =>
  ({
    kind: "done",
    file: "a.csv",
    total,
    counts: { sent, invalid: total - sent },
    sentNow,
    to: "done",
  }) as const;

describe("the folder's words in Russian", () => {
  it("counts rows with Russian plurals: 1, 2, 5, 11, 21, 101", () => {
    const said = [1, 2, 5, 11, 21, 101].map((n) => doneLine(done(n, n), "ru"));
    expect(said).toEqual([
      "a.csv: 1 строка: отправлено 1",
      "a.csv: 2 строки: отправлено 2",
      "a.csv: 5 строк: отправлено 5",
      "a.csv: 11 строк: отправлено 11",
      "a.csv: 21 строка: отправлено 21",
      "a.csv: 101 строка: отправлено 101",
    ]);
    expect(doneLine(done(12345, 12340), "ru")).toBe(
      "a.csv: 12\u00a0345 строк: отправлено 12\u00a0340, с ошибками 5",
    );
    expect(doneLine(done(40, 40, 0), "ru")).toBe("a.csv: 40 строк: все отправлены ранее, отправлять нечего");
    expect(doneLine(done(40, 38, 3), "ru")).toBe(
      "a.csv: 40 строк: отправлено 3, отправлено ранее 35, с ошибками 2",
    );
    expect(doneLine({ ...done(0, 0), counts: {} }, "ru")).toBe("a.csv: 0 строк: отправлять нечего");
  });

  it("a file that left mid-run: what it sent and what it did not, with plurals", () => {
    const line = (sent: number, notSent: number) =>
      folderEventLine({ kind: "file-left-stopped", file: "a.csv", sent, notSent }, "ru").text;
    expect(line(1, 1)).toBe(
      "a.csv: остановлен после отправки 1 строки; 1 строка под этим именем не отправлена",
    );
    expect(line(2, 5)).toBe(
      "a.csv: остановлен после отправки 2 строк; 5 строк под этим именем не отправлены",
    );
    expect(line(21, 22)).toBe(
      "a.csv: остановлен после отправки 21 строки; 22 строки под этим именем не отправлены",
    );
    expect(
      folderEventLine({ kind: "file-left-stopped", file: "a.csv", sent: 1, notSent: 2 }, "en").text,
    ).toBe("a.csv: stopped after sending 1 row; 2 rows not sent under this name");
  });

  it("a pause: Calltouch's own words kept, the advice in the folder's terms, the time in Russian", () => {
    const event = {
      kind: "paused",
      cause: {
        code: 10001,
        message: "Закончились минуты обратного звонка",
        advice: STOP_ADVICE[10001],
        adviceSaid: STOP_ADVICE_SAID[10001],
      },
      nextCheck: AT,
    } as const;
    const ru = folderEventLine(event, "ru").text;
    expect(ru).toContain("пауза: Calltouch ответил 10001: Закончились минуты обратного звонка.");
    expect(ru).toContain("Пополните минуты обратного звонка в Calltouch.");
    expect(ru).toMatch(/ctdial сам проверит снова \d{1,2} декабря 2026, \d\d:\d\d \(/);
    expect(ru).not.toMatch(/run the same command|Top up/);
  });

  it("a pause told from data alone: ctdial's words for Calltouch's silence and the folder's advice", () => {
    const decision = decide({ kind: "api-error", status: 400, code: 10002, message: "" });
    if (decision.action !== "stop-campaign") throw new Error(`expected a stop, got ${decision.action}`);
    const { messageSaid, adviceSaid } = decision;
    // No English text to match: the words come from the data.
    const cause = { code: 10002, message: "", messageSaid, adviceSaid };
    expect(folderPauseAdvice(cause, "ru")).toBe("Включите услугу обратного звонка в Calltouch.");
    expect(folderPauseAdvice(cause, "en")).toBe("Switch on the callback service in Calltouch.");
    const ru = folderEventLine({ kind: "paused", cause, nextCheck: AT }, "ru").text;
    expect(ru).toContain("Calltouch ответил 10002: ошибка Calltouch 10002.");
    expect(ru).toContain("Включите услугу обратного звонка в Calltouch.");
    expect(ru).not.toMatch(/Calltouch error|Switch on|run the same command/);
    const en = folderEventLine({ kind: "paused", cause, nextCheck: AT }, "en").text;
    expect(en).toContain("Calltouch answered 10002: Calltouch error 10002.");
  });

  it("the folder's advice in English is the engine's advice without 'run the same command again'", () => {
    for (const [which, advice] of Object.entries(STOP_ADVICE)) {
      const adviceSaid = STOP_ADVICE_SAID[which as keyof typeof STOP_ADVICE_SAID];
      const stripped = advice.replace(/,?\s*(and |then )?run the same command again[^.]*\.?$/i, ".");
      expect(folderPauseAdvice({ code: which, message: "", advice, adviceSaid }, "en")).toBe(stripped);
      expect(folderPauseAdvice({ code: which, message: "", advice, adviceSaid }, "ru")).toMatch(/[А-Яа-я]/);
      // Without the data, English still drops the clause from the text.
      expect(folderPauseAdvice({ code: which, message: "", advice }, "en")).toBe(stripped);
    }
    // An advice the folder does not know is kept as it is (less its last clause).
    expect(
      folderPauseAdvice({ code: 1, message: "", advice: "Call us, then run the same command again." }, "ru"),
    ).toBe("Call us.");
  });

  it("a daily limit waits for the next day, in the campaign's zone", () => {
    const why = { kind: "daily-limit", message: "достигнут дневной лимит", zone: ZONE } as const;
    expect(waitReasonText(why, "ru", AT, ZONE)).toBe(
      "достигнут дневной лимит; продолжу на следующий день, 7 декабря 2026, 09:00 (Europe/Moscow)",
    );
    expect(waitReasonText(why, "en", AT, ZONE)).toBe(
      "достигнут дневной лимит; it goes on the next day at 7 Dec 2026, 09:00 (Europe/Moscow)",
    );
  });

  it("an error made from a catalog key is worded in the reader's language; English keeps its message", () => {
    const error = new ConfigError({
      code: "E_WATCH_FOLDER",
      params: { target: "кампании", problem: "missing" },
    });
    const what = { message: error.message, ...errorSaid(error) };
    expect(saidText(what, "en")).toBe(error.message);
    expect(saidText(what, "ru")).toBe(
      "Папки кампаний кампании нет. Создайте её (`mkdir кампании`) или укажите нужную папку: ctdial watch <папка>.",
    );
    // No key: the message as it is, in any language.
    expect(saidText({ message: "disk full" }, "ru")).toBe("disk full");
  });

  it("error notes: what happened, then what to do, in Russian", () => {
    const note = errorNoteText(
      { kind: "cannot-run", file: "b.csv", message: "нет колонки с телефоном" },
      "ru",
    );
    expect(note).toBe(
      "b.csv не удалось обработать: нет колонки с телефоном. Исправьте и положите файл обратно в папку кампаний: уже отправленные строки повторно не отправляются.",
    );
    const widget = errorNoteText(
      {
        kind: "widget-refused",
        file: "w.csv",
        routeKeys: ["rk_off"],
        calltouchMessage: "Виджет выключен",
        advice: STOP_ADVICE[10003],
        adviceSaid: STOP_ADVICE_SAID[10003],
        sent: 21,
      },
      "ru",
    );
    expect(widget).toContain(
      "w.csv: отправка остановлена, Calltouch отклонил ключ виджета rk_off: Виджет выключен (ошибка 10003).",
    );
    expect(widget).toContain("Включите в Calltouch виджет «Форма на сайте» с этим routeKey");
    expect(widget).toContain("До этого отправлено: 21 строка;");
    expect(
      errorNoteText({ kind: "report-name-taken", file: "c.csv", report: "c.report.csv" }, "ru"),
    ).toContain("c.report.csv в папке кампаний не отчёт ctdial");
  });

  it("files passed over say why in Russian", () => {
    expect(ignoreReasonText("excel-lock", "ru")).toBe("файл блокировки Excel (таблица открыта в Excel)");
    expect(ignoreReasonText("not-a-table", "ru")).toBe(
      "ctdial не читает такие файлы (читает .csv, .tsv, .txt, .xlsx)",
    );
    expect(ignoreReasonText("not-a-table", "en")).toBe("not a table ctdial reads (.csv, .tsv, .txt, .xlsx)");
  });

  it("STATUS.txt in Russian: the state word stays (scripts read it), the rest is Russian", () => {
    const view: StatusView = {
      dir: "/srv/кампании",
      at: AT,
      state: { kind: "waiting", for: ["call-window", "daily-limit"], until: { at: AT, zone: ZONE } },
      since: AT,
      running: [
        { name: "a.csv", done: 2, counts: { sent: 2 }, waiting: { opensAt: AT } as never, zone: ZONE },
      ],
      waiting: [
        { name: "b.csv", why: { kind: "next" } },
        { name: "c.csv", why: { kind: "waits", why: { kind: "finishing-failed" } } },
      ],
      recent: [done(5, 5), { kind: "failed", file: "d.csv", to: "failed", note: "d.error.txt" }],
    };
    const ru = formatStatus(view, "UTC", "ru").split("\r\n");
    expect(ru).toEqual([
      "ctdial watch: WAITING с 7 декабря 2026, 06:00 (UTC): сейчас ни один файл не может отправлять: сейчас вне окна звонков; достигнут дневной лимит; первый продолжит 7 декабря 2026, 09:00 (Europe/Moscow)",
      "Папка: /srv/кампании",
      "Обновлено: 7 декабря 2026, 06:00:00 (UTC) (файл обновляется не реже чем раз в минуту, пока работает ctdial watch: время старее значит, что он не запущен)",
      "",
      "Отправляются:",
      "  a.csv: готово 2 строки (отправлено 2); ждёт окна звонков, оно откроется 7 декабря 2026, 09:00 (Europe/Moscow)",
      "",
      "Ждут:",
      "  b.csv: следующий в очереди",
      "  c.csv: ошибка при завершении; повторю через минуту",
      "",
      "Недавно обработаны:",
      "  a.csv: 5 строк: отправлено 5 (перенесён в done/)",
      "  d.csv: не удалось обработать (см. failed/d.error.txt)",
      "",
    ]);
    const en = formatStatus(view, "UTC", "en");
    expect(en).toContain("ctdial watch: WAITING since 7 Dec 2026, 06:00 (UTC): no file can send now:");
    expect(en).toContain(
      "  a.csv: 2 rows done (sent 2); waits for its call window, which opens at 7 Dec 2026, 09:00 (Europe/Moscow)",
    );
  });

  it("ctdial watch --help words come from the catalog in both languages", () => {
    expect(words("en").watchHelpOnce()).toBe(
      "a folder: run what is in it now, wait for it, and exit with the worst exit code",
    );
    expect(words("ru").watchHelpOnce()).toMatch(/^для папки: /);
  });
});
