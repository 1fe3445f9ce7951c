import { basename, dirname, extname, join, resolve } from "node:path";
import { stringify } from "yaml";
import { ConfigError } from "../errors.js";
import type { Cell } from "../sources/types.js";
import { autoMap } from "./auto-map.js";
import { plainFieldWarnings } from "./column-hints.js";
import { noPhoneColumnProblem } from "./header-list.js";
import { bundledSchemaPath } from "./json-schema.js";
import { MAX_FIELDS, type MappedField } from "./schema.js";

/**
 * `ctdial init`: a proposed `<name>.campaign.yaml` from a file's headers. Pure: the CLI reads the
 * headers and writes the text. The text always loads back without errors (a test holds it to that).
 * When no phone column is recognised by name, a column whose header still says "phone" (`Тел.
 * клиента (моб)`) is written with a comment saying it is a guess; when none does, there is nothing
 * to propose: a file with no phone column cannot be dialed, and guessing `Имя` would only move the
 * error to `validate`. That is the same ConfigError `validate` gives, thrown before anything is written.
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
  /** Lines for the terminal: what was recognised, what was guessed, what was left out. */
  readonly summary: readonly string[];
  /** Columns written as plain fields that look like dates or tags (the CLI prints them as warnings). */
  readonly warnings: readonly string[];
}

export interface ProposeOptions {
  /** The tab the headers were read from (XLSX, Sheets); written as `sheet:`. */
  readonly sheetName?: string;
  /** What the `yaml-language-server` line points editors at; default: the schema shipped with ctdial. */
  readonly schemaRef?: string;
  /** The first data rows, to tell date columns by their cells as well as by their headers. */
  readonly samples?: readonly (readonly Cell[])[];
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
        `${sourceFileName}: ${noPhoneColumnProblem(headers, "Name the phone column Телефон and run ctdial init again")}.`,
        [],
        { code: "E_NO_PHONE_COLUMN" },
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
    `# ctdial campaign for ${sourceFileName}, proposed by \`ctdial init\` from its column headers.`,
    "# Check the mapping, set routeKey, then try it without sending anything:",
    `#   ctdial validate ${sourceFileName}`,
    "",
    '# The key of the Calltouch "site form" widget that receives the requests (1..255 characters).',
    "# Or give it with --route-key KEY or the CALLTOUCH_ROUTE_KEY environment variable.",
    "# routeKey: routekey_1",
    "",
    `source: ${scalar(sourceFileName)}`,
    ...(options.sheetName === undefined ? [] : [`sheet: ${scalar(options.sheetName)}`]),
    "",
    `# Calltouch field -> column of ${sourceFileName} (matched trimmed, case-insensitively).`,
    "mapping:",
    ...mappingLines(recognised, phoneGuess, duplicates),
    ...fieldLines(fields, others.slice(MAX_FIELDS)),
    "",
    ...EXAMPLES,
  ];
  return {
    yaml: `${lines.join("\n")}\n`,
    recognised,
    fields,
    unrecognised,
    summary: summaryLines(recognised, phoneGuess, fields, duplicates, others.slice(MAX_FIELDS)),
    warnings,
  };
}

/** A header that says "phone" without being one of the exact names (`Телефон 1`, `Моб. тел`). */
function guessPhoneColumn(headers: readonly string[]): string | undefined {
  return headers.find((header) => /тел|моб|сот|номер|phone|tel|mobile/i.test(header));
}

function mappingLines(
  recognised: readonly { field: MappedField; header: string }[],
  phoneGuess: string | undefined,
  duplicates: readonly { field: MappedField; header: string }[],
): string[] {
  const lines: string[] = [];
  if (phoneGuess !== undefined) {
    lines.push(
      "  # GUESS: no column is named like a phone (Телефон, Номер телефона, phone); check this line.",
    );
    lines.push(`  phone: ${scalar(phoneGuess)}`);
  }
  for (const { field, header } of recognised) lines.push(`  ${field}: ${scalar(header)}`);
  for (const { field, header } of duplicates) {
    lines.push(`  # ${field}: ${scalar(header)}    # also looks like ${field}; only one column can be used`);
  }
  return lines;
}

function fieldLines(fields: readonly string[], leftOut: readonly string[]): string[] {
  if (fields.length === 0) return [];
  const lines = ["  fields:                      # up to 5, shown on the client card: field name -> column"];
  for (const header of fields) lines.push(`    ${scalar(header)}: ${scalar(header)}`);
  if (leftOut.length > 0) {
    lines.push(
      `    # Calltouch takes at most ${MAX_FIELDS} fields; to send one of these, swap it with a line above:`,
    );
    for (const header of leftOut) lines.push(`    # ${scalar(header)}: ${scalar(header)}`);
  }
  return lines;
}

/** Every optional rule as an example; removing the leading "# " from any block gives a valid file. */
const EXAMPLES = [
  '# Optional rules: remove the "# " in front of a block to use it.',
  "# exclude: [dnc.csv]                 # files of phones never to dial",
  '# callWindow: {from: "09:00", to: "20:00", days: [mon, tue, wed, thu, fri]}   # when requests may be sent',
  "# dailyLimit: 5000                   # most accepted requests per day (the Calltouch points budget)",
  "dedupeWindow: 24h                    # skip a phone any campaign on this machine dialed within this window (0 = off)",
  "# defaults:                          # used where the row's cell is empty; tags are added to the row's",
  "#   utmSource: base-2026",
  "#   tags: [prozvon]",
  "#   unitId: 112233",
  "# timezone: Europe/Moscow            # how to read schedule times written without an offset",
  "# calltouchTimezone: Europe/Moscow   # the Calltouch project's timezone (default Europe/Moscow)",
  "# pastScheduleTime: skip             # a schedule time already past at the run's start: skip, or call-now",
  "# rate: 5                            # requests per second, at most 5 (the default)",
];

function summaryLines(
  recognised: readonly { field: MappedField; header: string }[],
  phoneGuess: string | undefined,
  fields: readonly string[],
  duplicates: readonly { field: MappedField; header: string }[],
  leftOut: readonly string[],
): string[] {
  const lines: string[] = [];
  if (recognised.length > 0) {
    lines.push(`Recognised: ${recognised.map(({ field, header }) => `${header} -> ${field}`).join(", ")}`);
  }
  if (phoneGuess !== undefined) {
    lines.push(`No phone column recognised: guessed ${phoneGuess}; check mapping.phone.`);
  }
  if (fields.length > 0) lines.push(`Sent as fields: ${fields.join(", ")}`);
  for (const { field, header } of duplicates)
    lines.push(`Not used: ${header} (another column is already ${field})`);
  if (leftOut.length > 0) {
    lines.push(`Not sent (Calltouch takes at most ${MAX_FIELDS} fields): ${leftOut.join(", ")}`);
  }
  return lines;
}

/** A header or file name as a YAML scalar on one line, quoted only when YAML needs it. */
function scalar(value: string): string {
  const written = stringify(value, { lineWidth: 0 }).trimEnd();
  return written.includes("\n") ? JSON.stringify(value) : written;
}
