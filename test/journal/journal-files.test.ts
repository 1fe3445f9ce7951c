import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/errors.js";
import {
  campaignIdentity,
  createDailyCounter,
  defaultStateDir,
  fileSource,
  journalPath,
  openDedupeRegistry,
  openJournal,
  sheetSource,
  tokenFingerprint,
} from "../../src/journal/index.js";
import { identity, open, row, SENT_AT, stateDir } from "./helpers.js";

describe("state directory", () => {
  it("follows XDG: $XDG_STATE_HOME/ctdial, else ~/.local/state/ctdial; a relative XDG_STATE_HOME is ignored", () => {
    expect(defaultStateDir({ XDG_STATE_HOME: "/var/state" }, "/home/ann")).toBe("/var/state/ctdial");
    expect(defaultStateDir({}, "/home/ann")).toBe("/home/ann/.local/state/ctdial");
    expect(defaultStateDir({ XDG_STATE_HOME: "" }, "/home/ann")).toBe("/home/ann/.local/state/ctdial");
    expect(defaultStateDir({ XDG_STATE_HOME: "state" }, "/home/ann")).toBe("/home/ann/.local/state/ctdial");
  });

  it("creates private directories (0700) and files (0600) only", async () => {
    const dir = await stateDir();
    const journal = await open(dir);
    await journal.recordIntent(row(1), 1);
    const counter = await createDailyCounter({
      stateDir: dir,
      tokenFingerprint: tokenFingerprint("t"),
      timezone: "UTC",
    });
    await counter.record();
    const registry = await openDedupeRegistry({ stateDir: dir, windowMs: 86_400_000 });
    await registry.record(row(1).phoneKey, Date.now(), "clients.csv");
    const found: [string, number, boolean][] = [];
    const walk = async (path: string): Promise<void> => {
      const info = await stat(path);
      found.push([path, info.mode & 0o777, info.isDirectory()]);
      if (info.isDirectory()) for (const name of await readdir(path)) await walk(join(path, name));
    };
    await walk(dir);
    await Promise.all([counter.close(), registry.close(), journal.close()]);
    expect(found.length).toBeGreaterThanOrEqual(8);
    expect(found.some(([path]) => path.endsWith(".lock"))).toBe(true);
    for (const [path, mode, isDir] of found) expect([path, mode]).toEqual([path, isDir ? 0o700 : 0o600]);
  });
});

describe("a state directory that cannot be used", () => {
  it("says so in one sentence naming the folder, for the journal, the counter and the registry", async () => {
    const base = await stateDir();
    await mkdir(base, { recursive: true });
    const blocker = join(base, "not-a-folder");
    await writeFile(blocker, "");
    const dir = join(blocker, "state");
    const advice = "(ENOTDIR); check its permissions and free space, or choose another state directory";
    const error = await openJournal({ stateDir: dir, identity }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).params).toEqual({ dir: join(dir, "journals"), errno: "ENOTDIR" });
    expect((error as Error).message).toBe(
      `cannot use the state directory ${join(dir, "journals")} ${advice}`,
    );
    await expect(
      createDailyCounter({ stateDir: dir, tokenFingerprint: tokenFingerprint("t"), timezone: "UTC" }),
    ).rejects.toThrow(
      `cannot use the state directory ${join(dir, "daily", tokenFingerprint("t"))} ${advice}`,
    );
    await expect(openDedupeRegistry({ stateDir: dir, windowMs: 1000 })).rejects.toThrow(
      `cannot use the state directory ${join(dir, "dialed")} ${advice}`,
    );
  });
});

describe("campaign identity", () => {
  it("gives the same journal for the same source and routeKey, another for another routeKey or source", () => {
    const a = campaignIdentity({ source: "file:/data/a.csv", routeKey: "k1" });
    expect(campaignIdentity({ source: "file:/data/a.csv", routeKey: "k1" }).id).toBe(a.id);
    expect(campaignIdentity({ source: "file:/data/a.csv", routeKey: "k2" }).id).not.toBe(a.id);
    expect(campaignIdentity({ source: "file:/data/b.csv", routeKey: "k1" }).id).not.toBe(a.id);
    // No split of the characters can make two campaigns one.
    expect(campaignIdentity({ source: "x", routeKey: "yz" }).id).not.toBe(
      campaignIdentity({ source: "xy", routeKey: "z" }).id,
    );
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(journalPath("/s", a)).toBe(`/s/journals/${a.id}.jsonl`);
  });

  it("names a file by its real absolute path, and a sheet by id and tab", async () => {
    const dir = await stateDir();
    await mkdir(dir, { recursive: true });
    const file = join(dir, "clients.csv");
    await writeFile(file, "phone\n");
    const relative = fileSource(join(dir, ".", "sub", "..", "clients.csv"));
    expect(relative).toEqual(fileSource(file));
    expect(relative.name).toBe("clients.csv");
    expect(sheetSource("1AbC", 0)).toEqual({ source: "sheets:1AbC#0", name: "1AbC#gid=0" });
    // Titles are only the name: renaming the tab or the file keeps the campaign.
    expect(sheetSource("1AbC", 77, "База / Лист1").source).toBe(
      sheetSource("1AbC", 77, "Новая / Клиенты").source,
    );
  });

  it("keeps two campaigns' rows apart in two journals", async () => {
    const dir = await stateDir();
    const other = campaignIdentity({ source: identity.source, routeKey: "routekey_2" });
    const first = await open(dir);
    await first.recordIntent(row(1), 1);
    await first.recordOutcome(row(1), { status: "sent", requestId: 1, sentAt: SENT_AT, attempts: 1 });
    const second = await openJournal({ stateDir: dir, identity: other });
    expect(second.path).not.toBe(first.path);
    expect(second.priorOf(row(1).phoneKey, row(1).rowHash)).toBeUndefined();
    await second.close();
  });
});

describe("journal lock", () => {
  it("refuses a second writer of the same campaign while the first is open, and frees it on close", async () => {
    const dir = await stateDir();
    const first = await open(dir);
    const error = await openJournal({ stateDir: dir, identity }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^this campaign is being run by another ctdial \\(process ${process.pid}\\); wait for it to finish, or delete .*\\.lock if no ctdial is running$`,
      ),
    );
    // A reader (ctdial status) is never locked out.
    await expect(open(dir, { readOnly: true })).resolves.toBeDefined();
    await first.close();
    await expect(open(dir)).resolves.toBeDefined();
  });

  it("takes over the lock of a process that died", async () => {
    const dir = await stateDir();
    const journal = await open(dir);
    await journal.close();
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = await new Promise<number>((resolve) => child.on("exit", () => resolve(child.pid!)));
    await writeFile(journal.path.replace(/\.jsonl$/, ".lock"), `${deadPid}\n`);
    await expect(open(dir)).resolves.toBeDefined();
  });
});

describe("secrets", () => {
  it("never writes the token into any file or file name of the state directory", async () => {
    const token = "ct-secret-token-4f9a7c1e";
    process.env.CALLTOUCH_TOKEN = token;
    try {
      const dir = await stateDir();
      const journal = await open(dir);
      await journal.recordRun("run");
      await journal.recordIntent(row(1), 1);
      await journal.recordOutcome(row(1), { status: "sent", requestId: 1, sentAt: SENT_AT, attempts: 1 });
      await journal.recordIntent(row(2), 1);
      await journal.recordOutcome(row(2), {
        status: "failed",
        code: 403,
        message: "Invalid credentials",
        attempts: 1,
      });
      const fingerprint = tokenFingerprint(process.env.CALLTOUCH_TOKEN);
      expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
      const counter = await createDailyCounter({
        stateDir: dir,
        tokenFingerprint: fingerprint,
        timezone: "Europe/Moscow",
      });
      await counter.record();
      await counter.close();
      await journal.close();

      const everything: string[] = [];
      const walk = async (path: string): Promise<void> => {
        everything.push(path);
        if ((await stat(path)).isDirectory())
          for (const name of await readdir(path)) await walk(join(path, name));
        else everything.push(await readFile(path, "utf8"));
      };
      await walk(dir);
      expect(everything.length).toBeGreaterThan(6);
      expect(everything.join("\n")).not.toContain(token);
      expect(everything.join("\n")).toContain(fingerprint);
      // The counter refuses what looks like a raw token rather than making it a file name.
      await expect(
        createDailyCounter({ stateDir: dir, tokenFingerprint: token, timezone: "UTC" }),
      ).rejects.toThrow(TypeError);
    } finally {
      delete process.env.CALLTOUCH_TOKEN;
    }
  });
});
