import { appendFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { utcDay } from "../../src/journal/day-log.js";
import { openDedupeRegistry } from "../../src/journal/index.js";
import { whenDone } from "../tidy.js";
import { stateDir } from "./helpers.js";

const DAY = 86_400_000;
const PHONE = 79_991_234_567;

/** A registry closed when the test is done (as each campaign of the folder service opens its own). */
async function open(dir: string, windowMs = DAY) {
  const registry = await openDedupeRegistry({ stateDir: dir, windowMs, durable: false });
  whenDone(() => registry.close());
  return registry;
}

describe("dedupe registry: the last word before a request leaves", () => {
  it("holds a phone back while another campaign of this process has a request in flight for it", async () => {
    const dir = await stateDir();
    const [a, b] = [await open(dir), await open(dir)];
    const now = Date.now();
    const first = a.claim(PHONE, "клиенты.csv", now, DAY);
    expect(first).toHaveProperty("claim");
    // The other campaign's check, a moment later and before anything was sent or written.
    expect(b.claim(PHONE, "клиенты (2).csv", now + 5, DAY)).toEqual({
      held: { campaign: "клиенты.csv", at: now },
    });
    expect(b.claim(PHONE + 1, "клиенты (2).csv", now + 5, DAY)).toHaveProperty("claim");
  });

  it("holds it back once accepted, at once in every registry of the process (no wait for a re-read)", async () => {
    const dir = await stateDir();
    const a = await openDedupeRegistry({ stateDir: dir, windowMs: DAY, refreshMs: 3_600_000 });
    whenDone(() => a.close());
    const b = await openDedupeRegistry({ stateDir: dir, windowMs: DAY, refreshMs: 3_600_000 });
    whenDone(() => b.close());
    const now = Date.now();
    const taken = a.claim(PHONE, "a.csv", now, DAY);
    if (!("claim" in taken)) throw new Error("expected a claim");
    const written = taken.claim.accepted(now + 100);
    // Synchronously after `accepted`: no moment in which b would find neither the claim nor the record.
    expect(b.claim(PHONE, "b.csv", now + 200, DAY)).toEqual({ held: { campaign: "a.csv", at: now + 100 } });
    await written;
    expect(b.peek(PHONE, now + 200)).toEqual({ campaign: "a.csv", at: now + 100 });
  });

  it("frees the phone when the request created nothing", async () => {
    const dir = await stateDir();
    const [a, b] = [await open(dir), await open(dir)];
    const now = Date.now();
    const taken = a.claim(PHONE, "a.csv", now, DAY);
    if (!("claim" in taken)) throw new Error("expected a claim");
    taken.claim.release();
    expect(b.claim(PHONE, "b.csv", now, DAY)).toHaveProperty("claim");
  });

  it("lets a retried row through on its own claim, but not past another campaign's", async () => {
    const dir = await stateDir();
    const [a, b] = [await open(dir), await open(dir)];
    const now = Date.now();
    const taken = a.claim(PHONE, "a.csv", now, DAY);
    if (!("claim" in taken)) throw new Error("expected a claim");
    expect(a.claim(PHONE, "a.csv", now + 60_000, DAY, taken.claim)).toEqual({ claim: taken.claim });
    // Another campaign with dedupeWindow: 0 checks nothing, but its request is in flight all the same.
    const careless = b.claim(PHONE, "b.csv", now + 1, undefined);
    expect(careless).toHaveProperty("claim");
    expect(a.claim(PHONE, "a.csv", now + 60_000, DAY, taken.claim)).toEqual({
      held: { campaign: "b.csv", at: now + 1 },
    });
  });

  it("sees another process's acceptance after a refresh, however recently it last read", async () => {
    const dir = await stateDir();
    const registry = await openDedupeRegistry({ stateDir: dir, windowMs: DAY, refreshMs: 3_600_000 });
    whenDone(() => registry.close());
    const now = Date.now();
    // What the other process (the sender before this one) wrote to the file.
    await mkdir(join(dir, "dialed"), { recursive: true });
    await appendFile(
      join(dir, "dialed", `${utcDay(now)}.log`),
      `${JSON.stringify({ p: PHONE, at: now - 1000, c: "other.csv" })}\n`,
    );
    // Its last read was at open, before that line: without a refresh the check cannot know it.
    expect(registry.peek(PHONE, now)).toBeUndefined();
    await registry.refresh(now);
    expect(registry.claim(PHONE, "mine.csv", now, DAY)).toEqual({
      held: { campaign: "other.csv", at: now - 1000 },
    });
  });

  it("keeps nothing of a closed registry's claims", async () => {
    const dir = await stateDir();
    const a = await openDedupeRegistry({ stateDir: dir, windowMs: DAY });
    const b = await open(dir);
    const now = Date.now();
    expect(a.claim(PHONE, "a.csv", now, DAY)).toHaveProperty("claim");
    await a.close();
    expect(b.claim(PHONE, "b.csv", now, DAY)).toHaveProperty("claim");
  });
});
