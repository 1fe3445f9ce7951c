import { basename, dirname, extname, join, resolve } from "node:path";
import { stringify } from "yaml";
import { ConfigError } from "../errors.js";
import { type Catalog, said, say, words } from "../i18n/catalog.js";
import type { Lang } from "../i18n/lang.js";
import type { Cell } from "../sources/types.js";
import { autoMap } from "./auto-map.js";
import { plainFieldWarnings } from "./column-hints.js";
import { headerListParams } from "./header-list.js";
import { bundledSchemaPath } from "./json-schema.js";
import { MAX_FIELDS, type MappedField } from "./schema.js";

/**
 * `ctdial init`: a proposed `<name>.campaign.yaml` from a file's headers. Pure: the CLI reads the
 * headers and writes the text. The text always loads back without errors (a test holds it to that).
 * When no phone column is recognised by name, a column whose header still says "phone" (`Тел.
 * клиента (моб)`) is written with a comment saying it is a guess; when none does, there is nothing
 * to propose: a file with no phone column cannot be dialed, and guessing `Имя` would only move the
 * error to `validate`. That is the same ConfigError `validate` gives, thrown before anything is written.
 * The file's comments, the summary and the warnings are in the language asked for (`lang`): the file
 * is read by the person who fills in routeKey.
 */

export interface CampaignProposal {
  /** The file's text: comments, the mapping, and every optional rule as a commented example. */
  readonly yaml: string;
  /** Headers mapped to a Calltouch field (phone, utmSource, ...). */
  readonly recognised: readonly { readonly field: MappedField; readonly header: string }[];
  /** Other columns, sent as fields under their own names (at most 5). */
  readonly fields: readonly string[];
  /** Columns left out: past the 5-field limit, or a second column for a field already taken. */
  readonly unrecognised: readonly string[];
  /** Lines for the terminal, in `lang`: what was recognised, what was guessed, what was left out. */
  readonly summary: readonly string[];
  /** Columns written as plain fields that look like dates or tags, in `lang` (the CLI prints them as warnings). */
  readonly warnings: readonly string[];
}

export interface ProposeOptions {
  /** The tab the headers were read from (XLSX, Sheets); written as `sheet:`. */
  readonly sheetName?: string;
  /** What the `yaml-language-server` line points editors at; default: the schema shipped with ctdial. */
  readonly schemaRef?: string;
  /** The first data rows, to tell date columns by their cells as well as by their headers. */
  readonly samples?: readonly (readonly Cell[])[];
  /** The language of the file's comments, the summary and the warnings. @default "en" (the library's language) */
  readonly lang?: Lang;
}

/** Where `ctdial init` writes: `clients.csv` -> `clients.campaign.yaml` beside it. */
export function campaignPathFor(sourcePath: string): string {
  // A Google Sheet has no folder: its file goes to the working directory, named after the spreadsheet id,
  // which is where findCampaignFile looks for it.
  const sheetId = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(sourcePath)?.[1];
  if (sheetId !== undefined) return resolve(`${sheetId}.campaign.yaml`);
  return join(dirname(sourcePath), `${basename(sourcePath, extname(sourcePath))}.campaign.yaml`);
}

export function proposeCampaign(
  headers: readonly string[],
  sourceFileName: string,
  options: ProposeOptions = {},
): CampaignProposal {
  const lang = options.lang ?? "en";
  const w = words(lang);
  const auto = autoMap(headers);
  const recognised: { field: MappedField; header: string }[] = [];
  const unrecognised: string[] = [];
  const duplicates: { field: MappedField; header: string }[] = [];
  for (const entry of auto.recognised) {
    if (recognised.some((taken) => taken.field === entry.field)) duplicates.push(entry);
    else recognised.push(entry);
  }
  unrecognised.push(...duplicates.map((entry) => entry.header));

  const others = [...auto.asFields];
  let phoneGuess: string | undefined;
  if (!recognised.some((entry) => entry.field === "phone")) {
    phoneGuess = guessPhoneColumn(others);
    if (phoneGuess === undefined) {
      throw new ConfigError(
        said("E_NO_PHONE_COLUMN", { source: sourceFileName, ...headerListParams(headers) }),
      );
    }
    const index = others.indexOf(phoneGuess);
    if (index >= 0) others.splice(index, 1);
  }
  const fields = others.slice(0, MAX_FIELDS);
  unrecognised.push(...others.slice(MAX_FIELDS));
  const warnings = plainFieldWarnings(
    fields.map((header) => ({ header, index: headers.findIndex((raw) => raw.trim() === header) })),
    options.samples,
  );

  const lines = [
    `# yaml-language-server: $schema=${options.schemaRef ?? bundledSchemaPath()}`,
    `# ${w.campaignYamlHeader({ source: sourceFileName })}`,
    `# ${w.campaignYamlCheck()}`,
    `#   ctdial validate ${sourceFileName}`,
    "",
    `# ${w.campaignYamlRouteKey()}`,
    `# ${w.campaignYamlRouteKeyElse()}`,
    "# routeKey: routekey_1",
    "",
    `source: ${scalar(sourceFileName)}`,
    ...(options.sheetName === undefined ? [] : [`sheet: ${scalar(options.sheetName)}`]),
    "",
    `# ${w.campaignYamlMapping({ source: sourceFileName })}`,
    "mapping:",
    ...mappingLines(w, recognised, phoneGuess, duplicates),
    ...fieldLines(w, fields, others.slice(MAX_FIELDS)),
    "",
    ...examples(w),
  ];
  return {
    yaml: `${lines.join("\n")}\n`,
    recognised,
    fields,
    unrecognised,
    summary: summaryLines(w, recognised, phoneGuess, fields, duplicates, others.slice(MAX_FIELDS)),
    warnings: warnings.map((warning) => say(lang, warning)),
  };
}

/** A header that says "phone" without being one of the exact names (`Телефон 1`, `Моб. тел`). */
function guessPhoneColumn(headers: readonly string[]): string | undefined {
  return headers.find((header) => /тел|моб|сот|номер|phone|tel|mobile/i.test(header));
}

function mappingLines(
  w: Catalog,
  recognised: readonly { field: MappedField; header: string }[],
  phoneGuess: string | undefined,
  duplicates: readonly { field: MappedField; header: string }[],
): string[] {
  const lines: string[] = [];
  if (phoneGuess !== undefined) {
    lines.push(`  # ${w.campaignYamlPhoneGuess()}`);
    lines.push(`  phone: ${scalar(phoneGuess)}`);
  }
  for (const { field, header } of recognised) lines.push(`  ${field}: ${scalar(header)}`);
  for (const { field, header } of duplicates) {
    lines.push(`  # ${field}: ${scalar(header)}    # ${w.campaignYamlAlsoField({ field })}`);
  }
  return lines;
}

function fieldLines(w: Catalog, fields: readonly string[], leftOut: readonly string[]): string[] {
  if (fields.length === 0) return [];
  const lines = [`${"  fields:".padEnd(31)}# ${w.campaignYamlFields()}`];
  for (const header of fields) lines.push(`    ${scalar(header)}: ${scalar(header)}`);
  if (leftOut.length > 0) {
    lines.push(`    # ${w.campaignYamlFieldsLeftOut({ max: MAX_FIELDS })}`);
    for (const header of leftOut) lines.push(`    # ${scalar(header)}: ${scalar(header)}`);
  }
  return lines;
}

/**
 * Every optional rule as an example, each with its comment at column 38; removing the leading "# "
 * from any block gives a valid file.
 */
function examples(w: Catalog): string[] {
  const rule = (code: string, comment: string): string =>
    `${code.length < 37 ? code.padEnd(37) : `${code}   `}# ${comment}`;
  return [
    `# ${w.campaignYamlOptional()}`,
    rule("# exclude: [dnc.csv]", w.campaignYamlExclude()),
    rule(
      // i18n-exempt: YAML a person copies, not words
      '# callWindow: {from: "09:00", to: "20:00", days: [mon, tue, wed, thu, fri]}',
      w.campaignYamlCallWindow(),
    ),
    rule("# dailyLimit: 5000", w.campaignYamlDailyLimit()),
    rule("dedupeWindow: 24h", w.campaignYamlDedupe()),
    rule("# defaults:", w.campaignYamlDefaults()),
    "#   utmSource: base-2026",
    "#   tags: [prozvon]",
    "#   unitId: 112233",
    rule("# timezone: Europe/Moscow", w.campaignYamlTimezone()),
    rule("# calltouchTimezone: Europe/Moscow", w.campaignYamlCalltouchTimezone()),
    rule("# pastScheduleTime: skip", w.campaignYamlPastScheduleTime()),
    rule("# rate: 5", w.campaignYamlRate()),
  ];
}

function summaryLines(
  w: Catalog,
  recognised: readonly { field: MappedField; header: string }[],
  phoneGuess: string | undefined,
  fields: readonly string[],
  duplicates: readonly { field: MappedField; header: string }[],
  leftOut: readonly string[],
): string[] {
  const lines: string[] = [];
  if (recognised.length > 0) {
    lines.push(
      w.campaignInitRecognised({ pairs: recognised.map(({ field, header }) => `${header} -> ${field}`) }),
    );
  }
  if (phoneGuess !== undefined) lines.push(w.campaignInitPhoneGuess({ column: phoneGuess }));
  if (fields.length > 0) lines.push(w.campaignInitAsFields({ columns: fields }));
  for (const { field, header } of duplicates) lines.push(w.campaignInitNotUsed({ column: header, field }));
  if (leftOut.length > 0) lines.push(w.campaignInitNotSent({ columns: leftOut, max: MAX_FIELDS }));
  return lines;
}

/** A header or file name as a YAML scalar on one line, quoted only when YAML needs it. */
function scalar(value: string): string {
  const written = stringify(value, { lineWidth: 0 }).trimEnd();
  return written.includes("\n") ? JSON.stringify(value) : written;
}
