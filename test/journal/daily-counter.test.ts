import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { createDailyCounter, tokenFingerprint } from "../../src/journal/index.js";
import { stateDir } from "./helpers.js";

const fingerprint = tokenFingerprint("token-a");

describe("daily limit counter", () => {
  it("counts accepted requests of the current calendar day in the campaign's timezone", async () => {
    const dir = await stateDir();
    const zone = "Asia/Vladivostok";
    const counter = await createDailyCounter({
      stateDir: dir,
      tokenFingerprint: fingerprint,
      timezone: zone,
    });
    const now = Date.now();
    const midnight = DateTime.fromMillis(now, { zone }).startOf("day").toMillis();
    await counter.record(midnight - 1); // yesterday in Vladivostok
    await counter.record(midnight);
    await counter.record(now);
    expect(await counter.used(now)).toBe(2);
    expect(await counter.used(midnight - 1)).toBe(1);
    // Another zone draws the day boundary elsewhere over the same records.
    const utc = await createDailyCounter({ stateDir: dir, tokenFingerprint: fingerprint, timezone: "UTC" });
    const utcMidnight = DateTime.fromMillis(now, { zone: "UTC" }).startOf("day").toMillis();
    const expected = [midnight - 1, midnight, now].filter((t) => t >= utcMidnight).length;
    expect(await utc.used(now)).toBe(expected);
    await Promise.all([counter.close(), utc.close()]);
  });

  it("survives a restart and adds up what two processes record at once", async () => {
    const dir = await stateDir();
    const options = { stateDir: dir, tokenFingerprint: fingerprint, timezone: "Europe/Moscow" };
    const a = await createDailyCounter(options);
    const b = await createDailyCounter(options);
    await Promise.all([a.record(), b.record(), a.record(), b.record(), b.record()]);
    expect(await a.used()).toBe(5);
    expect(await b.used()).toBe(5);
    await Promise.all([a.close(), b.close()]);
    const restarted = await createDailyCounter(options);
    expect(await restarted.used()).toBe(5);
    // Another token has a budget of its own.
    const other = await createDailyCounter({ ...options, tokenFingerprint: tokenFingerprint("token-b") });
    expect(await other.used()).toBe(0);
    await Promise.all([restarted.close(), other.close()]);
  });

  it("deletes days long past on open", async () => {
    const dir = await stateDir();
    const old = join(dir, "daily", fingerprint, "2001-01-01.log");
    await mkdir(join(dir, "daily", fingerprint), { recursive: true });
    await writeFile(old, "978307200000\n");
    const counter = await createDailyCounter({
      stateDir: dir,
      tokenFingerprint: fingerprint,
      timezone: "UTC",
    });
    expect(existsSync(old)).toBe(false);
    await counter.close();
  });

  it("refuses a timezone that does not exist", async () => {
    const options = { stateDir: await stateDir(), tokenFingerprint: fingerprint, timezone: "Europe/Mosco" };
    const error = await createDailyCounter(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      message: 'timezone "Europe/Mosco" is not an IANA time zone such as "Europe/Moscow"',
      params: { timezone: "Europe/Mosco" },
    });
  });
});
