import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moveGroup, moveToFailed, stemOf, timestamp } from "../../src/watch/move-files.js";
import { tempDir } from "../tidy.js";

function folder(...names: string[]): string {
  const dir = tempDir("ctdial-move-");
  for (const name of names) writeFileSync(join(dir, name), name);
  return dir;
}

const AT = new Date("2026-11-30T15:45:13.250Z");

describe("moving finished files", () => {
  it("names the group after the source's stem", () => {
    expect(stemOf("clients.csv")).toBe("clients");
    expect(stemOf("Клиенты.май.xlsx")).toBe("Клиенты.май");
    expect(timestamp(AT)).toBe("2026-11-30T15-45-13");
  });

  it("moves the source, its report and its sidecar to done/ under their own names", async () => {
    const dir = folder("clients.csv", "clients.report.csv", "clients.campaign.yaml", "other.csv");
    const result = await moveGroup(dir, "done", "clients", [
      "clients.csv",
      "clients.report.csv",
      "clients.campaign.yaml",
    ]);
    expect(result.left).toEqual([]);
    expect(readdirSync(join(dir, "done")).sort()).toEqual([
      "clients.campaign.yaml",
      "clients.csv",
      "clients.report.csv",
    ]);
    expect(readdirSync(dir).sort()).toEqual(["done", "other.csv"]);
  });

  it("timestamps the whole group when one of them would replace a file in done/", async () => {
    const dir = folder("clients.csv", "clients.report.csv");
    mkdirSync(join(dir, "done"));
    writeFileSync(join(dir, "done", "clients.report.csv"), "last week's");
    await moveGroup(dir, "done", "clients", ["clients.csv", "clients.report.csv"], AT);
    expect(readdirSync(join(dir, "done")).sort()).toEqual([
      "clients.2026-11-30T15-45-13.csv",
      "clients.2026-11-30T15-45-13.report.csv",
      "clients.report.csv",
    ]);
    expect(readFileSync(join(dir, "done", "clients.report.csv"), "utf8")).toBe("last week's");
  });

  it("adds a counter when the timestamped names are taken too (dropped twice within a second)", async () => {
    const dir = folder("clients.csv");
    mkdirSync(join(dir, "done"));
    writeFileSync(join(dir, "done", "clients.csv"), "1");
    writeFileSync(join(dir, "done", "clients.2026-11-30T15-45-13.csv"), "2");
    await moveGroup(dir, "done", "clients", ["clients.csv"], AT);
    expect(existsSync(join(dir, "done", "clients.2026-11-30T15-45-13-2.csv"))).toBe(true);
  });

  it("skips members that are not there", async () => {
    const dir = folder("clients.csv");
    const result = await moveGroup(dir, "done", "clients", ["clients.csv", "clients.report.csv"]);
    expect([...result.moved.keys()]).toEqual(["clients.csv"]);
  });

  it("puts a failed file in failed/ with its note, timestamped when an older note is there", async () => {
    const dir = folder("clients.csv", "clients.campaign.yaml");
    const first = await moveToFailed(
      dir,
      "failed",
      "clients.csv",
      ["clients.campaign.yaml"],
      "No phone column.",
      AT,
    );
    expect(first.note).toBe("clients.error.txt");
    expect(readFileSync(join(dir, "failed", "clients.error.txt"), "utf8")).toBe("No phone column.\n");
    writeFileSync(join(dir, "clients.csv"), "again");
    const second = await moveToFailed(dir, "failed", "clients.csv", [], "Still no phone column.", AT);
    expect(second.note).toBe("clients.2026-11-30T15-45-13.error.txt");
    expect(readdirSync(join(dir, "failed")).sort()).toEqual([
      "clients.2026-11-30T15-45-13.csv",
      "clients.2026-11-30T15-45-13.error.txt",
      "clients.campaign.yaml",
      "clients.csv",
      "clients.error.txt",
    ]);
  });
});
