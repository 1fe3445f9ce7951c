import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { ERROR_NOTE_SUFFIX } from "./ignore-rules.js";

/**
 * Finished files leave the folder for `done/` or `failed/`. A source moves together with what belongs
 * to it (its report, its sidecar campaign file, its error note), all named after one stem: when any of
 * them would replace a file already there (the same list dropped again next week), every one of them
 * gets the same timestamp after the stem, so they still sort and read as one group.
 */
export interface MoveResult {
  /** Where each file went, by its name in the folder. */
  readonly moved: ReadonlyMap<string, string>;
  /** Files that could not be moved now (open in another program on Windows): try again later. */
  readonly left: readonly { name: string; error: NodeJS.ErrnoException }[];
}

/** `clients.csv` -> `clients`: what sidecars, reports and notes are named after. */
export function stemOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/** `2026-11-30T15-45-13`: sortable, and legal in file names on every system. */
export function timestamp(at: Date): string {
  return at.toISOString().slice(0, 19).replaceAll(":", "-");
}

/**
 * The names the group takes in `target`: unchanged when none clashes, else stem.<timestamp>.rest
 * (with -2, -3, ... should that clash too, as when one list is dropped twice within a second).
 */
export function namesInTarget(target: string, stem: string, names: readonly string[], at: Date): string[] {
  const taken = (candidate: readonly string[]): boolean => candidate.some((n) => existsSync(join(target, n)));
  if (!taken(names)) return [...names];
  const stamp = timestamp(at);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? stamp : `${stamp}-${n}`;
    const candidate = names.map((name) =>
      name.startsWith(stem) ? `${stem}.${suffix}${name.slice(stem.length)}` : `${suffix}.${name}`,
    );
    if (!taken(candidate)) return candidate;
  }
}

/** Moves `names` (in `dir`) into `dir/<sub>` as one group named after `stem`. */
export async function moveGroup(
  dir: string,
  sub: string,
  stem: string,
  names: readonly string[],
  at: Date = new Date(),
): Promise<MoveResult> {
  const target = join(dir, sub);
  await mkdir(target, { recursive: true });
  const present = names.filter((name) => existsSync(join(dir, name)));
  const targets = namesInTarget(target, stem, present, at);
  const moved = new Map<string, string>();
  const left: { name: string; error: NodeJS.ErrnoException }[] = [];
  // The source last, and only once its report and sidecar have moved: while a report is held open
  // (Excel), the source stays in the folder, so the service finds the group again and retries it.
  const order = present
    .map((_, i) => i)
    .sort((a, b) => Number(present[a] === names[0]) - Number(present[b] === names[0]));
  for (const i of order) {
    const name = present[i]!;
    if (name === names[0] && left.length > 0) {
      // i18n-exempt: never shown; a person reads only the code (EBUSY) in the move-waits line
      left.push({ name, error: Object.assign(new Error("waits for its report"), { code: "EBUSY" }) });
      continue;
    }
    const to = join(target, targets[i] ?? name);
    try {
      await rename(join(dir, name), to);
      moved.set(name, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      left.push({ name, error: error as NodeJS.ErrnoException });
    }
  }
  return { moved, left };
}

/**
 * Moves a file that could not be run into `failed/`, with `<stem>.error.txt` beside it saying why in
 * one paragraph. The note is written first, so that whoever finds the file also finds the reason.
 */
export async function moveToFailed(
  dir: string,
  sub: string,
  name: string,
  companions: readonly string[],
  paragraph: string,
  at: Date = new Date(),
): Promise<MoveResult & { note: string }> {
  const stem = stemOf(name);
  const target = join(dir, sub);
  await mkdir(target, { recursive: true });
  const group = [name, ...companions];
  const [noteName, ...rest] = namesInTarget(target, stem, [`${stem}${ERROR_NOTE_SUFFIX}`, ...group], at);
  const note = join(target, noteName ?? `${stem}${ERROR_NOTE_SUFFIX}`);
  await writeFile(note, `${paragraph.trim()}\n`, "utf8");
  const moved = new Map<string, string>();
  const left: { name: string; error: NodeJS.ErrnoException }[] = [];
  // The source last, as in moveGroup: a held companion keeps the source, and so the group, findable.
  for (const i of [...group.keys()].slice(1).concat(0)) {
    const member = group[i]!;
    if (!existsSync(join(dir, member))) continue;
    if (i === 0 && left.length > 0) {
      left.push({
        name: member,
        // i18n-exempt: never shown; a person reads only the code (EBUSY) in the move-waits line
        error: Object.assign(new Error("waits for its companions"), { code: "EBUSY" }),
      });
      continue;
    }
    const to = join(target, rest[i] ?? member);
    try {
      await rename(join(dir, member), to);
      moved.set(member, to);
    } catch (error) {
      left.push({ name: member, error: error as NodeJS.ErrnoException });
    }
  }
  return { moved, left, note: basename(note) };
}
