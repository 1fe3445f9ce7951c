import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { basename, join, resolve } from "node:path";

/**
 * Which campaign a journal belongs to: the source and the routeKey. The same file dialed through
 * another widget is another campaign (its rows were never sent there); the same widget fed from
 * another file is another campaign too.
 */
export interface CampaignIdentity {
  /** Stable id: the first 16 hex digits of sha256 over source and routeKey. Names the journal file. */
  readonly id: string;
  /** `file:<absolute real path>` or `sheets:<spreadsheet id>#<tab's sheetId>`. */
  readonly source: string;
  /** The campaign-wide routeKey; "" when every row carries its own. */
  readonly routeKey: string;
  /** A short human name for messages such as "dialed by campaign clients.csv at ...". */
  readonly name: string;
}

/** A file source: identified by its real absolute path, so `./a.csv` and `/x/a.csv` are one campaign. */
export function fileSource(path: string): { source: string; name: string } {
  const absolute = resolve(path);
  let real = absolute;
  try {
    real = realpathSync(absolute);
  } catch {
    // Not there (yet): the resolved path is still stable for as long as the user keeps the file there.
  }
  return { source: `file:${real}`, name: basename(real) };
}

/**
 * A Google Sheets source: the spreadsheet id and the tab's numeric id (its gid), never titles, so
 * that renaming the tab or the file keeps the campaign (and its journal). `name` is for messages.
 */
export function sheetSource(
  spreadsheetId: string,
  sheetId: number,
  name = `${spreadsheetId}#gid=${sheetId}`,
): { source: string; name: string } {
  return { source: `sheets:${spreadsheetId}#${sheetId}`, name };
}

export function campaignIdentity(input: {
  readonly source: string;
  readonly routeKey?: string | undefined;
  readonly name?: string;
}): CampaignIdentity {
  const routeKey = input.routeKey ?? "";
  // JSON of a pair, so that no choice of characters in source can collide with another split.
  const id = createHash("sha256")
    .update(JSON.stringify([input.source, routeKey]))
    .digest("hex")
    .slice(0, 16);
  return { id, source: input.source, routeKey, name: input.name ?? input.source };
}

export function journalPath(stateDir: string, identity: CampaignIdentity): string {
  return join(stateDir, "journals", `${identity.id}.jsonl`);
}
