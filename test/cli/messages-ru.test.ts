import { afterEach, describe, expect, it } from "vitest";
import { decide } from "../../src/calltouch/decide.js";
import { setLang } from "../../src/cli/lang.js";
import {
  errorText,
  reportNoteText,
  runWaitText,
  senderBusyText,
  senderWaitText,
  sinkFailureText,
  stoppedLine,
  stopText,
} from "../../src/cli/messages.js";
import { ConfigError, StopError } from "../../src/errors.js";
import { words } from "../../src/i18n/catalog.js";
import { readableTime } from "../../src/i18n/format.js";
import { corruptLineError } from "../../src/journal/format.js";
import { stateDirError } from "../../src/journal/state-dir.js";

/** The same stops, errors and notes as messages.test.ts, worded for a Russian-speaking user. */
describe("the CLI words stops and journal errors in Russian", () => {
  afterEach(() => setLang("en"));

  it("the journal lock, the state directory and a damaged journal", () => {
    setLang("ru");
    const locked = new ConfigError({
      code: "E_JOURNAL_LOCKED",
      params: { lockFile: "/state/journals/a1.lock", pid: 4242 },
    });
    expect(errorText(locked)).toBe(
      "Эту кампанию сейчас отправляет другой ctdial (процесс 4242). Дождитесь, пока он закончит, или удалите /state/journals/a1.lock, если ctdial не запущен.",
    );
    expect(locked.message).toBe(
      "this campaign is being run by another ctdial (process 4242); wait for it to finish, or delete /state/journals/a1.lock if no ctdial is running",
    );
    const error = stateDirError("/state", Object.assign(new Error("denied"), { code: "EACCES" }));
    expect(error.code).toBe("E_STATE_DIR");
    expect(errorText(error)).toBe(
      "Не удаётся использовать папку состояния /state (EACCES): проверьте права доступа и свободное место на диске или укажите другую папку через --state-dir.",
    );
    expect(errorText(corruptLineError("/state/j.jsonl", 12345))).toMatch(
      /^Журнал \/state\/j\.jsonl повреждён в строке 12\s345\. /,
    );
  });

  it("the daily limit, with Russian plurals", () => {
    setLang("ru");
    const stop = (limit: number) =>
      stopText({ kind: "daily-limit", code: "E_DAILY_LIMIT", message: "x", params: { limit, used: limit } });
    expect(stop(2)).toEqual({
      message: "Достигнут дневной лимит: 2 принятые заявки (сегодня принято 2).",
      advice: "Запустите ту же команду завтра или увеличьте dailyLimit в файле кампании.",
    });
    expect(stop(1).message).toContain("1 принятая заявка");
    expect(stop(5).message).toContain("5 принятых заявок");
    expect(stop(11).message).toContain("11 принятых заявок");
    expect(stop(21).message).toContain("21 принятая заявка");
    expect(stop(101).message).toContain("101 принятая заявка");
    expect(
      stoppedLine({
        kind: "daily-limit",
        code: "E_DAILY_LIMIT",
        message: "x",
        params: { limit: 3, used: 3 },
      }),
    ).toBe("Остановлено: Достигнут дневной лимит: 3 принятые заявки (сегодня принято 3).");
  });

  it("the call window opens at a Russian date in the campaign's zone", () => {
    setLang("ru");
    const { message, advice } = stopText({
      kind: "call-window",
      code: "E_CALL_WINDOW",
      message: "x",
      params: {
        from: "09:00",
        to: "18:00",
        days: ["mon", "tue"],
        zone: "Europe/Moscow",
        opensAt: "2026-12-07T09:00:00+03:00",
      },
    });
    expect(message).toBe(
      "Сейчас вне окна звонков (09:00–18:00, mon tue, Europe/Moscow); оно откроется 7 декабря 2026, 09:00 (Europe/Moscow).",
    );
    expect(advice).toBe(
      "Запустите ту же команду, когда окно откроется, или уберите --no-wait, чтобы дождаться его.",
    );
    expect(runWaitText({ for: "call-window", opensAt: 1000 + 7_530_000 }, 1000)).toBe(
      "Ждём окна звонков, откроется через 2:05:30",
    );
  });

  it("Calltouch's refusal keeps its own words; ctdial's advice is Russian", () => {
    setLang("ru");
    const refusal = {
      kind: "calltouch-refusal",
      code: 10003,
      message: "Не найден включённый виджет с указанным routeKey",
      params: { routeKeys: ["rk1", "rk2"] },
    } as const;
    expect(stopText(refusal)).toEqual({
      message: "Calltouch отклонил ключи виджетов rk1, rk2: Не найден включённый виджет с указанным routeKey",
      advice: "Включите в Calltouch виджет с этим routeKey и запустите снова.",
    });
    expect(stoppedLine(refusal)).toBe(
      "Остановлено: Calltouch ответил 10003: Calltouch отклонил ключи виджетов rk1, rk2: Не найден включённый виджет с указанным routeKey",
    );
  });

  it("a 10001 stop from decide: ctdial's words for it and its advice are data, worded in Russian", () => {
    const decision = decide({ kind: "api-error", status: 400, code: 10001, message: "" });
    if (decision.action !== "stop-campaign") throw new Error(`expected a stop, got ${decision.action}`);
    const { code, message, messageSaid, advice, adviceSaid } = decision;
    const stop = { kind: "calltouch-refusal", code, message, messageSaid, advice, adviceSaid } as const;
    setLang("ru");
    expect(stopText(stop)).toEqual({
      message: "ошибка Calltouch 10001",
      advice: "Пополните минуты обратного звонка в Calltouch, затем запустите ту же команду снова.",
    });
    expect(stoppedLine(stop)).toBe("Остановлено: Calltouch ответил 10001: ошибка Calltouch 10001");
    setLang("en");
    expect(stopText(stop)).toEqual({
      message: "Calltouch error 10001",
      advice: "Top up callback minutes in Calltouch, then run the same command again.",
    });
  });

  it("a stop's advice made as a Said is worded in Russian", () => {
    setLang("ru");
    const busy = new StopError(
      { code: "E_SENDER_BUSY", params: {} },
      { advice: { code: "runAdviceSenderBusy", params: {} } },
    );
    expect(busy.advice).toBe(
      "Run it again when the other ctdial has finished, or leave out --no-wait to wait for it.",
    );
    const stop = { kind: busy.kind, code: busy.code, message: busy.message, adviceSaid: busy.adviceSaid };
    expect(stopText(stop)).toEqual({
      message: "С этого компьютера уже отправляет другой ctdial",
      advice: "Запустите снова, когда другой ctdial закончит, или уберите --no-wait, чтобы дождаться его.",
    });
  });

  it("the other sender, since a Russian date", () => {
    setLang("ru");
    const since = "2026-12-06T11:03:00.000Z";
    const holder = { pid: 4242, command: "ctdial run clients.csv", since };
    expect(senderBusyText(holder)).toBe(
      `С этого компьютера уже отправляет другой ctdial (процесс 4242: ctdial run clients.csv, с ${readableTime("ru", since)})`,
    );
    expect(readableTime("ru", since, { zone: "Europe/Moscow" })).toBe(
      "6 декабря 2026, 14:03 (Europe/Moscow)",
    );
    expect(senderBusyText(holder)).toMatch(/, с 6 декабря 2026, \d\d:\d\d \(/);
    expect(senderWaitText(undefined)).toBe(
      "С этого компьютера уже отправляет другой ctdial. Ждём, пока он закончит (Calltouch ограничивает частоту запросов на весь компьютер).",
    );
    expect(senderBusyText({ pid: 7, command: "ctdial", since: "" })).toContain("с неизвестного времени");
  });

  it("why the report was not written", () => {
    setLang("ru");
    expect(reportNoteText("clients.report.csv", { reason: "another-run", pid: 4242 })).toBe(
      "clients.report.csv не тронут: эту кампанию сейчас отправляет ctdial (процесс 4242), он запишет отчёт, когда закончит.",
    );
    expect(
      reportNoteText("r.csv", {
        reason: "failed",
        code: "E_JOURNAL_WRITE",
        message: "x",
        params: { path: "/j.jsonl", errno: "ENOSPC" },
      }),
    ).toBe(
      "Не удаётся записать журнал /j.jsonl (ENOSPC): освободите место на диске или исправьте права доступа, затем запустите ту же команду снова; все результаты есть в журнале: `ctdial validate` с тем же файлом запишет отчёт заново.",
    );
  });

  it("English stays as it was", () => {
    expect(senderBusyText({ pid: 7, command: "ctdial", since: "" })).toBe(
      "another ctdial is sending from this machine (process 7: ctdial, since an unknown time)",
    );
    expect(runWaitText({ for: "call-window", opensAt: 7_530_000 }, 0)).toBe(
      "waiting for the call window, opens in 2:05:30",
    );
  });
  it("ctdial sandbox counts accepted requests in Russian", () => {
    const stopped = (accepted: number) => words("ru").runSandboxStopped({ accepted });
    expect(stopped(1)).toBe("Остановлено. Принято 1 заявка.");
    expect(stopped(2)).toBe("Остановлено. Принято 2 заявки.");
    expect(stopped(5)).toBe("Остановлено. Принято 5 заявок.");
    expect(stopped(11)).toBe("Остановлено. Принято 11 заявок.");
    expect(stopped(21)).toBe("Остановлено. Принято 21 заявка.");
    expect(stopped(101)).toBe("Остановлено. Принято 101 заявка.");
    expect(words("en").runSandboxStopped({ accepted: 1 })).toBe("Stopped. 1 request was accepted.");
    expect(words("en").runSandboxStopped({ accepted: 2 })).toBe("Stopped. 2 requests were accepted.");
  });

  it("no token: where ctdial looked, in Russian; the code stays E_CONFIG", () => {
    setLang("ru");
    const error = new ConfigError(
      { code: "E_NO_TOKEN", params: { envFiles: ["/a/.env", "/b/.env"] } },
      { code: "E_CONFIG" },
    );
    expect(error.code).toBe("E_CONFIG");
    expect(errorText(error)).toMatch(
      /^Не задан CALLTOUCH_TOKEN \(искали в окружении, \/a\/\.env и \/b\/\.env\)\. /,
    );
    expect(error.message).toMatch(
      /^CALLTOUCH_TOKEN is not set \(looked in the environment, \/a\/\.env and \/b\/\.env\); /,
    );
  });

  it("names a sink that failed by what it writes to, in the user's language", () => {
    const failure = Object.assign(new Error("ENOSPC"), { code: "ENOSPC" });
    expect(sinkFailureText("the report /r.csv", failure, { kind: "report", where: "/r.csv" })).toMatch(
      /^the report \/r\.csv could not be written \(ENOSPC\)/,
    );
    setLang("ru");
    const sheet = sinkFailureText('the sheet "Клиенты"', failure, { kind: "sheet", where: "Клиенты" });
    expect(sheet).toMatch(/^Не удалось записать лист «Клиенты» таблицы \(ENOSPC\)/);
    expect(sheet).not.toContain("the sheet");
  });
});
