/**
 * The waiting time the CLI shows while the call window is closed: "2:05:30", "3 d 4:00:00". Seconds
 * are rounded up, so the countdown never reads 0:00:00 while there is still time to wait. Pure.
 */
export function formatCountdown(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`a countdown needs a finite time, got ${ms}`);
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const clock = `${hours}:${pad(minutes)}:${pad(seconds)}`;
  return days > 0 ? `${days} d ${clock}` : clock;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
