import { DateTime } from "luxon";

/**
 * A time as a person reads it: `7 Dec 2026, 09:00 (Europe/Moscow)`, in the zone it matters in (a
 * file's campaign's, else the machine's), never bare UTC. Reports and JSON keep ISO 8601; this is for
 * STATUS.txt and log lines. `seconds` for times that tell whether something is alive ("Updated").
 */
export function readableTime(epochMs: number, zone: string = machineZone(), seconds = false): string {
  const at = DateTime.fromMillis(epochMs, { zone, locale: "en-US" });
  const valid = at.isValid ? at : DateTime.fromMillis(epochMs, { zone: "UTC", locale: "en-US" });
  return `${valid.toFormat(seconds ? "d LLL yyyy, HH:mm:ss" : "d LLL yyyy, HH:mm")} (${valid.zoneName})`;
}

/** The machine's zone (the TZ variable, else the system's), as an IANA name. */
export function machineZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
