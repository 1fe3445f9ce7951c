import { z } from "zod";
import { TEXT_FIELDS } from "../calltouch/types.js";
import { describeValue } from "./describe-value.js";
import { DURATION } from "./duration.js";
import { issueText, typeIssue } from "./issue-said.js";

/**
 * The campaign file, as docs/contract.md shows it. Strict everywhere: a misspelt key is an error, never
 * silently ignored. Every key has a description (it becomes the JSON Schema that editors use for
 * autocomplete) and, where it has one, a default. Messages written here win over the generic ones of
 * format-issues.ts; they are catalog keys and parameters (issue-said.ts), functions where the value
 * the user wrote helps ("got 7"). `expected` tokens are words of the catalog (campaign.en.ts).
 */

/** A string schema whose wrong-type message names what the value is for (`header`: "a column header (text)"). */
function text(expected: string) {
  return z.string({
    error: (issue) => (issue.code === "invalid_type" ? typeIssue([expected], issue.input) : undefined),
  });
}

const header = text("header")
  .trim()
  .min(1, issueText("campaignIssueEmpty", { what: "header" }));

/** Calltouch field names (docs/calltouch-api.md "Body fields") that a mapping may point at a column, besides phone and fields. */
export const CALLTOUCH_FIELDS = [
  "sessionId",
  "scheduleTime",
  ...TEXT_FIELDS,
  "tags",
  "unitId",
  "routeKey",
] as const;
export type MappedField = "phone" | (typeof CALLTOUCH_FIELDS)[number];

/** docs/calltouch-api.md: at most 5 `fields` entries, name and value each 1..255 characters. */
export const MAX_FIELDS = 5;
const fieldName = text("fieldName")
  .trim()
  .min(1, issueText("campaignIssueEmpty", { what: "fieldName" }))
  .max(255);

const fieldsOf = <T extends z.ZodType>(value: T) =>
  z
    .record(fieldName, value)
    .refine((fields) => Object.keys(fields).length <= MAX_FIELDS, {
      error: (issue) =>
        issueText("campaignIssueTooManyFields", {
          max: MAX_FIELDS,
          count: Object.keys(issue.input as object).length,
        }),
    })
    .meta({ maxProperties: MAX_FIELDS });

export const mappingSchema = z
  .strictObject({
    phone: header.describe(
      "Column with the client's phone number (any Russian format). Required in a mapping.",
    ),
    fields: fieldsOf(header)
      .optional()
      .describe("Up to 5 extra fields shown on the client card: Calltouch field name -> column header."),
    sessionId: header
      .optional()
      .describe("Column with the Calltouch sessionId of a web visit (at most 100 characters)."),
    scheduleTime: header
      .optional()
      .describe("Column with when to call: a date cell, dd.mm.yyyy hh:mm, yyyy-mm-dd hh:mm or ISO 8601."),
    utmSource: header.optional().describe("Column with utm_source."),
    utmMedium: header.optional().describe("Column with utm_medium."),
    utmCampaign: header.optional().describe("Column with utm_campaign."),
    utmContent: header.optional().describe("Column with utm_content."),
    utmTerm: header.optional().describe("Column with utm_term."),
    callUrl: header.optional().describe("Column with the URL of the page the request came from."),
    tags: header.optional().describe("Column with tags, separated by , or ;"),
    unitId: header.optional().describe("Column with the department (unitId, an integer) of the widget."),
    routeKey: header
      .optional()
      .describe("Column with a per-row widget key; overrides the campaign's routeKey."),
  })
  .describe(
    "Calltouch field -> column header (trimmed, case-insensitive). A mapping is used as written: list every " +
      "column to send. Without it, headers are recognised by name.",
  );

/** `09:00`; `9:00` is accepted and padded, because YAML users write it and mean the same. */
const timeOfDay = text("time")
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$|^24:00$/, {
    error: (issue) => issueText("campaignIssueTime", { got: describeValue(issue.input) }),
  })
  .transform((time) => time.padStart(5, "0"));

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const timeZone = text("timeZone").refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  {
    error: (issue) => issueText("campaignIssueTimeZone", { got: describeValue(issue.input) }),
  },
);

/**
 * `dedupeWindow`: a duration, or 0 (the number or "0") to turn it off. Every branch of the union
 * carries the same message because format-issues.ts reports a failed union through the branch the
 * value came closest to: without it `dedupeWindow: 24` read "expected 0, got 24", hiding that "24h"
 * was meant.
 */
const dedupeWindowMessage = (issue: { input?: unknown }) =>
  issueText("campaignIssueDuration", { got: describeValue(issue.input) });
const dedupeWindow = z.union(
  [
    z.literal(0, { error: dedupeWindowMessage }),
    z.string({ error: dedupeWindowMessage }).regex(DURATION, { error: dedupeWindowMessage }),
  ],
  { error: dedupeWindowMessage },
);

/** docs/calltouch-api.md: at most 10 tags, each at most 100 characters. A single string is split like a tags cell. */
const tag = text("tag")
  .trim()
  .min(1, issueText("campaignIssueEmpty", { what: "tag" }))
  .max(100);
const tagList = z
  .union([z.string(), z.array(z.string())], {
    error: (issue) => (issue.code === "invalid_union" ? typeIssue(["tags"], issue.input) : undefined),
  })
  .transform((tags) => (typeof tags === "string" ? tags.split(/[,;]/).filter((t) => t.trim() !== "") : tags))
  .pipe(
    z.array(tag).max(10, {
      error: (issue) =>
        issueText("campaignIssueTooManyTags", { max: 10, count: (issue.input as unknown[]).length }),
    }),
  );

export const defaultsSchema = z
  .strictObject({
    sessionId: text("text")
      .max(100)
      .optional()
      .describe("sessionId for rows whose cell is empty (at most 100 characters)."),
    utmSource: text("text").optional().describe("utm_source for rows whose cell is empty."),
    utmMedium: text("text").optional().describe("utm_medium for rows whose cell is empty."),
    utmCampaign: text("text").optional().describe("utm_campaign for rows whose cell is empty."),
    utmContent: text("text").optional().describe("utm_content for rows whose cell is empty."),
    utmTerm: text("text").optional().describe("utm_term for rows whose cell is empty."),
    callUrl: text("text").optional().describe("callUrl for rows whose cell is empty."),
    tags: tagList
      .optional()
      .describe("Tags added to every row's own tags: a list, or one text with tags separated by , or ;"),
    unitId: z.number().int().optional().describe("Department (unitId) for rows whose cell is empty."),
    fields: fieldsOf(text("text").min(1).max(255))
      .optional()
      .describe("Field values for rows whose cell is empty (field name -> value)."),
  })
  .describe("Values used where the row's cell is empty; tags are added to the row's.");

export const callWindowSchema = z
  .strictObject({
    from: timeOfDay.default("09:00").describe("Earliest time of day to send, in `timezone`. Default 09:00."),
    to: timeOfDay.default("21:00").describe("Latest time of day to send, in `timezone`. Default 21:00."),
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1)
      .default([...WEEKDAYS])
      .describe("Weekdays on which requests may be sent (mon..sun). Default: every day."),
  })
  .refine((window) => window.from < window.to, {
    error: (issue) => {
      const window = issue.input as { from: string; to: string };
      return issueText("campaignIssueWindowOrder", { from: window.from, to: window.to });
    },
  })
  .describe("When requests may be sent; outside it `run` waits.");

export const retrySchema = z
  .strictObject({
    attempts: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(6)
      .describe(
        "Most requests per row when Calltouch is briefly unavailable (5xx, 429, proxy pages). Default 6.",
      ),
  })
  .describe("Retries of transient failures; they back off exponentially within about 2 minutes.");

export const campaignSchema = z
  .strictObject({
    $schema: z.string().optional().describe("The JSON Schema of this file, for editors; ctdial ignores it."),
    routeKey: text("text")
      .min(1)
      .max(255)
      .optional()
      .describe("Campaign-wide widget key of a 'site form' widget (1..255 characters)."),
    source: text("sourceName")
      .min(1)
      .optional()
      .describe("The client base: a CSV/XLSX path relative to this file, or a Google Sheets URL."),
    sheet: text("tabName")
      .min(1)
      .optional()
      .describe("XLSX or Google Sheets tab to read; default: the first."),
    mapping: mappingSchema.optional(),
    exclude: z
      .union([text("fileName").min(1), z.array(text("fileName").min(1))], {
        error: (issue) =>
          issue.code === "invalid_union" ? typeIssue(["fileNames"], issue.input) : undefined,
      })
      .optional()
      .describe("Files (CSV/TXT/XLSX) of phones never to dial, relative to this file."),
    callWindow: callWindowSchema.optional(),
    dailyLimit: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Most accepted requests per day (the Calltouch points budget)."),
    dedupeWindow: dedupeWindow
      .default("24h")
      .describe(
        "Skip a phone that any campaign on this machine had accepted within this window. Default 24h; 0 turns it off (people may then be called again).",
      ),
    defaults: defaultsSchema.optional(),
    timezone: timeZone
      .optional()
      .describe("How to read schedule times written without an offset; default: calltouchTimezone."),
    calltouchTimezone: timeZone
      .default("Europe/Moscow")
      .describe("The Calltouch project's timezone; scheduleTime is sent in it. Default Europe/Moscow."),
    scheduleTimeFormat: z
      .enum(["yyyy-mm-dd hh:mm:ss", "dd-mm-yyyy hh:mm:ss"])
      .default("yyyy-mm-dd hh:mm:ss")
      .describe(
        "Wire format of scheduleTime (docs/calltouch-api.md: the article shows both). Default yyyy-mm-dd hh:mm:ss.",
      ),
    pastScheduleTime: z
      .enum(["skip", "call-now"])
      .default("skip")
      .describe(
        "What to do with a row whose schedule time had already passed when the run started: skip (the row is skipped, the report says why) or call-now (it is sent without a scheduleTime, so Calltouch calls at once, and the report notes it). Default skip.",
      ),
    rate: z
      .number()
      .positive()
      .max(5, {
        error: (issue) => issueText("campaignIssueRate", { max: 5, got: describeValue(issue.input) }),
      })
      .default(5)
      .describe("Requests per second, 0 < rate <= 5. Default 5."),
    retry: retrySchema.default({ attempts: 6 }),
    retryUnknown: z
      .boolean()
      .default(false)
      .describe(
        "Resend a row whose answer was lost after the request left (it may have created a callback, so the client may be called twice). Default false.",
      ),
    resendWithoutSessionId: z
      .boolean()
      .default(false)
      .describe(
        "When Calltouch does not know a row's sessionId (error 10004), send the row once more without it: the client is still called, but the call is not tied to the site visit. Default false: such rows fail.",
      ),
    lang: z
      .enum(["ru", "en"])
      .optional()
      .describe(
        "Language of what a campaigns folder writes for the people who drop files into it (its notes and STATUS.txt): ru or en. Default: the language ctdial watch speaks (--lang, CTDIAL_LANG, the locale).",
      ),
  })
  .describe("A ctdial campaign: which widget to call, which columns mean what, and the dialing rules.");

export type Campaign = z.output<typeof campaignSchema>;
export type CampaignInput = z.input<typeof campaignSchema>;
export type Mapping = z.output<typeof mappingSchema>;
export type Defaults = z.output<typeof defaultsSchema>;
