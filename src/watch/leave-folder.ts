import { existsSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { ResolvedCampaign } from "../engine/resolve.js";
import type { FolderContext } from "./folder-context.js";
import type { FailureNote } from "./folder-events.js";
import type { Job } from "./job-queue.js";
import { moveGroup, moveToFailed, stemOf } from "./move-files.js";

const SIDECAR_EXTENSIONS = [".yaml", ".yml", ".json"];

/**
 * How a finished file leaves the folder for `sub` (done/), with its report and sidecar. Returns the
 * move, to be tried again while any of the group is held open; it resolves true once all have left.
 */
export function leaveTo(
  f: FolderContext,
  job: Job,
  sub: string,
  resolved: ResolvedCampaign | undefined,
  keepReport = false,
): () => Promise<boolean> {
  const group = [
    job.name,
    ...companions(f.dir, job.name, resolved?.reportPath, resolved?.campaignPath, keepReport),
  ];
  return async () => {
    const result = await moveGroup(f.dir, sub, stemOf(job.name), group, new Date(f.clock.now()));
    return reportLeft(f, job, result.left);
  };
}

/** As leaveTo, for a file that could not be run: its error note is written first, once. */
export function leaveFailed(
  f: FolderContext,
  job: Job,
  sub: string,
  note: FailureNote,
  resolved: ResolvedCampaign | undefined,
): () => Promise<boolean> {
  // A report name held by the user's own file: that file is not ctdial's and stays where it is.
  const keepReport = note.kind === "report-name-taken";
  const extra = companions(f.dir, job.name, resolved?.reportPath, resolved?.campaignPath, keepReport);
  const rest = leaveTo(f, job, sub, resolved, keepReport);
  let noted = false;
  return async () => {
    if (noted) return rest();
    noted = true;
    const paragraph = f.words.errorNote(note, await f.lang.of(resolved));
    const result = await moveToFailed(f.dir, sub, job.name, extra, paragraph, new Date(f.clock.now()));
    return reportLeft(f, job, result.left);
  };
}

/**
 * The report and the sidecar campaign file, when they are in the folder beside the source. When the
 * campaign could not even be read, they are found by name (a broken sidecar goes with its file).
 */
function companions(
  dir: string,
  name: string,
  report: string | undefined,
  campaign: string | undefined,
  keepReport = false,
): string[] {
  const stem = stemOf(name);
  const reportPath = report ?? join(dir, reportPathOf(name));
  const campaignPath =
    campaign ??
    SIDECAR_EXTENSIONS.map((ext) => join(dir, `${stem}.campaign${ext}`)).find((path) => existsSync(path));
  const sidecar =
    campaignPath !== undefined &&
    dirname(campaignPath) === dir &&
    basename(campaignPath).startsWith(`${stem}.`)
      ? [basename(campaignPath)]
      : [];
  const ownReport = !keepReport && dirname(reportPath) === dir ? [basename(reportPath)] : [];
  return [...ownReport, ...sidecar];
}

/** The report a table of the folder gets: `clients.report.csv` (`.xlsx` for a workbook). */
export function reportPathOf(name: string): string {
  return `${stemOf(name)}.report.${extname(name).toLowerCase() === ".xlsx" ? "xlsx" : "csv"}`;
}

/** True when nothing was left behind; else tells (once per change) which files wait to move. */
function reportLeft(
  f: FolderContext,
  job: Job,
  left: readonly { name: string; error: NodeJS.ErrnoException }[],
): boolean {
  if (left.length === 0) return true;
  const key = `move:${job.name}`;
  const list = left.map((l) => ({
    name: l.name,
    ...(l.error.code === undefined ? {} : { code: l.error.code }),
  }));
  const said = JSON.stringify(list);
  if (f.told.get(key) !== said) {
    f.told.set(key, said);
    f.emit({ kind: "move-waits", file: job.name, left: list });
  }
  return false;
}
