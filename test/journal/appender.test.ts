import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DurableAppender } from "../../src/journal/appender.js";
import { stateDir } from "./helpers.js";

describe("DurableAppender", () => {
  it("shares one fdatasync among appends made together (group commit), keeping every line in order", async () => {
    const dir = await stateDir();
    await mkdir(dir, { recursive: true });
    const path = join(dir, "log");
    const appender = await DurableAppender.open(path);
    await Promise.all(Array.from({ length: 50 }, (_, i) => appender.append(`line ${i}`)));
    expect(appender.syncs).toBeGreaterThanOrEqual(1);
    expect(appender.syncs).toBeLessThan(5);
    await appender.append("last");
    await appender.close();
    const expected = [...Array.from({ length: 50 }, (_, i) => `line ${i}`), "last", ""].join("\n");
    expect(await readFile(path, "utf8")).toBe(expected);
  });

  it("starts on a new line when the file ends in an unfinished one", async () => {
    const dir = await stateDir();
    await mkdir(dir, { recursive: true });
    const path = join(dir, "log");
    await writeFile(path, "whole\nhalf");
    const appender = await DurableAppender.open(path);
    await appender.append("next");
    await appender.close();
    expect(await readFile(path, "utf8")).toBe("whole\nhalf\nnext\n");
  });

  it("rejects the failed append and every one after it when the disk refuses a write", async () => {
    const appender = await DurableAppender.open("/dev/full");
    const first = appender.append("a");
    await expect(first).rejects.toMatchObject({ code: "ENOSPC" });
    await expect(appender.append("b")).rejects.toMatchObject({ code: "ENOSPC" });
    await appender.close();
    await expect(appender.append("c")).rejects.toThrow(/after close/);
  });
});
