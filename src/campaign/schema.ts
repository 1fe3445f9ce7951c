import { z } from "zod";

/**
 * The campaign file, as CONTRACT.md shows it. Strict everywhere: a misspelt key is an error, never
 * silently ignored. Every key has a description (it becomes the JSON Schema that editors use for
 * autocomplete) and, where it has one, a default.
 */

const header = z.string().trim().min(1, "a column header cannot be empty");

export const CALLTOUCH_FIELDS = [
  "sessionId",
  "scheduleTime",
  "utmSource",
  "utmMedium",
  "utmCampaign",
  "utmContent",
  "utmTerm",
  "callUrl",
  "tags",
  "unitId",
  "routeKey",
] as const;
export type MappedField = "phone" | (typeof CALLTOUCH_FIELDS)[number];

export const mappingSchema = z
  .strictObject({
    phone: header.describe("Column with the client's phone number (any Russian format)."),
    fields: z
      .record(z.string().trim().min(1).max(255), header)
      .optional()
      .describe("Up to 5 extra fields shown on the client card: Calltouch field name -> column header."),
    sessionId: header.optional().describe("Column with the Calltouch sessionId of a web visit (at most 100 characters)."),
    scheduleTime: header.optional().describe("Column with when to call: a date cell, dd.mm.yyyy hh:mm, yyyy-mm-dd hh:mm or ISO 8601."),
    utmSource: header.optional().describe("Column with utm_source."),
    utmMedium: header.optional().describe("Column with utm_medium."),
    utmCampaign: header.optional().describe("Column with utm_campaign."),
    utmContent: header.optional().describe("Column with utm_content."),
    utmTerm: header.optional().describe("Column with utm_term."),
    callUrl: header.optional().describe("Column with the URL of the page the request came from."),
    tags: header.optional().describe("Column with tags, separated by , or ;"),
    unitId: header.optional().describe("Column with the department (unitId, an integer) of the widget."),
    routeKey: header.optional().describe("Column with a per-row widget key; overrides the campaign's routeKey."),
  })
  .describe("Calltouch field -> column header (trimmed, case-insensitive). Without it, headers are recognised.");

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time such as "09:00"');
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IANA time zone such as "Europe/Moscow"' },
);

const duration = z.string().regex(/^\d+(\.\d+)?\s*(ms|s|m|h|d)$/, 'expected a duration such as "24h", "30m" or "7d"');

export const defaultsSchema = z
  .strictObject({
    sessionId: z.string().optional().describe("sessionId for rows whose cell is empty."),
    utmSource: z.string().optional().describe("utm_source for rows whose cell is empty."),
    utmMedium: z.string().optional().describe("utm_medium for rows whose cell is empty."),
    utmCampaign: z.string().optional().describe("utm_campaign for rows whose cell is empty."),
    utmContent: z.string().optional().describe("utm_content for rows whose cell is empty."),
    utmTerm: z.string().optional().describe("utm_term for rows whose cell is empty."),
    callUrl: z.string().optional().describe("callUrl for rows whose cell is empty."),
    tags: z.array(z.string()).optional().describe("Tags added to every row's own tags."),
    unitId: z.number().int().optional().describe("Department (unitId) for rows whose cell is empty."),
    fields: z
      .record(z.string().min(1).max(255), z.string().min(1).max(255))
      .optional()
      .describe("Field values for rows whose cell is empty (field name -> value)."),
  })
  .describe("Values used where the row's cell is empty; tags are added to the row's.");

export const callWindowSchema = z
  .strictObject({
    from: hhmm.default("09:00").describe("Earliest time of day to send, in `timezone`."),
    to: hhmm.default("21:00").describe("Latest time of day to send, in `timezone`."),
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1)
      .default([...WEEKDAYS])
      .describe("Weekdays on which requests may be sent."),
  })
  .describe("When requests may be sent; outside it `run` waits.");

export const campaignSchema = z
  .strictObject({
    routeKey: z.string().min(1).max(255).optional().describe("Campaign-wide widget key of a 'site form' widget (1..255 characters)."),
    source: z.string().min(1).optional().describe("The client base: a CSV/XLSX path relative to this file, or a Google Sheets URL."),
    sheet: z.string().min(1).optional().describe("XLSX or Google Sheets tab to read; default: the first."),
    mapping: mappingSchema.optional(),
    exclude: z
      .union([z.string().min(1), z.array(z.string().min(1))])
      .optional()
      .describe("Files (CSV/TXT/XLSX) of phones never to dial."),
    callWindow: callWindowSchema.optional(),
    dailyLimit: z.number().int().positive().optional().describe("Most accepted requests per day (the Calltouch points budget)."),
    dedupeWindow: duration.optional().describe("Skip a phone that any campaign dialed within this window, e.g. 24h."),
    defaults: defaultsSchema.optional(),
    timezone: timeZone.optional().describe("How to read schedule times written without an offset; default: calltouchTimezone."),
    calltouchTimezone: timeZone
      .default("Europe/Moscow")
      .describe("The Calltouch project's timezone; scheduleTime is sent in it."),
    scheduleTimeFormat: z
      .enum(["yyyy-mm-dd hh:mm:ss", "dd-mm-yyyy hh:mm:ss"])
      .default("yyyy-mm-dd hh:mm:ss")
      .describe("Wire format of scheduleTime (API.md: the article shows both)."),
    rate: z
      .number()
      .positive("expected a number above 0")
      .max(5, "Calltouch allows at most 5 requests per second")
      .default(5)
      .describe("Requests per second, 0 < rate <= 5."),
  })
  .describe("A ctdial campaign: which widget to call, which columns mean what, and the dialing rules.");

export type Campaign = z.output<typeof campaignSchema>;
export type CampaignInput = z.input<typeof campaignSchema>;
export type Mapping = z.output<typeof mappingSchema>;
export type Defaults = z.output<typeof defaultsSchema>;
