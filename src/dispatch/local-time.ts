/**
 * ISO 8601 in the machine's local time with its real offset, e.g. `2026-11-25T18:40:00+03:00`: what
 * an operator reads in the report next to the time on the wall. The offset is taken for that instant,
 * so daylight-saving changes and half-hour zones come out right.
 */
export function isoWithOffset(epochMs: number): string {
  const date = new Date(epochMs);
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear().toString().padStart(4, "0")}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

function pad(n: number): string {
  return n.toString().padStart(2, "0");
}
