import { cachedZone } from "./cached-zone.js";

/**
 * ISO 8601 in the machine's local time with its real offset, e.g. `2026-11-25T18:40:00+03:00`: what
 * an operator reads in the report next to the time on the wall. The offset is taken for that instant,
 * so daylight-saving changes and half-hour zones come out right.
 */
export function isoWithOffset(epochMs: number): string {
  return isoAt(epochMs, -new Date(epochMs).getTimezoneOffset());
}

function pad(n: number): string {
  return n.toString().padStart(2, "0");
}

/**
 * The same instant as `iso` (ISO 8601 with an offset) written in `zone`: what a report and `status`
 * show, so that times read in the campaign's timezone whatever the machine's clock says (a server
 * in UTC, a laptop in Novosibirsk). Text that is not such a time is returned as it is.
 */
export function isoInZone(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const offset = cachedZone(zone).offset(ms);
  if (Number.isNaN(offset)) return iso;
  return isoAt(ms, offset);
}

/** `epochMs` as wall-clock time at a UTC offset of `offsetMinutes`, with that offset written out. */
function isoAt(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear().toString().padStart(4, "0")}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
