import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import type { RunSummary } from "../../src/engine/summary.js";
import { emptySummary } from "../../src/engine/summary.js";
import { ReadinessTracker } from "../../src/watch/file-ready.js";
import { finishJob } from "../../src/watch/finish-job.js";
import type { FolderContext } from "../../src/watch/folder-context.js";
import type { FolderEvent } from "../../src/watch/folder-events.js";
import { FolderLang } from "../../src/watch/folder-lang.js";
import { type FoundFile, scanFolder } from "../../src/watch/folder-scan.js";
import { type Job, JobQueue } from "../../src/watch/job-queue.js";
import { OnceTally } from "../../src/watch/once-tally.js";
import { Pause } from "../../src/watch/pause.js";
import { tempDir } from "../tidy.js";

const found = (name: string, ino: number, size = 100, mtimeMs = 1): FoundFile => ({
  name,
  path: `/x/${name}`,
  size,
  mtimeMs,
  dev: 1,
  ino,
});

function runningJob(queue: JobQueue, file: FoundFile): Job {
  const job: Job = { ...file, phase: "running" };
  queue.jobs.set(file.name, job);
  queue.running.set(file.name, Promise.resolve());
  return job;
}

describe("a running file the folder no longer holds as it was read", () => {
  it("is gone (renamed: with its new name), or changed; each told once", () => {
    const queue = new JobQueue();
    const a = runningJob(queue, found("a.csv", 11));
    const b = runningJob(queue, found("b.csv", 12));
    const c = runningJob(queue, found("c.csv", 13));
    runningJob(queue, found("d.csv", 14));
    const scan = {
      files: [found("a-renamed.csv", 11), found("c.csv", 13, 140, 2), found("d.csv", 14)],
      passedOver: [],
    };
    expect(queue.changesToRunning(scan)).toEqual([
      { job: a, why: "left", renamedTo: "a-renamed.csv" },
      { job: b, why: "left" },
      { job: c, why: "changed" },
    ]);
    for (const job of [a, b, c]) job.stopping = job === c ? "changed" : "left";
    expect(queue.changesToRunning(scan)).toEqual([]);
  });

  it("a file saved through a temporary file (another inode, same size and time) is changed", () => {
    const queue = new JobQueue();
    const a = runningJob(queue, found("a.csv", 11));
    expect(queue.changesToRunning({ files: [found("a.csv", 99)], passedOver: [] })).toEqual([
      { job: a, why: "changed" },
    ]);
  });

  it("nothing starts while a file that left still has requests in flight; it is known again renamed", () => {
    const queue = new JobQueue();
    const a = runningJob(queue, found("a.csv", 11));
    queue.jobs.set("b.csv", { ...found("b.csv", 12), phase: "queued" });
    a.stopping = "left";
    expect(queue.picks(0, 4, undefined)).toEqual([]);
    queue.jobs.delete("a.csv");
    queue.running.delete("a.csv");
    queue.rememberLeft(a);
    expect(queue.picks(0, 4, undefined).map((job) => job.name)).toEqual(["b.csv"]);
    const renamed: Job = { ...found("a-renamed.csv", 11), phase: "queued" };
    expect(queue.cameBackAs(renamed)).toBe("a.csv");
    expect(queue.cameBackAs(renamed)).toBeUndefined();
  });

  it("a copy of a file that left (another inode, the same bytes) is known by its content", () => {
    const queue = new JobQueue();
    queue.rememberLeft({ ...found("a.csv", 11), content: "abc", phase: "running" });
    expect(queue.cameBackAs({ ...found("other.csv", 50), content: "xyz", phase: "queued" })).toBeUndefined();
    expect(queue.cameBackAs({ ...found("a copy.csv", 51), content: "abc", phase: "queued" })).toBe("a.csv");
  });

  it("a waiting file that had run and leaves the folder is remembered too; one that never ran is not", () => {
    const queue = new JobQueue();
    queue.jobs.set("a.csv", { ...found("a.csv", 11), content: "abc", phase: "waiting" });
    queue.jobs.set("b.csv", { ...found("b.csv", 12), phase: "queued" });
    expect(queue.dropGone(new Set())).toEqual(["a.csv", "b.csv"]);
    expect(queue.cameBackAs({ ...found("a2.csv", 11), phase: "queued" })).toBe("a.csv");
    expect(queue.cameBackAs({ ...found("b2.csv", 12), phase: "queued" })).toBeUndefined();
  });

  it("a finished file whose move waited and that changed meanwhile is taken in again, not moved", async () => {
    const queue = new JobQueue();
    let moves = 0;
    queue.jobs.set("a.csv", {
      ...found("a.csv", 11),
      phase: "leaving",
      leave: async () => {
        moves++;
        return false;
      },
    });
    const changed: string[] = [];
    const tracker = new ReadinessTracker(1000, () => 0);
    await queue.take(
      { files: [found("a.csv", 11)], passedOver: [] },
      tracker,
      () => true,
      (n) => changed.push(n),
    );
    expect(moves).toBe(1);
    await queue.take(
      { files: [found("a.csv", 11, 150, 2)], passedOver: [] },
      tracker,
      () => true,
      (n) => changed.push(n),
    );
    expect(moves).toBe(1);
    expect(changed).toEqual(["a.csv"]);
    expect(queue.jobs.has("a.csv")).toBe(false);
  });
});

describe("a file counts as done only if it is still what was read", () => {
  function folder(): { f: FolderContext; events: FolderEvent[] } {
    const dir = tempDir();
    const events: FolderEvent[] = [];
    const clock = fixedClock(Date.UTC(2026, 11, 1, 12));
    const f: FolderContext = {
      dir,
      once: false,
      clock,
      emit: (event) => events.push(event),
      words: { status: () => "", errorNote: () => "", exitCodeOf: () => 0 },
      lang: new FolderLang(dir, "en"),
      queue: new JobQueue(),
      pause: new Pause(15_000, clock),
      tally: new OnceTally(),
      told: new Map(),
      recent: [],
    };
    return { f, events };
  }
  const done = (report: string): { kind: "done"; summary: RunSummary; resolved: never; sentNow: number } => ({
    kind: "done",
    summary: { ...emptySummary(report, false), total: 1, sent: 1 },
    resolved: undefined as never,
    sentNow: 1,
  });

  it("a file saved again after it was read is not moved to done/: it is run again, and the log says so", async () => {
    const { f, events } = folder();
    writeFileSync(join(f.dir, "a.csv"), "Телефон\r\n79160000001\r\n");
    const [read] = (await scanFolder(f.dir)).files;
    if (read === undefined) throw new Error("no file");
    const job: Job = { ...read, phase: "running" };
    f.queue.jobs.set(job.name, job);
    writeFileSync(join(f.dir, "a.csv"), "Телефон\r\n79160000001\r\n79160000002\r\n");
    await finishJob(f, job, done(join(f.dir, "a.report.csv")));
    expect(events).toEqual([{ kind: "file-changed", file: "a.csv", running: false }]);
    expect(f.queue.jobs.has("a.csv")).toBe(false);
    expect((await scanFolder(f.dir)).files.map((x) => x.name)).toEqual(["a.csv"]);
  });

  it("a file that left mid-run: told what it sent, its report to done/, remembered for a rename", async () => {
    const { f, events } = folder();
    writeFileSync(join(f.dir, "b.report.csv"), "report");
    const job: Job = {
      ...found("b.csv", 77),
      path: join(f.dir, "b.csv"),
      phase: "running",
      stopping: "left",
    };
    f.queue.jobs.set(job.name, job);
    const summary = { ...emptySummary(join(f.dir, "b.report.csv"), false), total: 10, sent: 4, pending: 6 };
    await finishJob(f, job, { kind: "interrupted", summary });
    expect(events).toEqual([{ kind: "file-left-stopped", file: "b.csv", sent: 4, notSent: 6 }]);
    expect((await scanFolder(f.dir)).passedOver.map((p) => p.name)).toEqual(["done"]);
    expect(f.queue.cameBackAs({ ...found("b2.csv", 77), phase: "queued" })).toBe("b.csv");
  });
});
