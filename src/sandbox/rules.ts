import type { CallbackRequest } from "../calltouch/types.js";
import type { SandboxSettings } from "./options.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY = 10_000;

/**
 * A Russian number as docs/calltouch-api.md describes it: 7 + 10 digits, geographic (3xx, 4xx, 8xx) or mobile (9xx);
 * 76x/77x are Kazakhstan, 70x-72x and 75x are unassigned, 8-800 and 8-804 are toll-free and refused.
 */
export function isCallablePhone(phone: string): boolean {
  return /^7[3489]\d{9}$/.test(phone) && !/^780[04]/.test(phone);
}

/**
 * What the emulated project has accepted so far: the state behind the balance and the per-phone/session limits.
 * Per phone it keeps only the last 24 hours (all the limits look at), and every `SWEEP_EVERY` requests it
 * forgets the phones not seen for a day, so a `ctdial sandbox` left running for weeks stays small. A
 * session's times are kept: its limit counts every request it ever had (and stops at that limit).
 */
export class Ledger {
  #nextId: number;
  #used = 0;
  #sinceSweep = 0;
  readonly #byPhone = new Map<string, number[]>();
  readonly #bySession = new Map<string, number[]>();

  constructor(firstRequestId: number) {
    this.#nextId = firstRequestId;
  }

  get minutesUsed(): number {
    return this.#used;
  }

  /** Records an accepted request and returns its widgetRequestId. */
  accept(body: CallbackRequest, at: number): number {
    this.#used += 1;
    push(this.#byPhone, body.phone, at);
    const times = this.#byPhone.get(body.phone) ?? [];
    while (times.length > 1 && (times[0] ?? at) <= at - DAY_MS) times.shift();
    if (++this.#sinceSweep >= SWEEP_EVERY) this.#sweep(at);
    if (body.sessionId !== undefined) push(this.#bySession, body.sessionId, at);
    const id = this.#nextId;
    this.#nextId += 1;
    return id;
  }

  phoneTimes(phone: string): readonly number[] {
    return this.#byPhone.get(phone) ?? [];
  }

  sessionTimes(sessionId: string): readonly number[] {
    return this.#bySession.get(sessionId) ?? [];
  }

  /** How many phones the ledger holds now (bounded by the phones of the last day, plus one sweep's worth). */
  get phonesHeld(): number {
    return this.#byPhone.size;
  }

  #sweep(at: number): void {
    this.#sinceSweep = 0;
    for (const [phone, times] of this.#byPhone)
      if ((times.at(-1) ?? at) <= at - DAY_MS) this.#byPhone.delete(phone);
  }
}

/**
 * The business checks after field validation, in the order this emulator assumes the real server uses
 * (only "10013 before routeKey" is known; the rest is a plausible guess: the widget, then the account,
 * then the session, then the limits). Returns the Calltouch error code, or undefined to accept.
 */
export function checkRules(
  body: CallbackRequest,
  s: SandboxSettings,
  ledger: Ledger,
  at: number,
): number | undefined {
  if (!isCallablePhone(body.phone)) return 10013;
  if (s.disabledRouteKeys.includes(body.routeKey)) return 10003;
  if (s.routeKeys !== undefined && !s.routeKeys.includes(body.routeKey)) return 10003;
  if (!s.serviceEnabled) return 10002;
  if (s.minutes !== undefined && ledger.minutesUsed >= s.minutes) return 10001;

  const { sessionId } = body;
  if (sessionId !== undefined) {
    const known = s.sessions === undefined ? /^\d+$/.test(sessionId) : s.sessions.includes(sessionId);
    if (!known) return 10004;
    if (ledger.sessionTimes(sessionId).length >= s.sessionLimit) return 10005;
  } else {
    const today = ledger.phoneTimes(body.phone).filter((t) => at - t < DAY_MS);
    if (today.length >= s.phoneDailyLimit) return 10006;
  }

  const last = Math.max(
    ...ledger.phoneTimes(body.phone),
    ...(sessionId === undefined ? [] : ledger.sessionTimes(sessionId)),
    Number.NEGATIVE_INFINITY,
  );
  if (at - last < s.minIntervalMs) return 10007;
  return undefined;
}

function push(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [at]);
  else list.push(at);
}
