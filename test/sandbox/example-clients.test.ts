import iconv from "iconv-lite";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { parseScheduleTime } from "../../src/mapping/schedule.js";
import { exampleClientRows, exampleClientsCsv } from "../../src/sandbox/example-clients.js";

const ZONE = { timezone: "Europe/Moscow", calltouchTimezone: "Europe/Moscow" };

// Clocks spread over years and at the edges of a day in Moscow: the example must hold at each.
const CLOCKS = [
  "2026-12-06T02:13:00Z",
  "2027-12-31T20:59:59Z", // 23:59:59 in Moscow on New Year's Eve
  "2029-02-28T21:00:00Z", // midnight in Moscow
  "2031-07-15T12:00:00Z",
].map((iso) => fixedClock(Date.parse(iso)));

describe("the bundled example client base", () => {
  it("never holds a call time that has passed, whatever the date", () => {
    for (const clock of CLOCKS) {
      const now = clock.now();
      const times = exampleClientRows(now)
        .slice(1)
        .map((cells) => cells[5] ?? "")
        .filter((cell) => cell !== "");
      expect(times).toHaveLength(10);
      let impossible = 0;
      for (const cell of times) {
        const result = parseScheduleTime(cell, { ...ZONE, now });
        if (!result.ok) {
          impossible++;
          expect(cell).toMatch(/^31\.02\./);
          continue;
        }
        expect(result.past, `${cell} at ${new Date(now).toISOString()}`).toBeUndefined();
        // At least a few hours ahead, so a slow run never sees it pass.
        const at = DateTime.fromFormat(cell, "dd.MM.yyyy HH:mm", { zone: "Europe/Moscow" }).toMillis();
        expect(at - now).toBeGreaterThan(8 * 3600_000);
      }
      expect(impossible).toBe(1);
    }
  });

  it("is the same bytes for the same clock, and its dates move with the clock", () => {
    const [a, b] = CLOCKS;
    expect(exampleClientsCsv(a!.now()).equals(exampleClientsCsv(a!.now()))).toBe(true);
    expect(exampleClientsCsv(a!.now()).equals(exampleClientsCsv(b!.now()))).toBe(false);
  });

  it("is what Excel saves: a BOM, ';', CRLF and 37 clients; or Windows-1251 without a BOM", () => {
    const now = CLOCKS[0]!.now();
    const utf8 = exampleClientsCsv(now);
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = utf8.toString("utf8").slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(39);
    expect(lines[0]).toBe("Телефон;ФИО;Город;Комментарий;Теги;Время звонка");
    expect(lines[1]).toBe(
      '+7 (952) 601-81-59;Иванов Иван;Санкт-Петербург;"Оставил заявку на сайте; ждёт звонка";;',
    );
    const cp1251 = exampleClientsCsv(now, "windows-1251");
    expect(cp1251[0]).not.toBe(0xef);
    expect(iconv.decode(cp1251, "win1251")).toBe(utf8.toString("utf8").slice(1));
  });
});
