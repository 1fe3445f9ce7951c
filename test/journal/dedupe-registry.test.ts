import { existsSync } from "node:fs";
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { utcDay } from "../../src/journal/day-log.js";
import { openDedupeRegistry } from "../../src/journal/index.js";
import { stateDir } from "./helpers.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PHONE = 79_991_234_567;

describe("dedupe registry", () => {
  it("finds a phone accepted within the window, by any campaign, and not one accepted before it", async () => {
    const registry = await openDedupeRegistry({ stateDir: await stateDir(), windowMs: DAY });
    const now = Date.now();
    await registry.record(PHONE, now - 2 * HOUR, "spring.csv");
    expect(await registry.lookup(PHONE, now)).toEqual({ campaign: "spring.csv", at: now - 2 * HOUR });
    expect(await registry.lookup(PHONE, now, HOUR)).toBeUndefined();
    expect(await registry.lookup(PHONE, now - 2 * HOUR + DAY)).toBeUndefined();
    expect(await registry.lookup(PHONE + 1, now)).toBeUndefined();
    await expect(registry.lookup(PHONE, now, 2 * DAY)).rejects.toThrow(RangeError);
    await registry.close();
  });

  it("keeps the latest acceptance of a phone", async () => {
    const registry = await openDedupeRegistry({ stateDir: await stateDir(), windowMs: DAY });
    const now = Date.now();
    await registry.record(PHONE, now - HOUR, "later.csv");
    await registry.record(PHONE, now - 3 * HOUR, "earlier.csv");
    expect(await registry.lookup(PHONE, now)).toEqual({ campaign: "later.csv", at: now - HOUR });
    await registry.close();
  });

  it("sees what another process recorded, and what was recorded before a restart", async () => {
    const dir = await stateDir();
    const a = await openDedupeRegistry({ stateDir: dir, windowMs: DAY, refreshMs: 0 });
    const b = await openDedupeRegistry({ stateDir: dir, windowMs: DAY, refreshMs: 0 });
    const now = Date.now();
    await a.record(PHONE, now, "a.csv");
    expect(await b.lookup(PHONE, now)).toEqual({ campaign: "a.csv", at: now });
    await Promise.all([a.close(), b.close()]);
    const restarted = await openDedupeRegistry({ stateDir: dir, windowMs: DAY });
    expect(await restarted.lookup(PHONE, now)).toEqual({ campaign: "a.csv", at: now });
    await restarted.close();
  });

  it("skips a line torn by a crashed writer and reads the lines around it", async () => {
    const dir = await stateDir();
    const now = Date.now();
    const file = join(dir, "dialed", `${utcDay(now)}.log`);
    await mkdir(join(dir, "dialed"), { recursive: true });
    await writeFile(file, `${JSON.stringify({ p: PHONE, at: now, c: "x.csv" })}\n{"p":7999\n`);
    await appendFile(file, `${JSON.stringify({ p: PHONE + 1, at: now, c: "y.csv" })}\n`);
    const registry = await openDedupeRegistry({ stateDir: dir, windowMs: DAY });
    expect(await registry.lookup(PHONE, now)).toMatchObject({ campaign: "x.csv" });
    expect(await registry.lookup(PHONE + 1, now)).toMatchObject({ campaign: "y.csv" });
    await registry.close();
  });

  it("deletes entries older than the retention on open", async () => {
    const dir = await stateDir();
    const old = join(dir, "dialed", "2001-01-01.log");
    await mkdir(join(dir, "dialed"), { recursive: true });
    await writeFile(old, `${JSON.stringify({ p: PHONE, at: Date.UTC(2001, 0, 1), c: "old.csv" })}\n`);
    const registry = await openDedupeRegistry({ stateDir: dir, windowMs: DAY });
    expect(existsSync(old)).toBe(false);
    await registry.close();
  });

  it("never deletes what a campaign with a longer window still needs, whichever campaign opens it", async () => {
    const dir = await stateDir();
    const now = Date.now();
    const sixtyDays = await openDedupeRegistry({ stateDir: dir, windowMs: 60 * DAY });
    await sixtyDays.record(PHONE, now - 45 * DAY, "quarterly.csv");
    await sixtyDays.close();
    // A campaign with a 24-hour window opens the shared registry: past the default 30 days, but
    // within the other campaign's window, the 45-day-old call stays.
    const daily = await openDedupeRegistry({ stateDir: dir, windowMs: DAY });
    await daily.close();
    expect(existsSync(join(dir, "dialed", `${utcDay(now - 45 * DAY)}.log`))).toBe(true);
    const again = await openDedupeRegistry({ stateDir: dir, windowMs: 60 * DAY });
    expect(await again.lookup(PHONE, now)).toEqual({ campaign: "quarterly.csv", at: now - 45 * DAY });
    await again.close();
    // Older than every window that was ever used: gone.
    await writeFile(join(dir, "dialed", `${utcDay(now - 90 * DAY)}.log`), "");
    await (await openDedupeRegistry({ stateDir: dir, windowMs: DAY })).close();
    expect(existsSync(join(dir, "dialed", `${utcDay(now - 90 * DAY)}.log`))).toBe(false);
  });
});
