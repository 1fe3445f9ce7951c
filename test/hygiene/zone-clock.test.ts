import { describe, expect, it } from "vitest";
import { instantsShowing, offsetChanges, wallClock, zoneOf } from "../../src/hygiene/zone-clock.js";

const HOUR = 3_600_000;
const berlin = zoneOf("Europe/Berlin");
const naive = (wall: string) => Date.parse(`${wall}Z`);

describe("zone clock", () => {
  it("finds every offset change in a span to the millisecond, with the offsets in force", () => {
    const { changes, offsets } = offsetChanges(
      berlin,
      Date.parse("2026-03-01T00:00:00Z"),
      Date.parse("2026-11-01T00:00:00Z"),
    );
    expect(changes.map((ms) => new Date(ms).toISOString())).toEqual([
      "2026-03-29T01:00:00.000Z",
      "2026-10-25T01:00:00.000Z",
    ]);
    expect(offsets.sort()).toEqual([HOUR, 2 * HOUR].sort());
  });

  it("finds no change in a zone without daylight saving", () => {
    const moscow = zoneOf("Europe/Moscow");
    expect(
      offsetChanges(moscow, Date.parse("2026-01-01T00:00:00Z"), Date.parse("2027-01-01T00:00:00Z")),
    ).toEqual({
      changes: [],
      offsets: [3 * HOUR],
    });
  });

  it("gives no instant for a wall clock the clocks jumped over, two for one they showed twice", () => {
    const both = [HOUR, 2 * HOUR];
    expect(instantsShowing(berlin, naive("2026-03-29T02:30:00"), both)).toEqual([]);
    expect(
      instantsShowing(berlin, naive("2026-10-25T02:30:00"), both)
        .map((ms) => new Date(ms).toISOString())
        .sort(),
    ).toEqual(["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"]);
    expect(instantsShowing(berlin, naive("2026-07-01T09:00:00"), both)).toEqual([
      Date.parse("2026-07-01T07:00:00Z"),
    ]);
  });

  it("reads the weekday and the time of day on the zone's wall clock", () => {
    // Sunday 23:30 UTC is Monday 09:30 in Vladivostok.
    expect(wallClock(zoneOf("Asia/Vladivostok"), Date.parse("2026-03-01T23:30:00Z"))).toEqual({
      weekday: 1,
      msOfDay: 9.5 * HOUR,
      naiveMidnight: naive("2026-03-02T00:00:00"),
    });
    // 1969-12-31 was a Wednesday: days before the epoch count the same way.
    expect(wallClock(zoneOf("UTC"), Date.parse("1969-12-31T12:00:00Z")).weekday).toBe(3);
  });
});
