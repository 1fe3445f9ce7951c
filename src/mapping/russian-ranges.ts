import type { PhoneNumberType } from "libphonenumber-js/max";
import { Metadata, parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * Which kind of Russian number a 10-digit national number is, by libphonenumber-js's full ("max")
 * metadata: the "min" metadata only checks length and leading digit, so it calls +7 400 000-00-00
 * valid; "max" knows the assigned ranges and the number types (mobile, fixed line, toll-free, ...).
 *
 * Why not call `new PhoneNumber(...).getType()` per row: it rebuilds its metadata wrapper and
 * compiles every pattern as a new RegExp on each call (~5 µs a number), which alone would cost more
 * than reading a million-row CSV. The same patterns, compiled once here, cost well under 1 µs. The
 * order of checks copies libphonenumber's own getNumberType(), and a test compares both answers over
 * every 3-digit code and random numbers, so a metadata update cannot make them drift apart unseen.
 */

interface TypeRule {
  readonly type: PhoneNumberType;
  readonly pattern: RegExp;
  readonly lengths: readonly number[] | undefined;
}

/** The runtime shape of libphonenumber-js's numbering plan; its typings do not declare `type()`. */
interface RuntimeNumberingPlan {
  nationalNumberPattern(): string;
  type(
    type: PhoneNumberType,
  ): { pattern(): string | undefined; possibleLengths(): number[] | undefined } | undefined;
}

// Same order as libphonenumber's getNumberType(): fixed line first, then these.
const NON_FIXED_LINE_TYPES: readonly PhoneNumberType[] = [
  "MOBILE",
  "PREMIUM_RATE",
  "TOLL_FREE",
  "SHARED_COST",
  "VOIP",
  "PERSONAL_NUMBER",
  "PAGER",
  "UAN",
  "VOICEMAIL",
];

interface CompiledPlan {
  readonly general: RegExp;
  readonly fixedLine: TypeRule | undefined;
  readonly others: readonly TypeRule[];
}

function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

function compileRussianPlan(): CompiledPlan | undefined {
  const metadata = new Metadata();
  metadata.selectNumberingPlan("RU");
  const plan = metadata.numberingPlan as unknown as Partial<RuntimeNumberingPlan> | undefined;
  if (typeof plan?.nationalNumberPattern !== "function" || typeof plan.type !== "function") return undefined;
  const rule = (type: PhoneNumberType): TypeRule | undefined => {
    const definition = plan.type?.(type);
    const pattern = definition?.pattern();
    if (definition === undefined || pattern === undefined || pattern === "") return undefined;
    return { type, pattern: whole(pattern), lengths: definition.possibleLengths() };
  };
  return {
    general: whole(plan.nationalNumberPattern()),
    fixedLine: rule("FIXED_LINE"),
    others: NON_FIXED_LINE_TYPES.map(rule).filter((r): r is TypeRule => r !== undefined),
  };
}

// Built once at load. Undefined only if a future libphonenumber-js changes its internals: then the
// slow public API below still gives the right answer.
const RUSSIAN_PLAN = compileRussianPlan();

function matches(rule: TypeRule, national: string): boolean {
  return (
    (rule.lengths === undefined || rule.lengths.includes(national.length)) && rule.pattern.test(national)
  );
}

/** The type of `+7<national>` as a Russian number, or undefined when no Russian range holds it. */
export function russianNumberType(national: string): PhoneNumberType | undefined {
  if (RUSSIAN_PLAN === undefined) return russianNumberTypeByLibrary(national);
  if (!RUSSIAN_PLAN.general.test(national)) return undefined;
  // Russia's metadata has separate fixed-line and mobile patterns, so no FIXED_LINE_OR_MOBILE case.
  if (RUSSIAN_PLAN.fixedLine !== undefined && matches(RUSSIAN_PLAN.fixedLine, national)) return "FIXED_LINE";
  return RUSSIAN_PLAN.others.find((rule) => matches(rule, national))?.type;
}

/** The reference answer, through libphonenumber-js's public API (slow; used by tests and as fallback). */
export function russianNumberTypeByLibrary(national: string): PhoneNumberType | undefined {
  const number = parsePhoneNumberFromString(`+7${national}`);
  return number?.country === "RU" ? number.getType() : undefined;
}
