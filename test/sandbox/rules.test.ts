import { describe, expect, it } from "vitest";
import type { CallbackRequest } from "../../src/calltouch/types.js";
import { DEFAULT_SETTINGS, type SandboxSettings } from "../../src/sandbox/options.js";
import { checkRules, isCallablePhone, Ledger } from "../../src/sandbox/rules.js";

const T0 = Date.parse("2026-03-02T10:00:00Z");
const HOUR = 3_600_000;
const body = (over: Partial<CallbackRequest> = {}): CallbackRequest => ({
  routeKey: "routekey_1",
  phone: "79992223344",
  ...over,
});
const settings = (over: Partial<SandboxSettings> = {}): SandboxSettings => ({ ...DEFAULT_SETTINGS, ...over });

describe("isCallablePhone", () => {
  it.each(["79992223344", "74951234567", "78121234567", "73812123456", "79001234567"])(
    "%s is callable",
    (p) => {
      expect(isCallablePhone(p)).toBe(true);
    },
  );
  it.each([
    "78001234567",
    "78041234567",
    "77012345678",
    "76001234567",
    "7999222334",
    "89992223344",
    "7999222334x",
  ])("%s is refused", (p) => {
    expect(isCallablePhone(p)).toBe(false);
  });
});

describe("checkRules", () => {
  it("accepts by default", () => {
    expect(checkRules(body(), settings(), new Ledger(1), T0)).toBeUndefined();
  });

  it("checks the phone (10013) before the routeKey (10003)", () => {
    const s = settings({ disabledRouteKeys: ["routekey_1"] });
    expect(checkRules(body({ phone: "78001234567" }), s, new Ledger(1), T0)).toBe(10013);
    expect(checkRules(body(), s, new Ledger(1), T0)).toBe(10003);
  });

  it("refuses routeKeys outside an explicit list (10003)", () => {
    const s = settings({ routeKeys: ["routekey_1"] });
    expect(checkRules(body(), s, new Ledger(1), T0)).toBeUndefined();
    expect(checkRules(body({ routeKey: "other" }), s, new Ledger(1), T0)).toBe(10003);
  });

  it("service off (10002) and an empty balance (10001)", () => {
    expect(checkRules(body(), settings({ serviceEnabled: false }), new Ledger(1), T0)).toBe(10002);
    const ledger = new Ledger(1);
    const s = settings({ minutes: 1 });
    expect(checkRules(body(), s, ledger, T0)).toBeUndefined();
    ledger.accept(body(), T0);
    expect(checkRules(body({ phone: "79990000000" }), s, ledger, T0)).toBe(10001);
    expect(checkRules(body({ phone: "79990000000" }), settings({ minutes: 0 }), new Ledger(1), T0)).toBe(
      10001,
    );
  });

  it("unknown sessions (10004): non-digits by default, or outside an explicit list", () => {
    expect(checkRules(body({ sessionId: "abc" }), settings(), new Ledger(1), T0)).toBe(10004);
    expect(checkRules(body({ sessionId: "123" }), settings(), new Ledger(1), T0)).toBeUndefined();
    expect(checkRules(body({ sessionId: "123" }), settings({ sessions: ["456"] }), new Ledger(1), T0)).toBe(
      10004,
    );
  });

  it("per-session limit (10005) counts accepted requests of the session, whatever the phone", () => {
    const ledger = new Ledger(1);
    const s = settings({ sessionLimit: 2, minIntervalMs: 0 });
    ledger.accept(body({ sessionId: "1", phone: "79990000001" }), T0);
    ledger.accept(body({ sessionId: "1", phone: "79990000002" }), T0);
    expect(checkRules(body({ sessionId: "1", phone: "79990000003" }), s, ledger, T0)).toBe(10005);
    expect(checkRules(body({ sessionId: "2", phone: "79990000003" }), s, ledger, T0)).toBeUndefined();
  });

  it("per-phone limit (10006) applies without a sessionId, over any 24 hours", () => {
    const ledger = new Ledger(1);
    const s = settings({ phoneDailyLimit: 2, minIntervalMs: 0 });
    ledger.accept(body(), T0);
    ledger.accept(body(), T0 + HOUR);
    expect(checkRules(body(), s, ledger, T0 + 2 * HOUR)).toBe(10006);
    expect(checkRules(body({ sessionId: "9" }), s, ledger, T0 + 2 * HOUR)).toBeUndefined();
    expect(checkRules(body(), s, ledger, T0 + 24 * HOUR)).toBeUndefined();
  });

  it("minimum interval per phone or session (10007)", () => {
    const ledger = new Ledger(1);
    const s = settings({ minIntervalMs: 60_000 });
    ledger.accept(body({ sessionId: "5" }), T0);
    expect(checkRules(body(), s, ledger, T0 + 59_999)).toBe(10007);
    expect(checkRules(body({ phone: "79990000000", sessionId: "5" }), s, ledger, T0 + 1000)).toBe(10007);
    expect(checkRules(body(), s, ledger, T0 + 60_000)).toBeUndefined();
  });

  it("hands out incrementing request ids", () => {
    const ledger = new Ledger(100);
    expect([ledger.accept(body(), T0), ledger.accept(body(), T0)]).toEqual([100, 101]);
    expect(ledger.minutesUsed).toBe(2);
  });
});

describe("the sandbox's ledger stays small when left running", () => {
  it("keeps a day of requests per phone and forgets phones not seen for a day", () => {
    const ledger = new Ledger(1);
    const HOUR = 3600_000;
    // 12,000 phones in the first hour: all held while the day lasts.
    for (let i = 0; i < 12_000; i++)
      ledger.accept(body({ phone: `7916${String(i).padStart(7, "0")}` }), T0 + i);
    expect(ledger.phonesHeld).toBe(12_000);
    // One phone called every hour for three days keeps only its last day.
    for (let h = 0; h < 72; h++) ledger.accept(body({ phone: "79990000001" }), T0 + h * HOUR);
    expect(ledger.phoneTimes("79990000001").length).toBeLessThanOrEqual(25);
    // A day later, another 10,000 requests sweep away the phones not seen since.
    for (let i = 0; i < 10_000; i++)
      ledger.accept(body({ phone: `7926${String(i).padStart(7, "0")}` }), T0 + 26 * HOUR + i);
    expect(ledger.phonesHeld).toBeLessThanOrEqual(10_002);
    expect(ledger.phoneTimes("79160000001")).toEqual([]);
    // Limits still see the last day: the hourly phone has 24 requests in the last 24 hours.
    expect(checkRules(body({ phone: "79990000001" }), settings(), ledger, T0 + 72 * HOUR)).toBe(10006);
  });
});
