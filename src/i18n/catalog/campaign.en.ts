import type { Messages } from "../messages.js";

/**
 * English words of the "campaign" area: the campaign file (its loading, its problems, the file
 * `ctdial init` writes) and dialing hygiene (exclude files). A message is a function of one
 * parameters object (or none) that returns the sentence; catalog/campaign.ru.ts must have the same
 * keys with the same parameters (the typecheck says so). Keys are unique across areas
 * (test/i18n/catalog.test.ts).
 *
 * A value the user wrote comes as a "shown" token (src/campaign/describe-value.ts): the value itself
 * as it reads (`"fast"`, `5`, `true`), or `~list`, `~group`, `~date:2026-01-02`... for what has no
 * short form; `gotEn` words it.
 */

/** A shown value (describe-value.ts) in English words. */
export function gotEn(shown: string): string {
  switch (shown) {
    case "~nothing":
      return "nothing";
    case "~empty":
      return "an empty value";
    case "~list":
      return "a list";
    case "~emptyList":
      return "an empty list";
    case "~group":
      return "a group of keys";
    default:
      if (shown.startsWith("~date:")) return `the date ${shown.slice(6)}`;
      if (shown.startsWith("~other:")) return shown.slice(7);
      return shown;
  }
}

/** Where a campaign came from: a file's name, or `~commandLine` / `~defaults` (src/campaign/load.ts ORIGIN). */
function originEn(origin: string): string {
  return origin === "~commandLine" ? "the command line" : origin === "~defaults" ? "defaults" : origin;
}

/** What a key expects, by the token format-issues.ts and schema.ts give (unknown tokens are zod's own names). */
const EXPECTED_EN: Readonly<Record<string, string>> = {
  text: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a group of keys",
  null: "nothing",
  header: "a column header (text)",
  fieldName: "a field name (text)",
  time: 'a time such as "09:00"',
  timeZone: 'an IANA time zone such as "Europe/Moscow"',
  tag: "a tag (text)",
  tags: "a list of tags",
  sourceName: "a file name or a Google Sheets URL",
  tabName: "a tab name (text)",
  fileName: "a file name",
  fileNames: "a file name or a list of file names",
  other: "another kind of value",
};

function expectedEn(expected: readonly string[], keys: readonly string[] | undefined): string {
  const names = expected.map((token) => EXPECTED_EN[token] ?? token).join(" or ");
  if (keys === undefined || keys.length === 0) return names;
  return `${names} (${keys.length > 4 ? `${keys.slice(0, 4).join(", ")}, …` : keys.join(", ")})`;
}

/** A problem found in a key's name rather than its value (`fields:` with an empty name) names the key. */
type InName = { name?: string };
const inName = (text: string, p: InName): string =>
  p.name === undefined ? text : `${text} (the name ${gotEn(p.name)})`;

/** What a value must be, for a wrong one: empty names, `from` after `to`, ... */
export type EmptyWhat = "header" | "fieldName" | "tag";

/** An exclude file's counting unit: lines of a text file, rows of a spreadsheet. */
export type ExcludeUnit = "line" | "row";

export const campaignEn = {
  // Loading the campaign file.
  /** --campaign FILE, or a campaign file named as the source, does not exist. */
  E_CAMPAIGN_FILE_MISSING: (p: { file: string; explicit?: boolean }) =>
    p.explicit === true
      ? `campaign file ${p.file} does not exist; check the --campaign path.`
      : `campaign file ${p.file} does not exist.`,
  E_CAMPAIGN_FILE_FOLDER: (p: { file: string; explicit?: boolean }) =>
    p.explicit === true
      ? `campaign file ${p.file} is a folder, not a file.`
      : `campaign file ${p.file} is a folder.`,
  /** `errno`: the system's code (EACCES, ...). */
  E_CAMPAIGN_FILE_UNREADABLE: (p: { file: string; errno: string }) =>
    `campaign file ${p.file} cannot be read (${p.errno}).`,
  /** Two campaign files would apply to one source. */
  E_CAMPAIGN_FILES_BOTH: (p: { files: readonly string[]; folder: string }) =>
    `both ${p.files.join(" and ")} exist in ${p.folder}; keep one, or choose with --campaign FILE.`,
  /** The file holds a list, a number, ... instead of keys. `origin`: a file's name, or `~commandLine`; `got`: a shown value. */
  E_CAMPAIGN_NOT_KEYS: (p: { origin: string; got: string }) =>
    `${originEn(p.origin)} must be a group of keys such as routeKey: and mapping:, got ${gotEn(p.got)}.`,
  /** Followed by one `path: problem` line each. */
  E_CAMPAIGN_INVALID: (p: { origin: string; count: number }) =>
    `${originEn(p.origin)} has ${p.count === 1 ? "1 problem" : `${p.count} problems`}:`,
  E_CAMPAIGN_NO_SOURCE: (p: { file: string }) =>
    `${p.file} has no source key; add source: clients.csv (the file to dial).`,
  /** `where`: `file:line:col`; `detail`: the YAML parser's own words. */
  E_CAMPAIGN_YAML: (p: { where: string; detail: string }) => `${p.where}: not valid YAML: ${p.detail}`,
  E_CAMPAIGN_JSON: (p: { where: string; detail: string }) => `${p.where}: not valid JSON: ${p.detail}`,
  /** A line indented wrongly: with a tab, or not as its siblings (`parent`: the key it belongs under). */
  E_CAMPAIGN_YAML_INDENT: (p: { where: string; tab?: boolean; parent?: string }) => {
    if (p.tab === true) {
      return `${p.where}: this line is indented with a tab, and YAML allows only spaces; replace the tab by spaces, as many as the lines above it use.`;
    }
    const fix =
      p.parent === undefined
        ? "top-level keys start at the beginning of the line, with no spaces before them"
        : `indent the keys under ${p.parent}: by the same number of spaces (no tabs)`;
    return `${p.where}: the indentation of this line does not match the lines above; ${fix}.`;
  },
  /** dedupeWindow read at run time (the schema checks it first). */
  E_DURATION_INVALID: (p: { got: string }) =>
    `expected a duration such as "24h", "30m" or "7d", got ${gotEn(p.got)}`,
  E_DURATION_TOO_LONG: (p: { got: string }) => `the duration ${gotEn(p.got)} is too long`,

  // One problem of a campaign file's key (the line after `path: `).
  /** `expected`: tokens (text, number, header, time, ...), read as "a or b"; `keys`: a group's keys; no `got`: missing. */
  campaignIssueType: (p: { expected: readonly string[]; keys?: readonly string[]; got?: string } & InName) =>
    inName(
      p.got === undefined
        ? `required, expected ${expectedEn(p.expected, p.keys)}`
        : `expected ${expectedEn(p.expected, p.keys)}, got ${gotEn(p.got)}`,
      p,
    ),
  campaignIssueEmpty: (p: { what?: EmptyWhat } & InName) =>
    inName(
      p.what === "header"
        ? "a column header cannot be empty"
        : p.what === "fieldName"
          ? "a field name cannot be empty"
          : p.what === "tag"
            ? "a tag cannot be empty"
            : "cannot be empty",
      p,
    ),
  campaignIssueEmptyList: (p: InName) => inName("cannot be an empty list", p),
  /** `got`: a shown value, or the count of characters or items. */
  campaignIssueTooSmall: (
    p: { origin: "string" | "array" | "number"; min: number; inclusive: boolean; got: string } & InName,
  ) =>
    inName(
      p.origin === "string"
        ? `expected at least ${p.min} characters, got ${gotEn(p.got)}`
        : p.origin === "array"
          ? `expected at least ${p.min} items, got ${gotEn(p.got)}`
          : p.inclusive
            ? `expected at least ${p.min}, got ${gotEn(p.got)}`
            : `expected a number above ${p.min}, got ${gotEn(p.got)}`,
      p,
    ),
  campaignIssueTooBig: (
    p: { origin: "string" | "array" | "number"; max: number; inclusive: boolean; got: string } & InName,
  ) =>
    inName(
      p.origin === "string"
        ? `expected at most ${p.max} characters, got ${gotEn(p.got)}`
        : p.origin === "array"
          ? `expected at most ${p.max} items, got ${gotEn(p.got)}`
          : p.inclusive
            ? `expected at most ${p.max}, got ${gotEn(p.got)}`
            : `expected a number below ${p.max}, got ${gotEn(p.got)}`,
      p,
    ),
  /** `values`: the allowed values as shown; `guess`: the one the user probably meant. */
  campaignIssueOneOf: (p: { values: readonly string[]; got: string; guess?: string } & InName) => {
    const expected = p.values.length === 1 ? p.values[0] : `one of ${p.values.join(", ")}`;
    const base = `expected ${expected}, got ${gotEn(p.got)}`;
    return inName(p.guess === undefined ? base : `${base} (did you mean ${p.guess}?)`, p);
  },
  campaignIssueFormat: (p: { got: string } & InName) => inName(`has the wrong form, got ${gotEn(p.got)}`, p),
  campaignIssueMultipleOf: (p: { divisor: number; got: string } & InName) =>
    inName(`expected a multiple of ${p.divisor}, got ${gotEn(p.got)}`, p),
  campaignIssueBadName: (p: InName) => inName("has an invalid name", p),
  campaignIssueInvalid: (p: { got: string } & InName) => inName(`is not valid, got ${gotEn(p.got)}`, p),
  campaignIssueTime: (p: { got: string } & InName) =>
    inName(`expected a time such as "09:00", got ${gotEn(p.got)}`, p),
  campaignIssueTimeZone: (p: { got: string } & InName) =>
    inName(`expected an IANA time zone such as "Europe/Moscow", got ${gotEn(p.got)}`, p),
  campaignIssueDuration: (p: { got: string } & InName) =>
    inName(`expected a duration such as "24h", "30m" or "7d" (or 0 to turn it off), got ${gotEn(p.got)}`, p),
  campaignIssueTooManyFields: (p: { max: number; count: number } & InName) =>
    inName(`Calltouch takes at most ${p.max} fields, got ${p.count}`, p),
  campaignIssueTooManyTags: (p: { max: number; count: number } & InName) =>
    inName(`Calltouch takes at most ${p.max} tags, got ${p.count}`, p),
  campaignIssueRate: (p: { max: number; got: string } & InName) =>
    inName(`Calltouch allows at most ${p.max} requests per second, got ${gotEn(p.got)}`, p),
  campaignIssueWindowOrder: (p: { from: string; to: string } & InName) =>
    inName(`from (${p.from}) must be earlier than to (${p.to})`, p),
  /** zod's own word for a group of unknown keys (format-issues.ts words each key itself). */
  campaignIssueUnknownKeys: (p: { keys: readonly string[] } & InName) =>
    inName(`unknown key${p.keys.length === 1 ? "" : "s"} ${p.keys.join(", ")}`, p),
  /** `Телефон: phone` under mapping: the pair written the wrong way round. */
  campaignUnknownKeySwapped: (p: { key: string; field: string }) =>
    `unknown key (did you mean ${p.field}: ${p.key}? name the Calltouch field first, then your column)`,
  /** `guesses`: near keys here, or paths of near keys elsewhere (mapping.tags). */
  campaignUnknownKeyGuess: (p: { guesses: readonly string[] }) =>
    `unknown key (did you mean ${p.guesses.join(" or ")}?)`,
  /** `fieldsUnder`: where other names go (mapping.fields), when the group has fields. */
  campaignUnknownKeyAllowed: (p: { allowed: readonly string[]; fieldsUnder?: string }) => {
    const listed = `allowed here: ${p.allowed.join(", ")}`;
    return p.fieldsUnder === undefined
      ? `unknown key; ${listed}`
      : `unknown key; ${listed}. Other names go under ${p.fieldsUnder}`;
  },

  // Mapping columns by their names.
  /** The named headers, at most `shown` of them: "Телефон, Имя and 3 more". */
  campaignHeaderList: (p: { headers: readonly string[]; more: number }) =>
    p.headers.length === 0
      ? "no named columns"
      : p.more > 0
        ? `${p.headers.join(", ")} and ${p.more} more`
        : p.headers.join(", "),
  /** No phone column; `remedy`: what to do (init: rename and run init again). */
  campaignNoPhoneColumn: (p: { headers: readonly string[]; more: number; remedy: "mapping" | "init" }) =>
    `no phone column found; the file has: ${campaignHeaderListEn(p)}. ${
      p.remedy === "init"
        ? "Name the phone column Телефон and run ctdial init again"
        : "Name the phone column Телефон or set mapping.phone"
    }`,
  /** ctdial init: no column is a phone (the same problem, as the error that stops init). */
  E_NO_PHONE_COLUMN: (p: { source: string; headers: readonly string[]; more: number }) =>
    `${p.source}: no phone column found; the file has: ${campaignHeaderListEn(p)}. Name the phone column Телефон and run ctdial init again.`,
  campaignColumnsAmbiguous: (p: { columns: readonly string[]; field: string }) =>
    `columns ${p.columns.join(", ")} could all be ${p.field}; set mapping.${p.field} to the one to use`,
  campaignTooManyFields: (p: { columns: readonly string[]; max: number }) =>
    `${p.columns.length} columns would be sent as fields, but Calltouch takes at most ${p.max}: ` +
    `${p.columns.join(", ")}. List the ones to send in mapping.fields of a campaign file ` +
    "(ctdial init <source> writes one)",
  /** `start`: the name's first 40 characters. */
  campaignColumnNameTooLong: (p: { start: string }) =>
    `column "${p.start}…" has a name over 255 characters; rename it`,
  /** Auto-mapping failed; one problem per line follows. */
  E_CANNOT_AUTO_MAP: () => "cannot map the columns by their names:",
  campaignWarnDateColumn: (p: { column: string }) =>
    `column ${p.column} looks like dates or times but is sent as a plain field, so an impossible date such as 31.02 is not caught; if it says when to call, set mapping.scheduleTime: ${p.column}`,
  campaignWarnTagColumn: (p: { column: string }) =>
    `column ${p.column} looks like tags but is sent as one plain field; to send them as tags, set mapping.tags: ${p.column}`,

  // ctdial init: the terminal summary.
  campaignInitRecognised: (p: { pairs: readonly string[] }) => `Recognised: ${p.pairs.join(", ")}`,
  campaignInitPhoneGuess: (p: { column: string }) =>
    `No phone column recognised: guessed ${p.column}; check mapping.phone.`,
  campaignInitAsFields: (p: { columns: readonly string[] }) => `Sent as fields: ${p.columns.join(", ")}`,
  campaignInitNotUsed: (p: { column: string; field: string }) =>
    `Not used: ${p.column} (another column is already ${p.field})`,
  campaignInitNotSent: (p: { columns: readonly string[]; max: number }) =>
    `Not sent (Calltouch takes at most ${p.max} fields): ${p.columns.join(", ")}`,

  // ctdial init: the comments of the campaign file it writes (each without its "# ").
  campaignYamlHeader: (p: { source: string }) =>
    `ctdial campaign for ${p.source}, proposed by \`ctdial init\` from its column headers.`,
  campaignYamlCheck: () => "Check the mapping, set routeKey, then try it without sending anything:",
  campaignYamlRouteKey: () =>
    'The key of the Calltouch "site form" widget that receives the requests (1..255 characters).',
  campaignYamlRouteKeyElse: () =>
    "Or give it with --route-key KEY or the CALLTOUCH_ROUTE_KEY environment variable.",
  campaignYamlMapping: (p: { source: string }) =>
    `Calltouch field -> column of ${p.source} (matched trimmed, case-insensitively).`,
  campaignYamlPhoneGuess: () =>
    "GUESS: no column is named like a phone (Телефон, Номер телефона, phone); check this line.",
  campaignYamlAlsoField: (p: { field: string }) => `also looks like ${p.field}; only one column can be used`,
  campaignYamlFields: () => "up to 5, shown on the client card: field name -> column",
  campaignYamlFieldsLeftOut: (p: { max: number }) =>
    `Calltouch takes at most ${p.max} fields; to send one of these, swap it with a line above:`,
  campaignYamlOptional: () => 'Optional rules: remove the "# " in front of a block to use it.',
  campaignYamlExclude: () => "files of phones never to dial",
  campaignYamlCallWindow: () => "when requests may be sent",
  campaignYamlDailyLimit: () => "most accepted requests per day (the Calltouch points budget)",
  campaignYamlDedupe: () => "skip a phone any campaign on this machine dialed within this window (0 = off)",
  campaignYamlDefaults: () => "used where the row's cell is empty; tags are added to the row's",
  campaignYamlTimezone: () => "how to read schedule times written without an offset",
  campaignYamlCalltouchTimezone: () => "the Calltouch project's timezone (default Europe/Moscow)",
  campaignYamlPastScheduleTime: () => "a schedule time already past at the run's start: skip, or call-now",
  campaignYamlRate: () => "requests per second, at most 5 (the default)",

  // Dialing hygiene: exclude files.
  /** `namedIn`: the campaign file that names the lists. */
  E_EXCLUDE_TOO_MANY: (p: { max: number; count: number; namedIn?: string }) =>
    `at most ${p.max} exclude files can be used at once, got ${p.count}${namedInEn(p)}.`,
  E_EXCLUDE_KIND: (p: { file: string; namedIn?: string }) =>
    `exclude file ${p.file} is not a .csv, .txt or .xlsx file${namedInEn(p)}; save the phones as one of these.`,
  E_EXCLUDE_FOLDER: (p: { file: string; namedIn?: string }) =>
    `exclude file ${p.file} is a folder, not a file${namedInEn(p)}.`,
  E_EXCLUDE_MISSING: (p: { file: string; namedIn?: string }) =>
    `exclude file ${p.file} does not exist${namedInEn(p)}.`,
  E_EXCLUDE_NO_PHONE_COLUMN: (p: { file: string; columns: readonly string[]; namedIn?: string }) =>
    `exclude file ${p.file} has no phone column${namedInEn(p)}: its columns are ${p.columns.join(", ")}; ` +
    "name the phone column Телефон, or leave only the phones in the file.",
  /** A skipped row's reason. */
  campaignExcludedBy: (p: { file: string }) => `excluded by ${p.file}`,
} satisfies Messages;

function campaignHeaderListEn(p: { headers: readonly string[]; more: number }): string {
  return campaignEn.campaignHeaderList(p);
}

function namedInEn(p: { namedIn?: string }): string {
  return p.namedIn === undefined ? "" : ` (named in ${p.namedIn})`;
}
