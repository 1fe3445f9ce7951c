import { DateTime } from "luxon";
import type { CallbackRequest } from "../calltouch/types.js";
import type { Campaign } from "../campaign/schema.js";
import { type Said, said } from "../i18n/catalog.js";
import type { RowOutcome } from "../outcome.js";
import { cachedZone } from "../time/cached-zone.js";

/** What a schedule time that has passed by the moment of sending turns the request into. */
export type PastAtSend =
  | { readonly hold: Extract<RowOutcome, { status: "skipped" }> }
  /** `pastScheduleTime: call-now`: the request without its time, and the report's note. */
  | { readonly request: CallbackRequest; readonly note: Said };

const WIRE_FORMATS = {
  "yyyy-mm-dd hh:mm:ss": "yyyy-MM-dd HH:mm:ss",
  "dd-mm-yyyy hh:mm:ss": "dd-MM-yyyy HH:mm:ss",
} as const;

/**
 * The file is read when the run starts, but a row may wait long after that: for the call window to
 * open (a row for Sunday evening waiting for Monday 09:00), behind the rate limit, for a retry after
 * 10007. So the schedule time is judged again right before the request leaves, against the clock of
 * that moment, and `pastScheduleTime` decides as it does when the file is read. Undefined when the row
 * has no schedule time or it is still ahead. The time is read back from the request itself (the wire
 * value, in the Calltouch project's zone), so what is judged is exactly what would be sent.
 */
export function pastScheduleAtSend(
  request: CallbackRequest,
  campaign: Campaign,
  now: number,
): PastAtSend | undefined {
  const wire = request.scheduleTime;
  if (wire === undefined) return undefined;
  const format = WIRE_FORMATS[campaign.scheduleTimeFormat ?? "yyyy-mm-dd hh:mm:ss"];
  const at = DateTime.fromFormat(wire, format, { zone: cachedZone(campaign.calltouchTimezone) });
  if (!at.isValid || at.toMillis() >= now) return undefined;
  const passed = {
    scheduledAt: at.toMillis(),
    sendAt: now,
    zone: campaign.timezone ?? campaign.calltouchTimezone,
  };
  if (campaign.pastScheduleTime === "call-now") {
    const { scheduleTime: _past, ...withoutTime } = request;
    return { request: withoutTime, note: said("rowsPastAtSendCalledNow", passed) };
  }
  return {
    hold: { status: "skipped", reason: said("rowsPastAtSendSkipped", passed), because: "past-schedule" },
  };
}
