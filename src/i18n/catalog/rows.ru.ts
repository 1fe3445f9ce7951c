import { lazy, machineZone, readableTime, ruCount, ruNoun, ruNumber } from "../format.js";
import type { Translation } from "../messages.js";
import { campaignRu } from "./campaign.ru.js";
import { nested, type rowsEn } from "./rows.en.js";

/** «значение», как русские сообщения берут в кавычки ячейку пользователя. */
const q = (text: string): string => `«${text}»`;

/** Дробь, как её пишет русский Excel: 12,5 (без группировки разрядов: это содержимое ячейки). */
const cellNumber = (value: number | string): string => String(value).replace(".", ",");

/**
 * Время для человека, как его пишет readableTime("ru", ...): «7 декабря 2026, 09:00 (Europe/Moscow)».
 * Строк с разными временами бывает много (отказы dedupeWindow, время звонка, прошедшее к отправке):
 * форматы Intl делаются один раз на пояс и на вид, а не на строку; повторы берутся из памяти.
 */
function moment(at: number | string, zone: string | undefined, seconds: boolean, bare = false): string {
  const key = `${at}|${zone}|${seconds}|${bare}`;
  const known = times.get(key);
  if (known !== undefined) return known;
  const text = fastTime(at, zone, seconds, bare) ?? readableTime("ru", at, { zone, seconds, bare });
  if (times.size >= 256) times.clear();
  times.set(key, text);
  return text;
}
const times = new Map<string, string>();
const formats = new Map<string, Intl.DateTimeFormat | null>();

/** The machine's zone, asked of Intl once (not once a row), again only if TZ changes. */
function localZone(): string {
  if (local === undefined || local.tz !== process.env.TZ) local = { tz: process.env.TZ, zone: machineZone() };
  return local.zone;
}
let local: { tz: string | undefined; zone: string } | undefined;

function fastTime(
  at: number | string,
  zone: string | undefined,
  seconds: boolean,
  bare: boolean,
): string | undefined {
  const ms = typeof at === "number" ? at : Date.parse(at);
  if (Number.isNaN(ms)) return undefined;
  const zoneName = zone ?? localZone();
  const key = `${zoneName}|${seconds}`;
  let format = formats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("ru", {
        timeZone: zoneName,
        day: "numeric",
        month: "long",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        ...(seconds ? { second: "2-digit" } : {}),
        hourCycle: "h23",
      });
    } catch {
      format = null;
    }
    formats.set(key, format);
  }
  if (format === null) return undefined;
  let day = "";
  let month = "";
  let year = "";
  let hour = "";
  let minute = "";
  let second = "";
  for (const part of format.formatToParts(ms)) {
    if (part.type === "day") day = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "year") year = part.value;
    else if (part.type === "hour") hour = part.value;
    else if (part.type === "minute") minute = part.value;
    else if (part.type === "second") second = part.value;
  }
  const text = `${day} ${month} ${year}, ${hour}:${minute}${seconds ? `:${second}` : ""}`;
  return bare ? text : `${text} (${zoneName})`;
}

const regionNames = lazy(() => new Intl.DisplayNames(["ru"], { type: "region" }));
const LENGTH_HINT = "нужно 11 цифр, начиная с 7 или 8, или 10 цифр";
const EXAMPLE = "01.02.2026 10:00 или 2026-02-01 10:00";
const LOST = "; обратный звонок мог быть создан.";
const CALL_NOW = "(pastScheduleTime: call-now)";
const HOW_TO_CALL = "чтобы звонить по таким строкам сразу, задайте в кампании pastScheduleTime: call-now";
const characters = (n: number): string => ruCount(n, ["символ", "символа", "символов"]);
const yesNo = (value: boolean): string => (value ? "ИСТИНА" : "ЛОЖЬ");

function pastAtStart(p: { cell: string; column: string; startedAt: number; zone: string }): string {
  return `время звонка ${q(p.cell)} в колонке ${p.column} уже прошло, когда начался запуск (${moment(p.startedAt, p.zone, false)})`;
}

function pastAtSend(p: { scheduledAt: number; sendAt: number; zone: string }): string {
  return `время звонка ${moment(p.scheduledAt, p.zone, true, true)} уже прошло, когда подошла очередь строки (${moment(p.sendAt, p.zone, true)})`;
}

/** Русские слова области "rows": те же ключи и параметры, что в rows.en.ts. */
export const rowsRu: Translation<typeof rowsEn> = {
  rowsInColumn: (p) => `колонка ${p.column}: ${p.problem}`,
  rowsProblemList: (p) => p.problems.join("; "),

  rowsMappingMismatch: () => "Сопоставление колонок в кампании не подходит к колонкам файла",
  rowsNoColumnNamed: (p) => `нет колонки ${q(p.header)}; в файле есть: ${campaignRu.campaignHeaderList(p)}`,
  rowsColumnsMatch: (p) =>
    `под ${q(p.header)} подходят ${ruCount(p.columns.length, ["колонка", "колонки", "колонок"])} (${p.columns.join(" и ")}); переименуйте лишние`,
  rowsTooManyMappedFields: (p) =>
    `${ruCount(p.count, ["поле", "поля", "полей"])}${p.withDefaults ? " (вместе с defaults.fields)" : ""}, а Calltouch принимает не больше ${ruNumber(p.max)}`,
  rowsVerbatim: (p) => p.text,

  rowsPhoneEmpty: () => "телефон не заполнен",
  rowsPhoneExpected: () => "здесь должен быть номер телефона",
  rowsPhoneGotText: (p) => `здесь должен быть номер телефона, а написано ${q(p.text)}`,
  rowsPhoneGotNumber: (p) => `здесь должен быть номер телефона, а стоит число ${cellNumber(p.value)}`,
  rowsPhoneGotFraction: (p) =>
    `здесь должен быть номер телефона, а стоит дробное число ${cellNumber(p.value)}`,
  rowsPhoneGotBoolean: (p) => `здесь должен быть номер телефона, а стоит ${yesNo(p.value)}`,
  rowsPhoneGotDate: (p) => `здесь должен быть номер телефона, а стоит дата (${p.date})`,
  rowsPhoneScientific: () =>
    "номер записан в экспоненциальном виде и потерял цифры; сделайте у колонки текстовый формат в Excel и выгрузите файл заново",
  rowsPhoneExtension: () => "на добавочный номер позвонить нельзя; запишите номер без добавочного",
  rowsPhoneSeveral: (p) =>
    `в ячейке ${ruCount(p.count, ["номер", "номера", "номеров"])} телефона; оставьте по одному номеру в строке`,
  rowsPhonePlusSevenLength: (p) =>
    `после +7 должно быть 10 цифр, а здесь ${ruCount(p.digits, ["цифра", "цифры", "цифр"])}`,
  rowsPhoneDigitMissing: () => `${LENGTH_HINT}; здесь 10 цифр и первая 7 (не потерялась ли цифра?)`,
  rowsPhoneElevenDigits: (p) => `${LENGTH_HINT}; здесь 11 цифр и первая ${p.first}`,
  rowsPhoneDigitCount: (p) => `${LENGTH_HINT}; здесь ${ruCount(p.count, ["цифра", "цифры", "цифр"])}`,
  rowsPhoneForeign: (p) =>
    `звонить можно только на российские номера, а этот, похоже, из другой страны: ${regionNames().of(p.region) ?? p.region}`,
  rowsPhoneOnlyRussian: (p) =>
    p.callingCode === undefined
      ? "звонить можно только на российские номера (+7)"
      : `звонить можно только на российские номера (+7), а этот начинается с +${p.callingCode}`,
  rowsPhoneService: (p) => `на номера ${p.number} звонить нельзя`,
  rowsPhoneUnassigned: (p) => `это не российский мобильный или городской номер (${p.number})`,

  rowsCellError: (p) => `в ячейке ошибка (${p.text})`,
  rowsTooLong: (p) =>
    `${p.what === "value" ? "значение" : p.what} длиной ${characters(p.length)}, а Calltouch принимает не больше ${ruNumber(p.max)}`,
  rowsTooManyFields: (p) =>
    `${ruCount(p.count, ["поле", "поля", "полей"])}, а Calltouch принимает не больше ${ruNumber(p.max)}`,
  rowsNoRouteKey: () =>
    "не указан routeKey: задайте routeKey в файле кампании, CALLTOUCH_ROUTE_KEY или --route-key",
  rowsNoRouteKeyInColumn: () => "не указан routeKey: заполните эту колонку или задайте routeKey в кампании",

  rowsUnitIdEmpty: () => "unitId не заполнен",
  rowsUnitIdNotWhole: (p) =>
    `нужно целое число (unitId отдела), а здесь ${p.quoted ? q(p.shown) : cellNumber(p.shown)}`,

  rowsTagTooLong: (p) =>
    `${p.fromDefaults ? "defaults.tags: " : ""}тег ${q(p.tag)} длиной ${characters(p.length)}, а Calltouch принимает не больше ${ruNumber(p.max)}`,
  rowsTooManyTags: (p) =>
    `${ruCount(p.count, ["тег", "тега", "тегов"])}${p.fromDefaults > 0 ? ` (${ruNumber(p.inCell)} в ячейке и ${ruNumber(p.fromDefaults)} из defaults.tags)` : ""}, а Calltouch принимает не больше ${ruNumber(p.max)}`,

  rowsScheduleEmpty: () => "время звонка (scheduleTime) не заполнено",
  rowsScheduleGotNumber: (p) =>
    `нужны дата и время, например ${EXAMPLE}, а стоит число ${cellNumber(p.value)}; сделайте у колонки формат даты`,
  rowsScheduleGotBoolean: (p) => `нужны дата и время, например ${EXAMPLE}, а стоит ${yesNo(p.value)}`,
  rowsScheduleExpected: (p) => `нужны дата и время, например ${EXAMPLE}, а написано ${q(p.text)}`,
  rowsScheduleNotReal: (p) => `${q(p.text)}: такой даты и времени не бывает`,
  rowsScheduleNoTime: (p) => `в ${q(p.date)} нет времени; напишите, например, ${p.date} 10:00`,
  rowsScheduleBadZone: (p) => `${q(p.text)} не удаётся прочитать в часовом поясе ${p.zone}`,
  rowsScheduleSkippedHour: (p) =>
    `${q(p.text)} не существует в поясе ${p.zone}: в это время часы переводили вперёд`,

  rowsPastScheduleSkipped: (p) => `${pastAtStart(p)}; ${HOW_TO_CALL}`,
  rowsPastScheduleCalledNow: (p) => `отправлено сразу, без времени звонка: ${pastAtStart(p)} ${CALL_NOW}`,
  rowsPastAtSendSkipped: (p) => `${pastAtSend(p)}; ${HOW_TO_CALL}`,
  rowsPastAtSendCalledNow: (p) => `отправлено сразу, без времени звонка: ${pastAtSend(p)} ${CALL_NOW}`,
  rowsSentBefore: (p) => {
    const which = [p.requestId === undefined ? "" : `заявка ${p.requestId}`, p.sentAt ?? ""]
      .filter(Boolean)
      .join(", ");
    const what =
      p.status === "sent"
        ? `эту строку уже отправил прошлый запуск${which === "" ? "" : ` (${which})`}`
        : "прошлый запуск отправил эту строку, но ответ потерялся, так что обратный звонок мог быть создан";
    return `в колонке ${p.column} стоит ${p.status}: ${what}; из отчёта она повторно не отправляется (очистите эту ячейку, чтобы отправить всё равно)`;
  },
  rowsDuplicate: (p) => `тот же номер, что в строке ${p.row}`,
  rowsExcluded: (p) => `номер есть в списке исключений ${p.file}`,
  rowsDialedRecently: (p) =>
    `номер уже отправила кампания ${p.campaign} ${moment(p.at, undefined, false)} (в пределах dedupeWindow ${p.window})`,

  rowsLiveReportRetry: (p) => `${p.problem} Отчёт запишется снова через несколько секунд и в конце.`,
  rowsAnswerWithoutId: (p) =>
    `Calltouch ответил HTTP ${p.status}, но без номера заявки; обратный звонок мог быть создан.`,
  rowsCalltouchError: (p) => `ошибка Calltouch ${p.code}`,
  rowsNotCalltouchAnswer: (p) =>
    `HTTP ${p.status}, это не ответ Calltouch: ${p.snippet || "(пустая страница)"}`,
  rowsRefusedWithoutReason: () => "Calltouch отклонил заявку как неверную и не объяснил почему.",
  rowsStoppedBeforeAnswer: () => "запуск остановился раньше, чем ответил Calltouch",
  rowsClientFailed: (p) => `сбой клиента Calltouch: ${p.detail}`,
  rowsNetRefused: (p) => `${p.host} отказал в соединении.`,
  rowsNetUnresolved: (p) => `Не удаётся найти адрес ${p.host} (${p.code}).`,
  rowsNetClosed: (p) =>
    p.after
      ? `${p.host} закрыл соединение после отправки заявки и не ответил${LOST}`
      : `${p.host} закрыл соединение до отправки заявки (${p.code}).`,
  rowsNetTimedOut: (p) => `Истекло время ожидания соединения с ${p.host}${p.after ? LOST : "."}`,
  rowsNetFailed: (p) =>
    p.after
      ? `Соединение с ${p.host} оборвалось после отправки заявки (${p.code})${LOST}`
      : `Не удалось соединиться с ${p.host} до отправки заявки (${p.code}).`,
  rowsNetNoConnectWithin: (p) =>
    `Не удалось соединиться с ${p.host} и отправить заявку за ${ruNumber(p.ms)} мс.`,
  rowsNetNoAnswerWithin: (p) =>
    `${p.host} не ответил за ${ruNumber(p.ms)} мс после отправки заявки; обратный звонок мог быть создан.`,
  rowsNetCancelled: (p) =>
    p.after
      ? `Запрос к ${p.host} отменён после отправки; обратный звонок мог быть создан.`
      : `Запрос к ${p.host} отменён до отправки.`,
  rowsExcludeInvalid: (p) => {
    // В таблице и в текстовом файле считаем строками: «3 строки — не телефоны».
    const count = `${ruCount(p.count, ["строка", "строки", "строк"])} — ${ruNoun(p.count, ["не телефон", "не телефоны", "не телефоны"])}`;
    if (p.line === undefined) return `${p.file}: ${count}`;
    const said = p.detail === undefined ? "" : nested(rowsRu, p.detail);
    const detail = p.quoted === true ? `: ${said}` : `, ${p.value}: ${said}`;
    return `${p.file}: ${count} (строка ${p.line}${detail})`;
  },
};
