import { describe, expect, it } from "vitest";
import { type EligibilityInput, eligibility, type PassMode } from "../../src/engine/eligibility.js";
import type { PriorState } from "../../src/journal/index.js";
import type { RowStatus } from "../../src/outcome.js";
import { english } from "../english.js";

const SENT: PriorState = {
  status: "sent",
  requestId: 77,
  sentAt: "2026-11-25T10:00:00+03:00",
  attempts: 1,
  rowNumber: 2,
};
const UNKNOWN: PriorState = {
  status: "unknown",
  message: "socket hang up",
  attempts: 1,
  rowNumber: 2,
  noAnswer: false,
};
const FAILED: PriorState = {
  status: "failed",
  code: 10006,
  message: "Превышен лимит",
  attempts: 1,
  rowNumber: 2,
};
const PENDING: PriorState = { status: "pending", attempts: 1, rowNumber: 2 };

/** What each mode does with each prior state: "send", or the status the report shows. */
const TABLE: [string, PriorState | undefined, Record<PassMode, RowStatus | "send">][] = [
  ["never tried", undefined, { run: "send", retry: "pending", report: "pending", "dry-run": "would-send" }],
  [
    "left pending by a stop",
    PENDING,
    { run: "send", retry: "pending", report: "pending", "dry-run": "would-send" },
  ],
  ["sent", SENT, { run: "sent", retry: "sent", report: "sent", "dry-run": "sent" }],
  ["unknown", UNKNOWN, { run: "unknown", retry: "unknown", report: "unknown", "dry-run": "unknown" }],
  ["failed", FAILED, { run: "failed", retry: "send", report: "failed", "dry-run": "failed" }],
];

function verdict(input: EligibilityInput): RowStatus | "send" {
  const decision = eligibility(input);
  return decision.send ? "send" : decision.outcome.status;
}

describe("eligibility: what happens to a sendable row", () => {
  for (const [name, prior, expected] of TABLE) {
    for (const mode of Object.keys(expected) as PassMode[]) {
      it(`${name}, ${mode} -> ${expected[mode]}`, () => {
        expect(verdict({ mode, prior })).toBe(expected[mode]);
      });
    }
  }

  it("resends unknown rows only in retry with --include-unknown", () => {
    expect(verdict({ mode: "retry", prior: UNKNOWN, includeUnknown: true })).toBe("send");
    expect(verdict({ mode: "run", prior: UNKNOWN, includeUnknown: true })).toBe("unknown");
  });

  it("keeps history first: a sent phone on the exclude list is still reported sent", () => {
    expect(english(eligibility({ mode: "report", prior: SENT, excludedBy: "dnc.csv" }))).toEqual({
      send: false,
      outcome: { status: "sent", requestId: 77, sentAt: "2026-11-25T10:00:00+03:00", attempts: 1 },
    });
  });

  it("never sends an excluded phone, whatever the mode", () => {
    for (const mode of ["run", "retry", "report", "dry-run"] as const) {
      expect(
        english(eligibility({ mode, prior: mode === "retry" ? FAILED : undefined, excludedBy: "dnc.csv" })),
      ).toEqual({
        send: false,
        outcome: { status: "skipped", reason: "excluded by dnc.csv", because: "excluded" },
      });
    }
  });

  it("skips a phone another campaign dialed within the dedupe window, naming it", () => {
    expect(
      english(
        eligibility({
          mode: "run",
          prior: undefined,
          dialedRecently: { campaign: "march.csv", at: "2026-11-25T09:00:00+03:00", window: "24h" },
        }),
      ),
    ).toEqual({
      send: false,
      outcome: {
        status: "skipped",
        reason: "dialed by campaign march.csv at 2026-11-25T09:00:00+03:00 (within dedupeWindow 24h)",
        because: "dialed-recently",
      },
    });
  });

  it("carries the attempts of earlier runs, so a row's attempts add up across run and retry", () => {
    expect(english(eligibility({ mode: "retry", prior: FAILED }))).toEqual({ send: true, priorAttempts: 1 });
    expect(english(eligibility({ mode: "run", prior: PENDING }))).toEqual({ send: true, priorAttempts: 1 });
    expect(english(eligibility({ mode: "run", prior: undefined }))).toEqual({ send: true, priorAttempts: 0 });
  });

  it("keeps Calltouch's code and message for a failed row", () => {
    expect(english(eligibility({ mode: "run", prior: FAILED }))).toEqual({
      send: false,
      outcome: { status: "failed", code: 10006, message: "Превышен лимит", attempts: 1 },
    });
  });
});
