import { describe, expect, it } from "vitest";
import { said } from "../../src/i18n/catalog.js";
import type { RowOutcome } from "../../src/outcome.js";
import { REPORT_COLUMNS } from "../../src/report-columns.js";
import { outcomeCells } from "../../src/sinks/columns.js";

describe("REPORT_COLUMNS", () => {
  it("are the columns of docs/contract.md in order", () => {
    expect(REPORT_COLUMNS).toEqual([
      "ctdial_status",
      "ctdial_error_code",
      "ctdial_error",
      "ctdial_request_id",
      "ctdial_sent_at",
      "ctdial_attempts",
      "ctdial_phone",
    ]);
  });
});

const NOTE = said("rowsPastAtSendCalledNow", {
  scheduledAt: Date.parse("2026-03-01T09:00:00+03:00"),
  sendAt: Date.parse("2026-03-01T09:01:05+03:00"),
  zone: "Europe/Moscow",
});
const NOTE_EN =
  "called at once, without a schedule time: the schedule time 01.03.2026 09:00:00 had passed when the row was to be sent (01.03.2026 09:01:05 Europe/Moscow) (pastScheduleTime: call-now)";
const LOST = said("rowsNetClosed", { host: "api.calltouch.ru", code: "ECONNRESET", after: true });
const INVALID: RowOutcome = {
  status: "invalid",
  problems: [
    { column: "Телефон", problem: said("rowsPhoneService", { number: "8-800" }) },
    { problem: said("rowsTooManyFields", { count: 6, max: 5 }) },
  ],
};

describe("outcomeCells", () => {
  const cases: [string, RowOutcome, (string | number | null)[]][] = [
    [
      "would-send: the status only",
      { status: "would-send" },
      ["would-send", null, null, null, null, null, null],
    ],
    [
      "would-send with a note: the note in the error column",
      { status: "would-send", note: NOTE },
      ["would-send", null, NOTE_EN, null, null, null, null],
    ],
    [
      "sent with a note: the note beside the request id",
      {
        status: "sent",
        requestId: 7,
        sentAt: "2026-03-01T10:00:00+03:00",
        attempts: 1,
        note: NOTE,
      },
      ["sent", null, NOTE_EN, 7, "2026-03-01T10:00:00+03:00", 1, null],
    ],
    [
      "invalid: every problem, each naming its column",
      INVALID,
      [
        "invalid",
        null,
        "column Телефон: 8-800 numbers cannot be dialed; 6 fields; Calltouch accepts at most 5",
        null,
        null,
        null,
        null,
      ],
    ],
    [
      "skipped: the reason",
      { status: "skipped", reason: said("rowsDuplicate", { row: 4 }) },
      ["skipped", null, "duplicate of row 4", null, null, null, null],
    ],
    ["pending without a reason", { status: "pending" }, ["pending", null, null, null, null, null, null]],
    [
      "pending with a reason and attempts",
      { status: "pending", reason: "the campaign stopped: 10001", attempts: 2 },
      ["pending", null, "the campaign stopped: 10001", null, null, 2, null],
    ],
    [
      "pending after a stop, with Calltouch's code",
      { status: "pending", code: 10001, reason: "Недостаточно минут", attempts: 1 },
      ["pending", 10001, "Недостаточно минут", null, null, 1, null],
    ],
    [
      "sent: request id, time and attempts",
      { status: "sent", requestId: 123456, sentAt: "2026-03-01T10:00:00+03:00", attempts: 1 },
      ["sent", null, null, 123456, "2026-03-01T10:00:00+03:00", 1, null],
    ],
    [
      "failed: code and Calltouch's message verbatim",
      { status: "failed", code: 10013, message: "Номер телефона невалиден", attempts: 1 },
      ["failed", 10013, "Номер телефона невалиден", null, null, 1, null],
    ],
    [
      "failed without a code",
      { status: "failed", message: "connection refused", attempts: 6 },
      ["failed", null, "connection refused", null, null, 6, null],
    ],
    [
      "unknown: the lost answer's reason",
      { status: "unknown", code: "ECONNRESET", message: LOST, attempts: 1 },
      [
        "unknown",
        "ECONNRESET",
        "api.calltouch.ru closed the connection after the request was sent, without an answer; the callback may have been created.",
        null,
        null,
        1,
        null,
      ],
    ],
  ];

  it.each(cases)("%s", (_name, outcome, expected) => {
    const cells = outcomeCells(outcome);
    expect(cells).toEqual(expected);
    expect(cells).toHaveLength(REPORT_COLUMNS.length);
  });

  it("words ctdial_error in Russian when asked, and keeps Calltouch's own message verbatim", () => {
    const error = (outcome: RowOutcome) => outcomeCells(outcome, undefined, "ru")[2];
    expect(error(INVALID)).toBe(
      "колонка Телефон: на номера 8-800 звонить нельзя; 6 полей, а Calltouch принимает не больше 5",
    );
    expect(error({ status: "skipped", reason: said("rowsDuplicate", { row: 4 }) })).toBe(
      "тот же номер, что в строке 4",
    );
    expect(error({ status: "would-send", note: NOTE })).toBe(
      "отправлено сразу, без времени звонка: время звонка 1 марта 2026, 09:00:00 уже прошло, когда подошла очередь строки (1 марта 2026, 09:01:05 (Europe/Moscow)) (pastScheduleTime: call-now)",
    );
    expect(error({ status: "unknown", code: "ECONNRESET", message: LOST, attempts: 1 })).toBe(
      "api.calltouch.ru закрыл соединение после отправки заявки и не ответил; обратный звонок мог быть создан.",
    );
    expect(error({ status: "failed", code: 10013, message: "Номер телефона невалиден", attempts: 1 })).toBe(
      "Номер телефона невалиден",
    );
    expect(error({ status: "pending", code: 10001, reason: "Недостаточно минут", attempts: 1 })).toBe(
      "Недостаточно минут",
    );
  });

  it("puts the dialed number under ctdial_phone, and never changes the shared would-send cells", () => {
    const at = REPORT_COLUMNS.indexOf("ctdial_phone");
    expect(outcomeCells({ status: "would-send" }, "79991234501")[at]).toBe("79991234501");
    expect(outcomeCells({ status: "would-send" })[at]).toBeNull();
    const sent = { status: "sent", requestId: 1, sentAt: "2026-03-01T10:00:00+03:00", attempts: 1 } as const;
    expect(outcomeCells(sent, "79991234502")[at]).toBe("79991234502");
  });
});
