import { DateTime } from "luxon";
import { cachedZone } from "../../time/cached-zone.js";
import { lazy } from "../format.js";
import type { Messages } from "../messages.js";
import { campaignEn } from "./campaign.en.js";

/**
 * English words of the "rows" area. A message is a function of one parameters object (or none) that
 * returns the sentence; catalog/rows.ru.ts must have the same keys with the same parameters (the
 * typecheck says so). Keys are unique across areas (test/i18n/catalog.test.ts).
 *
 * What is said about one row: its problems (lower-case, without the column: formatProblem adds it),
 * why it was skipped, the note on a row sent without its schedule time, and ctdial's own words for a
 * request whose answer was lost. These are rendered once per row of a report, so nothing here makes
 * an Intl or luxon object per call: times repeat (the run's start), and are memoised.
 */

/** `"value"`, as English messages have always quoted a cell. */
const q = (text: string): string => `"${text}"`;

/** `dd.MM.yyyy HH:mm[:ss]` in `zone`, memoised on the last moment asked (a run asks for one start). */
function wallTime(ms: number, zone: string, seconds: boolean): string {
  const key = `${ms}|${zone}|${seconds}`;
  const known = lastWall.get(key);
  if (known !== undefined) return known;
  const text = DateTime.fromMillis(ms, { zone: cachedZone(zone) }).toFormat(
    seconds ? "dd.MM.yyyy HH:mm:ss" : "dd.MM.yyyy HH:mm",
  );
  if (lastWall.size >= 64) lastWall.clear();
  lastWall.set(key, text);
  return text;
}
const lastWall = new Map<string, string>();

const regionNames = lazy(() => new Intl.DisplayNames(["en"], { type: "region" }));
const LENGTH_HINT = "expected 11 digits starting with 7 or 8, or 10 digits";
const EXAMPLE = "01.02.2026 10:00 or 2026-02-01 10:00";
const LOST = "; the callback may have been created.";
const CALL_NOW = "(pastScheduleTime: call-now)";
const HOW_TO_CALL = "to call such rows at once, set pastScheduleTime: call-now in the campaign";

function pastAtStart(p: { cell: string; column: string; startedAt: number; zone: string }): string {
  return `the schedule time ${q(p.cell)} in column ${p.column} had passed when the run started (${wallTime(p.startedAt, p.zone, false)} ${p.zone})`;
}

function pastAtSend(p: { scheduledAt: number; sendAt: number; zone: string }): string {
  return `the schedule time ${wallTime(p.scheduledAt, p.zone, true)} had passed when the row was to be sent (${wallTime(p.sendAt, p.zone, true)} ${p.zone})`;
}

export const rowsEn = {
  /** A problem that belongs to one column: "column Телефон: 8-800 numbers cannot be dialed". */
  rowsInColumn: (p: { column: string; problem: string }) => `column ${p.column}: ${p.problem}`,
  /** Problems of one row, joined. */
  rowsProblemList: (p: { problems: readonly string[] }) => p.problems.join("; "),

  // --- the mapping against a file's headers (every problem at once, under one sentence) ---
  rowsMappingMismatch: () => "The campaign's mapping does not match the columns of the file",
  /** `headers`, `more`: the file's named headers as campaignHeaderList shows them. */
  rowsNoColumnNamed: (p: { header: string; headers: readonly string[]; more: number }) =>
    `no column named "${p.header}"; the file has: ${campaignEn.campaignHeaderList(p)}`,
  /** `columns`: the 1-based positions of the columns that match. */
  rowsColumnsMatch: (p: { header: string; columns: readonly string[] }) =>
    `${p.columns.length} columns match "${p.header}" (columns ${p.columns.join(" and ")}); rename one of them`,
  rowsTooManyMappedFields: (p: { count: number; withDefaults: boolean; max: number }) =>
    `${p.count} fields${p.withDefaults ? " (with defaults.fields)" : ""}; Calltouch accepts at most ${p.max}`,

  // --- phone ---
  /** A text ctdial did not word itself (an old journal's English), shown as it is in every language. */
  rowsVerbatim: (p: { text: string }) => p.text,

  rowsPhoneEmpty: () => "phone is empty",
  rowsPhoneExpected: () => "expected a phone number",
  rowsPhoneGotText: (p: { text: string }) => `expected a phone number, got ${q(p.text)}`,
  rowsPhoneGotNumber: (p: { value: number }) => `expected a phone number, got ${p.value}`,
  rowsPhoneGotFraction: (p: { value: number }) => `expected a phone number, got the fraction ${p.value}`,
  rowsPhoneGotBoolean: (p: { value: boolean }) =>
    `expected a phone number, got ${p.value ? "TRUE" : "FALSE"}`,
  rowsPhoneGotDate: (p: { date: string }) => `expected a phone number, got a date (${p.date})`,
  rowsPhoneScientific: () =>
    "the phone was shown in scientific notation and lost its digits; format the column as text in Excel and export again",
  rowsPhoneExtension: () => "extensions cannot be dialed; write the number without its extension",
  rowsPhoneSeveral: (p: { count: number }) => `the cell holds ${p.count} phone numbers; put one per row`,
  rowsPhonePlusSevenLength: (p: { digits: number }) =>
    `expected +7 and 10 more digits; got +7 and ${p.digits}`,
  rowsPhoneDigitMissing: () => `${LENGTH_HINT}; got 10 starting with 7 (is a digit missing?)`,
  rowsPhoneElevenDigits: (p: { first: string }) => `${LENGTH_HINT}; got 11 starting with ${p.first}`,
  rowsPhoneDigitCount: (p: { count: number }) => `${LENGTH_HINT}; got ${p.count}`,
  /** `region`: the ISO code of the country the number belongs to (KZ). */
  rowsPhoneForeign: (p: { region: string }) =>
    `only Russian numbers can be dialed (this looks like a number from ${regionNames().of(p.region) ?? p.region})`,
  rowsPhoneOnlyRussian: (p: { callingCode?: string }) =>
    p.callingCode === undefined
      ? "only Russian numbers (+7) can be dialed"
      : `only Russian numbers (+7) can be dialed; this one starts with +${p.callingCode}`,
  /** `number`: "8-800", "+7 803". */
  rowsPhoneService: (p: { number: string }) => `${p.number} numbers cannot be dialed`,
  rowsPhoneUnassigned: (p: { number: string }) => `not a Russian mobile or landline number (${p.number})`,

  // --- any cell ---
  rowsCellError: (p: { text: string }) => `the cell shows an error (${p.text})`,
  /** `what`: "value" (a field's cell), or the request key "routeKey", "sessionId". */
  rowsTooLong: (p: { what: "value" | "routeKey" | "sessionId"; length: number; max: number }) =>
    `${p.what} is ${p.length} characters; Calltouch accepts at most ${p.max}`,
  rowsTooManyFields: (p: { count: number; max: number }) =>
    `${p.count} fields; Calltouch accepts at most ${p.max}`,
  rowsNoRouteKey: () => "no routeKey: set routeKey in the campaign file, CALLTOUCH_ROUTE_KEY or --route-key",
  rowsNoRouteKeyInColumn: () => "no routeKey: fill this column or set routeKey in the campaign",

  // --- unitId ---
  rowsUnitIdEmpty: () => "unitId is empty",
  /** `quoted`: the cell was text (shown in quotes), not a number. */
  rowsUnitIdNotWhole: (p: { shown: string; quoted: boolean }) =>
    `expected a whole number (the department's unitId), got ${p.quoted ? q(p.shown) : p.shown}`,

  // --- tags ---
  rowsTagTooLong: (p: { tag: string; length: number; max: number; fromDefaults: boolean }) =>
    `${p.fromDefaults ? "defaults.tags: " : ""}tag ${q(p.tag)} is ${p.length} characters; Calltouch accepts at most ${p.max}`,
  rowsTooManyTags: (p: { count: number; inCell: number; fromDefaults: number; max: number }) =>
    `${p.count} tags${p.fromDefaults > 0 ? ` (${p.inCell} in the cell and ${p.fromDefaults} from defaults.tags)` : ""}; Calltouch accepts at most ${p.max}`,

  // --- scheduleTime ---
  rowsScheduleEmpty: () => "scheduleTime is empty",
  rowsScheduleGotNumber: (p: { value: number }) =>
    `expected a date and time such as ${EXAMPLE}, got the number ${p.value}; format the column as a date`,
  rowsScheduleGotBoolean: (p: { value: boolean }) =>
    `expected a date and time such as ${EXAMPLE}, got ${p.value ? "TRUE" : "FALSE"}`,
  rowsScheduleExpected: (p: { text: string }) =>
    `expected a date and time such as ${EXAMPLE}, got ${q(p.text)}`,
  rowsScheduleNotReal: (p: { text: string }) => `${q(p.text)} is not a real date and time`,
  rowsScheduleNoTime: (p: { date: string }) => `${q(p.date)} has no time of day; write it as ${p.date} 10:00`,
  rowsScheduleBadZone: (p: { text: string; zone: string }) =>
    `${q(p.text)} cannot be read in the time zone ${p.zone}`,
  rowsScheduleSkippedHour: (p: { text: string; zone: string }) =>
    `${q(p.text)} does not exist in ${p.zone}: the clocks were moved forward then`,

  // --- why a row is not sent, notes ---
  /** `startedAt`: the run's start (epoch ms), shown in `zone`, the zone the cell is read in. */
  rowsPastScheduleSkipped: (p: { cell: string; column: string; startedAt: number; zone: string }) =>
    `${pastAtStart(p)}; ${HOW_TO_CALL}`,
  rowsPastScheduleCalledNow: (p: { cell: string; column: string; startedAt: number; zone: string }) =>
    `called at once, without a schedule time: ${pastAtStart(p)} ${CALL_NOW}`,
  /** Judged again right before sending (epoch ms). */
  rowsPastAtSendSkipped: (p: { scheduledAt: number; sendAt: number; zone: string }) =>
    `${pastAtSend(p)}; ${HOW_TO_CALL}`,
  rowsPastAtSendCalledNow: (p: { scheduledAt: number; sendAt: number; zone: string }) =>
    `called at once, without a schedule time: ${pastAtSend(p)} ${CALL_NOW}`,
  /** A ctdial report read back: its `column` says the row was sent (or its answer lost). */
  rowsSentBefore: (p: {
    column: string;
    status: "sent" | "unknown";
    requestId?: string;
    sentAt?: string;
  }) => {
    const which = [p.requestId === undefined ? "" : `request ${p.requestId}`, p.sentAt ?? ""]
      .filter(Boolean)
      .join(", ");
    const what =
      p.status === "sent"
        ? `an earlier run sent this row${which === "" ? "" : ` (${which})`}`
        : "an earlier run sent this row and its answer was lost, so it may have created a callback";
    return `${p.column} says ${p.status}: ${what}; it is not sent again from the report (clear that cell to send it anyway)`;
  },
  rowsDuplicate: (p: { row: number }) => `duplicate of row ${p.row}`,
  rowsExcluded: (p: { file: string }) => `excluded by ${p.file}`,
  /** `at`: ISO 8601 as the registry recorded it; `window`: the campaign's dedupeWindow as written. */
  rowsDialedRecently: (p: { campaign: string; at: string; window: string }) =>
    `dialed by campaign ${p.campaign} at ${p.at} (within dedupeWindow ${p.window})`,

  // --- answers ctdial did not get (Calltouch's own messages are kept verbatim, never here) ---
  /** The folder's live report could not be rewritten (open in a program that locks it); `problem`: why. */
  rowsLiveReportRetry: (p: { problem: string }) =>
    `${p.problem} It is written again in a few seconds, and at the end.`,
  rowsAnswerWithoutId: (p: { status: number }) =>
    `Calltouch answered HTTP ${p.status} without a widgetRequestId; the callback may have been created.`,
  rowsCalltouchError: (p: { code: number }) => `Calltouch error ${p.code}`,
  /** `snippet`: the start of the page the server sent, verbatim. */
  rowsNotCalltouchAnswer: (p: { status: number; snippet: string }) =>
    `HTTP ${p.status}, not a Calltouch answer: ${p.snippet || "(empty page)"}`,
  rowsRefusedWithoutReason: () => "Calltouch refused the request as invalid without saying why.",
  rowsStoppedBeforeAnswer: () => "the run stopped before Calltouch answered",
  rowsClientFailed: (p: { detail: string }) => `the Calltouch client failed: ${p.detail}`,
  rowsNetRefused: (p: { host: string }) => `${p.host} refused the connection.`,
  rowsNetUnresolved: (p: { host: string; code: string }) =>
    `Cannot resolve the host name ${p.host} (${p.code}).`,
  rowsNetClosed: (p: { host: string; code: string; after: boolean }) =>
    p.after
      ? `${p.host} closed the connection after the request was sent, without an answer${LOST}`
      : `${p.host} closed the connection before the request was sent (${p.code}).`,
  rowsNetTimedOut: (p: { host: string; after: boolean }) =>
    `The connection to ${p.host} timed out${p.after ? LOST : "."}`,
  rowsNetFailed: (p: { host: string; code: string; after: boolean }) =>
    p.after
      ? `The connection to ${p.host} failed after the request was sent (${p.code})${LOST}`
      : `The connection to ${p.host} failed before the request was sent (${p.code}).`,
  rowsNetNoConnectWithin: (p: { host: string; ms: number }) =>
    `Could not connect to ${p.host} and send the request within ${p.ms} ms.`,
  rowsNetNoAnswerWithin: (p: { host: string; ms: number }) =>
    `No answer from ${p.host} within ${p.ms} ms after the request was sent; the callback may have been created.`,
  rowsNetCancelled: (p: { host: string; after: boolean }) =>
    p.after
      ? `The request to ${p.host} was cancelled after it was sent; the callback may have been created.`
      : `The request to ${p.host} was cancelled before it was sent.`,
  /**
   * Lines of an exclude file that are not phones; the first one shown (`line`, `value`, and the
   * phone's problem `detail`, a message of this area); `quoted`: whether `detail` shows the value.
   */
  rowsExcludeInvalid: (p: {
    file: string;
    count: number;
    unit: "line" | "row";
    line?: number;
    value?: string;
    detail?: NestedRowsMessage;
    quoted?: boolean;
  }): string => {
    const count = p.count === 1 ? `1 ${p.unit} is not a phone` : `${p.count} ${p.unit}s are not phones`;
    if (p.line === undefined) return `${p.file}: ${count}`;
    const said = p.detail === undefined ? "" : nested(rowsEn, p.detail);
    const detail = p.quoted === true ? `: ${said}` : `, ${p.value}: ${said}`;
    return `${p.file}: ${count} (${p.unit} ${p.line}${detail})`;
  },
} satisfies Messages;

/** A message of this area carried inside another one (a phone's problem inside an exclude warning). */
export interface NestedRowsMessage {
  readonly code: string;
  readonly params: unknown;
}

/** A nested message in the language of `catalog` (its own code when it is not one of this area's). */
export function nested(catalog: Readonly<Record<string, unknown>>, message: NestedRowsMessage): string {
  const render = catalog[message.code];
  return typeof render === "function"
    ? (render as (params: unknown) => string)(message.params)
    : message.code;
}
