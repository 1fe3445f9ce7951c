import type { rowsEn } from "../../../src/i18n/catalog/rows.en.js";
import type { Samples } from "./samples.js";

const START = Date.UTC(2026, 10, 30, 12, 50);

/** Sample parameters for every message of the "rows" area: each list is rendered in every language. */
export const rowsSamples: Samples<typeof rowsEn> = {
  rowsInColumn: [{ column: "Телефон", problem: "телефон не заполнен" }],
  rowsProblemList: [{ problems: ["первая", "вторая"] }, { problems: ["одна"] }],
  rowsMappingMismatch: [{}],
  rowsNoColumnNamed: [
    { header: "Телефон", headers: ["Имя", "Город"], more: 0 },
    { header: "Телефон", headers: ["Имя"], more: 3 },
    { header: "Телефон", headers: [], more: 0 },
  ],
  rowsColumnsMatch: [
    { header: "Телефон", columns: ["1", "3"] },
    { header: "Телефон", columns: ["1", "3", "5", "7", "9"] },
  ],
  rowsTooManyMappedFields: [
    { count: 6, withDefaults: false, max: 5 },
    { count: 21, withDefaults: true, max: 5 },
  ],
  rowsVerbatim: [{ text: "как есть" }],
  rowsPhoneEmpty: [{}],
  rowsPhoneExpected: [{}],
  rowsPhoneGotText: [{ text: "abc" }],
  rowsPhoneGotNumber: [{ value: 12345 }, { value: -5 }],
  rowsPhoneGotFraction: [{ value: 12.5 }],
  rowsPhoneGotBoolean: [{ value: true }, { value: false }],
  rowsPhoneGotDate: [{ date: "2026-01-01 10:00:00" }],
  rowsPhoneScientific: [{}],
  rowsPhoneExtension: [{}],
  rowsPhoneSeveral: [{ count: 2 }, { count: 5 }, { count: 21 }],
  rowsPhonePlusSevenLength: [{ digits: 1 }, { digits: 2 }, { digits: 11 }, { digits: 101 }],
  rowsPhoneDigitMissing: [{}],
  rowsPhoneElevenDigits: [{ first: "5" }],
  rowsPhoneDigitCount: [{ count: 1 }, { count: 5 }, { count: 12 }, { count: 21 }],
  rowsPhoneForeign: [{ region: "KZ" }, { region: "DE" }],
  rowsPhoneOnlyRussian: [{}, { callingCode: "44" }],
  rowsPhoneService: [{ number: "8-800" }, { number: "+7 803" }],
  rowsPhoneUnassigned: [{ number: "+7 400 000-00-00" }],
  rowsCellError: [{ text: "#N/A" }],
  rowsTooLong: [
    { what: "value", length: 300, max: 255 },
    { what: "routeKey", length: 256, max: 255 },
    { what: "sessionId", length: 101, max: 100 },
  ],
  rowsTooManyFields: [
    { count: 6, max: 5 },
    { count: 21, max: 5 },
  ],
  rowsNoRouteKey: [{}],
  rowsNoRouteKeyInColumn: [{}],
  rowsUnitIdEmpty: [{}],
  rowsUnitIdNotWhole: [
    { shown: "12.5", quoted: false },
    { shown: "отдел", quoted: true },
  ],
  rowsTagTooLong: [
    { tag: "длинный", length: 101, max: 100, fromDefaults: false },
    { tag: "длинный", length: 121, max: 100, fromDefaults: true },
  ],
  rowsTooManyTags: [
    { count: 11, inCell: 11, fromDefaults: 0, max: 10 },
    { count: 12, inCell: 9, fromDefaults: 3, max: 10 },
  ],
  rowsScheduleEmpty: [{}],
  rowsScheduleGotNumber: [{ value: 46000.5 }],
  rowsScheduleGotBoolean: [{ value: true }],
  rowsScheduleExpected: [{ text: "завтра" }],
  rowsScheduleNotReal: [{ text: "31.02.2026 10:00" }],
  rowsScheduleNoTime: [{ date: "01.02.2026" }],
  rowsScheduleBadZone: [{ text: "01.02.2026 10:00", zone: "Europe/Moscow" }],
  rowsScheduleSkippedHour: [{ text: "29.03.2026 02:30", zone: "Europe/Berlin" }],
  rowsPastScheduleSkipped: [
    { cell: "01.02.2026 10:00", column: "Время звонка", startedAt: START, zone: "Europe/Moscow" },
  ],
  rowsPastScheduleCalledNow: [
    { cell: "01.02.2026 10:00", column: "Время звонка", startedAt: START, zone: "Europe/Moscow" },
  ],
  rowsPastAtSendSkipped: [{ scheduledAt: START, sendAt: START + 65_000, zone: "Europe/Moscow" }],
  rowsPastAtSendCalledNow: [{ scheduledAt: START, sendAt: START + 65_000, zone: "Asia/Yekaterinburg" }],
  rowsSentBefore: [
    { column: "ctdial_status", status: "sent", requestId: "123", sentAt: "2026-11-30T10:00:00+03:00" },
    { column: "ctdial_status", status: "sent" },
    { column: "ctdial_status", status: "unknown" },
  ],
  rowsDuplicate: [{ row: 5 }],
  rowsExcluded: [{ file: "stop-list.csv" }],
  rowsDialedRecently: [{ campaign: "осень", at: "2026-11-30T10:00:00+03:00", window: "30d" }],
  rowsLiveReportRetry: [{ problem: "Не удалось записать отчёт клиенты.report.csv: файл открыт в Excel." }],
  rowsAnswerWithoutId: [{ status: 200 }],
  rowsCalltouchError: [{ code: 10099 }],
  rowsNotCalltouchAnswer: [
    { status: 502, snippet: "<html>Bad gateway</html>" },
    { status: 200, snippet: "" },
  ],
  rowsRefusedWithoutReason: [{}],
  rowsStoppedBeforeAnswer: [{}],
  rowsClientFailed: [{ detail: "boom" }],
  rowsNetRefused: [{ host: "api.calltouch.ru" }],
  rowsNetUnresolved: [{ host: "api.calltouch.ru", code: "ENOTFOUND" }],
  rowsNetClosed: [
    { host: "api.calltouch.ru", code: "ECONNRESET", after: true },
    { host: "api.calltouch.ru", code: "EPIPE", after: false },
  ],
  rowsNetTimedOut: [
    { host: "api.calltouch.ru", after: true },
    { host: "api.calltouch.ru", after: false },
  ],
  rowsNetFailed: [
    { host: "api.calltouch.ru", code: "EPROTO", after: true },
    { host: "api.calltouch.ru", code: "EPROTO", after: false },
  ],
  rowsNetNoConnectWithin: [{ host: "api.calltouch.ru", ms: 10000 }],
  rowsNetNoAnswerWithin: [{ host: "api.calltouch.ru", ms: 30000 }],
  rowsNetCancelled: [
    { host: "api.calltouch.ru", after: true },
    { host: "api.calltouch.ru", after: false },
  ],
};
