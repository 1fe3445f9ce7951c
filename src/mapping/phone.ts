import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { type Said, said } from "../i18n/catalog.js";
import type { Cell } from "../sources/types.js";
import { isDateCell, isErrorCell } from "../sources/types.js";
import { russianNumberType } from "./russian-ranges.js";
import { shortValue } from "./text.js";

/**
 * Phone normalisation (docs/calltouch-api.md: `7xxxxxxxxxx`, Russian mobile or landline; 8-800/8-804 refused).
 *
 * Decisions:
 * - Extensions (`доб. 12`, `ext 12`) are refused, not stripped: a call center cannot dial them, and
 *   dropping them silently would put the call through to a switchboard instead of the person.
 * - +7 6xx and +7 7xx belong to Kazakhstan, which shares the +7 code: refused as not Russian.
 * - Ten digits are a national number without the trunk prefix (999 222-33-44). Ten digits that start
 *   with 7 are far more likely an eleven-digit number with a digit lost, so they get that message.
 * - Service numbers other than mobile and fixed line (8-800, 8-804 toll-free, 8-803/8-809 premium,
 *   8-808) are refused: Calltouch dials mobile and landline numbers only.
 */

export type PhoneResult =
  | { readonly ok: true; readonly phone: string }
  | { readonly ok: false; readonly problem: Said };

/** What a phone written as 7,99922E+10 is told (its digits are lost). */
export const SCIENTIFIC_NOTATION: Said = said("rowsPhoneScientific", {});
const DIALABLE = new Set(["MOBILE", "FIXED_LINE", "FIXED_LINE_OR_MOBILE"]);

// `7,99922E+10` as Excel-RU writes it into a CSV, or `7.99922E+10`: the digits past the mantissa are gone.
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d*)?e[+-]?\d+$/i;
// A trailing extension: `доб. 12`, `(доб 12)`, `ext. 12`, `x12`, `#12`, `вн. 12`.
const EXTENSION =
  /\d[\s().,-]*(?:доб(?:авочный)?|доп|вн(?:утр(?:енний)?)?|ext(?:ension)?|x|#)\.?\s*:?\s*\d+\s*\)?$/iu;
const LIST_SEPARATOR = /[,;/|\n]|\s+(?:или|or)\s+/iu;
// What a person may write around the digits of one phone.
const PHONE_CHARACTERS = /^\+?[\d\s().\-\u2010-\u2015]+$/;
// `79992223344.0`: a number that passed through a float, e.g. a pandas export. The digits are all there.
const FLOAT_TAIL = /^(\+?\d{10,11})\.0+$/;
const SPACES = /[\u00a0\u2007\u202f\t]/g;
// No phone, however decorated, is longer; past this the patterns below are not worth running.
const MAX_PHONE_TEXT = 100;

const ok = (phone: string): PhoneResult => ({ ok: true, phone });
const fail = (problem: Said): PhoneResult => ({ ok: false, problem });
// The answers that name nothing of the cell: made once, shared by every row that has them.
const EMPTY = fail(said("rowsPhoneEmpty", {}));
const EXPECTED = fail(said("rowsPhoneExpected", {}));
const SCIENTIFIC_FAIL = fail(SCIENTIFIC_NOTATION);
const EXTENSION_FAIL = fail(said("rowsPhoneExtension", {}));
const DIGIT_MISSING = fail(said("rowsPhoneDigitMissing", {}));
const KAZAKHSTAN = fail(said("rowsPhoneForeign", { region: "KZ" }));
const gotText = (text: string): PhoneResult => fail(said("rowsPhoneGotText", { text: shortValue(text) }));

export function normalizePhone(cell: Cell): PhoneResult {
  if (cell === null) return EMPTY;
  if (typeof cell === "string") return fromText(cell);
  if (typeof cell === "number") return fromNumber(cell);
  if (typeof cell === "boolean") return fail(said("rowsPhoneGotBoolean", { value: cell }));
  if (isErrorCell(cell)) return fail(said("rowsCellError", { text: cell.text }));
  if (isDateCell(cell)) return fail(said("rowsPhoneGotDate", { date: cell.wallClock.replace("T", " ") }));
  return EXPECTED;
}

/** The 11 digits as a number: exact in a double (< 2^53), a quarter of the memory of a string. */
export function phoneKey(phone: string): number {
  if (!/^7\d{10}$/.test(phone))
    throw new TypeError(`phoneKey expects a normalised phone 7xxxxxxxxxx, got ${phone}`);
  return Number(phone);
}

function fromNumber(value: number): PhoneResult {
  if (!Number.isFinite(value) || value < 0) return fail(said("rowsPhoneGotNumber", { value }));
  // A stored fraction cannot come from a phone; Excel would keep an integer's digits exactly.
  if (!Number.isInteger(value)) return fail(said("rowsPhoneGotFraction", { value }));
  return fromDigits(BigInt(value).toString(), false);
}

function fromText(text: string): PhoneResult {
  const simple = simpleDigits(text);
  if (simple !== undefined) return fromDigits(simple.digits, simple.international);
  const trimmed = text.replace(SPACES, " ").trim();
  if (trimmed === "") return EMPTY;
  if (trimmed.length > MAX_PHONE_TEXT) return gotText(trimmed);
  if (SCIENTIFIC.test(trimmed.replace(/\s/g, ""))) return SCIENTIFIC_FAIL;
  if (EXTENSION.test(trimmed)) return EXTENSION_FAIL;
  const phones = trimmed.split(LIST_SEPARATOR).filter((part) => countDigits(part) >= 10).length;
  if (phones > 1) return fail(said("rowsPhoneSeveral", { count: phones }));
  const body = trimmed.replace(/^tel:/i, "").replace(FLOAT_TAIL, "$1");
  if (!PHONE_CHARACTERS.test(body) || countDigits(body) === 0) return gotText(trimmed);
  return fromDigits(body.replace(/\D/g, ""), body.startsWith("+"));
}

function fromDigits(digits: string, international: boolean): PhoneResult {
  if (international) {
    if (!digits.startsWith("7")) return fail(foreignProblem(digits));
    if (digits.length !== 11) return fail(said("rowsPhonePlusSevenLength", { digits: digits.length - 1 }));
    return fromNational(digits.slice(1));
  }
  // The international prefixes 00 and (from Russia) 8-10 before a country code.
  if (digits.startsWith("00")) return fromDigits(digits.slice(2), true);
  if (digits.startsWith("810") && digits.length > 11) return fromDigits(digits.slice(3), true);
  const first = digits[0];
  if (digits.length === 11 && (first === "7" || first === "8")) return fromNational(digits.slice(1));
  if (digits.length === 10) {
    if (first === "7") return DIGIT_MISSING;
    return fromNational(digits);
  }
  const region = foreignCountry(digits);
  if (region !== undefined) return fail(said("rowsPhoneForeign", { region }));
  if (digits.length === 11) return fail(said("rowsPhoneElevenDigits", { first: first ?? "" }));
  return fail(said("rowsPhoneDigitCount", { count: digits.length }));
}

function fromNational(national: string): PhoneResult {
  if (national.startsWith("6") || national.startsWith("7")) return KAZAKHSTAN;
  const type = russianNumberType(national);
  if (type !== undefined && DIALABLE.has(type)) return ok(`7${national}`);
  if (type !== undefined) {
    const number = `${national[0] === "8" ? "8-" : "+7 "}${national.slice(0, 3)}`;
    return fail(said("rowsPhoneService", { number }));
  }
  return fail(said("rowsPhoneUnassigned", { number: displayNational(national) }));
}

function foreignProblem(digits: string): Said {
  const region = foreignCountry(digits);
  if (region !== undefined) return said("rowsPhoneForeign", { region });
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed === undefined
    ? said("rowsPhoneOnlyRussian", {})
    : said("rowsPhoneOnlyRussian", { callingCode: String(parsed.countryCallingCode) });
}

/** The ISO code of the country a full international number (without +) belongs to, if it is valid. */
function foreignCountry(digits: string): string | undefined {
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  if (parsed?.country === undefined || parsed.country === "RU" || !parsed.isValid()) return undefined;
  return parsed.country;
}

function displayNational(n: string): string {
  return `+7 ${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;
}

/**
 * The fast path for the common case, one pass and no regular expressions: only digits, spaces and
 * `()-.` (and a leading +). None of the cases the slow path looks for (scientific notation, an
 * extension, a list of phones, letters) can be written with these characters alone, except a float
 * tail `.0`, which is left to the slow path by refusing any dot followed by the end or only zeros.
 */
function simpleDigits(text: string): { digits: string; international: boolean } | undefined {
  let digits = "";
  let international = false;
  let seenDot = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += text[i];
    else if (code === 43 /* + */ && digits === "" && !international) international = true;
    else if (code === 46 /* . */) seenDot = true;
    else if (!SIMPLE_SEPARATORS.has(code)) return undefined;
  }
  if (digits === "" || (seenDot && FLOAT_TAIL.test(text.trim()))) return undefined;
  return { digits, international };
}

// space, tab, ( ) -, no-break spaces, and the Unicode hyphens and dashes U+2010..U+2015.
const SIMPLE_SEPARATORS = new Set([
  32, 9, 40, 41, 45, 0xa0, 0x2007, 0x202f, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015,
]);

function countDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}
