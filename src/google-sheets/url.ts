import { InputError } from "../errors.js";

/** Which spreadsheet and tab a user pointed at. */
export interface SheetLocation {
  readonly spreadsheetId: string;
  /** The tab's numeric `sheetId` (the URL's `gid`); undefined: no gid given, the first tab. */
  readonly gid?: number;
}

// Google's spreadsheet ids are 44 characters today; older ones are shorter. Never shorter than this.
const BARE_ID = /^[A-Za-z0-9_-]{25,100}$/;
// The scheme is optional: a link copied from the address bar of some browsers, or typed, lacks it.
const SHEETS_HOST = /^(?:https?:\/\/)?(?:www\.)?docs\.google\.com\/spreadsheets\//i;

/** True for a browser link to a Google Sheet, or a bare spreadsheet id (a file name has a dot). */
export function looksLikeSheet(text: string): boolean {
  return isSheetLink(text) || BARE_ID.test(text.trim());
}

/** True for a link to a Google Sheet, with or without `https://` (never a file name, whatever its dots). */
export function isSheetLink(text: string): boolean {
  return SHEETS_HOST.test(text.trim());
}

/**
 * Reads every form a user copies from the browser: `/d/<id>/edit#gid=<gid>`, `?gid=`, `/edit?usp=sharing`,
 * `/htmlview`, `/u/1/d/<id>/...`, no gid at all (the first tab), or the bare id.
 */
export function parseSheetLocation(text: string): SheetLocation {
  const trimmed = text.trim();
  if (BARE_ID.test(trimmed)) return { spreadsheetId: trimmed };
  let url: URL;
  try {
    // `docs.google.com/spreadsheets/d/...` without its scheme is the same link.
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw notALink(trimmed);
  }
  if (url.hostname.toLowerCase().replace(/^www\./, "") !== "docs.google.com") throw notALink(trimmed);
  if (/\/spreadsheets\/d\/e\//.test(url.pathname)) {
    throw new InputError({ code: "E_SHEETS_URL", params: { text: trimmed, problem: "published" } });
  }
  const id = /\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/.exec(url.pathname)?.[1];
  if (id === undefined) throw notALink(trimmed);
  const gidText = gidOf(url.hash) ?? url.searchParams.get("gid") ?? undefined;
  if (gidText === undefined || gidText === "") return { spreadsheetId: id };
  const gid = Number(gidText);
  if (!Number.isSafeInteger(gid) || gid < 0) {
    throw new InputError({ code: "E_SHEETS_URL", params: { text: trimmed, problem: "gid", gid: gidText } });
  }
  return { spreadsheetId: id, gid };
}

/** `#gid=123` or `#gid=123&range=A1` (links to a cell add a range). */
function gidOf(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, "")).get("gid") ?? undefined;
}

function notALink(text: string): InputError {
  return new InputError({ code: "E_SHEETS_URL", params: { text, problem: "not-a-link" } });
}

/** The browser link of a tab, for messages and the summary. */
export function sheetLink(location: SheetLocation): string {
  const base = `https://docs.google.com/spreadsheets/d/${location.spreadsheetId}/edit`;
  return location.gid === undefined ? base : `${base}#gid=${location.gid}`;
}
