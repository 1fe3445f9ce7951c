import { enCount, enNoun } from "../format.js";
import type { Messages } from "../messages.js";

/**
 * English words of the "google" area: Google Sheets (credentials, access, links, tabs, the
 * write-back, `watch <sheet>`). A message is a function of one parameters object (or none) that
 * returns the sentence; catalog/google.ru.ts must have the same keys with the same parameters (the
 * typecheck says so). Keys are unique across areas (test/i18n/catalog.test.ts).
 */

/**
 * Who reads the sheet: a service account's e-mail when there is one, else what kind of credentials
 * they are (`token`: GOOGLE_SHEETS_ACCESS_TOKEN; `signed-in`: gcloud's saved sign-in; `cloud`: the
 * machine's own service account on Google Cloud).
 */
export type SheetsAccount = "token" | "service-account" | "signed-in" | "cloud";

export interface SheetsWho {
  readonly email?: string;
  readonly account: SheetsAccount;
}

/** Who the sheet must be shared with, as the object of a sentence. */
function whoEn(p: SheetsWho): string {
  if (p.email !== undefined) return p.email;
  switch (p.account) {
    case "token":
      return "the Google account GOOGLE_SHEETS_ACCESS_TOKEN belongs to";
    case "signed-in":
      return "the Google account you signed in with (gcloud auth application-default login)";
    default:
      return "this machine's service account";
  }
}

/** The same, as the subject that starts a sentence. */
function subjectEn(p: SheetsWho): string {
  if (p.email !== undefined) return `The service account ${p.email}`;
  const who = whoEn(p);
  return who.charAt(0).toUpperCase() + who.slice(1);
}

/** Where a credentials file was named: GOOGLE_APPLICATION_CREDENTIALS, or gcloud's well-known file. */
export type CredentialsFrom = "env" | "gcloud";

function namedEn(from: CredentialsFrom): string {
  return from === "env" ? "GOOGLE_APPLICATION_CREDENTIALS" : "gcloud's application default credentials";
}

const quotedList = (items: readonly string[]): string => items.map((t) => `"${t}"`).join(", ");

export const googleEn = {
  E_SHEETS_SIGNIN_EXPIRED: (p: { file?: string }) =>
    `The saved Google sign-in${p.file === undefined ? "" : ` (${p.file})`} has expired or was revoked; sign in again with gcloud auth application-default login (or create a service-account key and point GOOGLE_APPLICATION_CREDENTIALS at it) and run again.`,
  /** `reason`: what Node's crypto said, verbatim. */
  E_SHEETS_KEY_UNUSABLE: (p: { file?: string; email: string; reason?: string }) =>
    `The private key in ${p.file ?? "the service-account key file"} cannot sign (${p.reason ?? "unreadable"}); create a new key for ${p.email} (Google Cloud console, IAM -> Service accounts -> Keys -> Add key -> JSON), point GOOGLE_APPLICATION_CREDENTIALS at it and run again.`,
  /** `reason`: the network error, verbatim. */
  E_SHEETS_UNREACHABLE: (p: { reason?: string }) =>
    `Google Sheets could not be reached (${p.reason ?? "no answer"}); check the internet connection (and GOOGLE_SHEETS_API_URL if you set it) and run again.`,
  E_SHEETS_UNAUTHENTICATED: (p: { spreadsheetId: string }) =>
    `Google refused the credentials (expired or revoked) for spreadsheet ${p.spreadsheetId}; create a new key or token and run again.`,
  E_SHEETS_VIEW_ONLY: (p: SheetsWho & { spreadsheetId: string }) =>
    `${subjectEn(p)} can only view spreadsheet ${p.spreadsheetId}, and ctdial writes each row's result into it; share the sheet with ${whoEn(p)} as an editor, or pass --report FILE to write the results to a local file instead.`,
  E_SHEETS_FORBIDDEN: (p: SheetsWho & { spreadsheetId: string }) => {
    const share =
      p.email !== undefined
        ? `share the sheet with ${whoEn(p)} as an editor (the Share button in Google Sheets)`
        : `share the sheet with ${whoEn(p)} as an editor`;
    return `${subjectEn(p)} has no access to spreadsheet ${p.spreadsheetId}; ${share} and run again.`;
  },
  E_SHEETS_NOT_FOUND: (p: { spreadsheetId: string }) =>
    `Spreadsheet ${p.spreadsheetId} was not found (a mistyped link, or the file was deleted); copy the link again from the browser's address bar.`,
  E_SHEETS_NOT_CONVERTED: (p: { spreadsheetId: string }) =>
    `Spreadsheet ${p.spreadsheetId} is an Excel file stored in Google Drive, which the Sheets API cannot read; open it in Google Sheets, choose File -> Save as Google Sheets, and use the new sheet's link.`,
  E_SHEETS_QUOTA: (p: { spreadsheetId: string }) =>
    `Google Sheets kept refusing requests over its per-minute quota for spreadsheet ${p.spreadsheetId}; wait a few minutes and run again (nothing is lost).`,
  /** Google's own status and message, verbatim. */
  E_SHEETS_API: (p: { spreadsheetId: string; httpStatus: number; status?: string; message?: string }) =>
    `Google Sheets answered ${p.httpStatus} ${p.status ?? ""} for spreadsheet ${p.spreadsheetId}: ${p.message ?? "no message"}`.trim(),
  /** A tab asked for by `title`, by `gid`, or neither (the spreadsheet has no tab at all). */
  E_SHEETS_NO_TAB: (p: {
    spreadsheetTitle: string;
    title?: string;
    gid?: number;
    tabs: readonly string[];
  }) => {
    const wanted =
      p.title !== undefined ? `named "${p.title}"` : p.gid !== undefined ? `with gid=${p.gid}` : "at all";
    return `Spreadsheet "${p.spreadsheetTitle}" has no tab ${wanted}; its tabs are: ${quotedList(p.tabs)}.`;
  },
  E_SHEETS_NO_CREDENTIALS: () =>
    'No Google credentials were found for reading the sheet; create a service-account key (README, "Google Sheets") and set GOOGLE_APPLICATION_CREDENTIALS to its JSON file, or set GOOGLE_SHEETS_ACCESS_TOKEN.',
  /**
   * A credentials file ctdial cannot use: `missing` (no such file), `not-json`, `incomplete` (a
   * known `type` without `fields`), `unknown-type` (`type` as the file says, if it does).
   */
  E_SHEETS_CREDENTIALS_FILE: (p: {
    from: CredentialsFrom;
    path: string;
    problem: "missing" | "not-json" | "incomplete" | "unknown-type";
    type?: string;
    fields?: readonly string[];
  }) => {
    const named = `${namedEn(p.from)} names ${p.path}`;
    switch (p.problem) {
      case "missing":
        return `${named}, which does not exist; download the service account's JSON key again and point the variable at it.`;
      case "not-json":
        return `${named}, which is not a Google credentials JSON file; download the service account's JSON key again and point the variable at it.`;
      case "incomplete":
        return `${named}, a ${p.type} credentials file without ${(p.fields ?? []).map((f) => `"${f}"`).join(" and ")}; it is incomplete (cut short when copied, or typed by hand): download the ${p.type === "service_account" ? "service account's JSON key" : "credentials"} again and point the variable at the whole file.`;
      default:
        return `${named}, a credentials file of type "${p.type ?? "unknown"}" that ctdial cannot use; create a service-account key (type service_account) instead.`;
    }
  },
  /** `text`: what the user gave; `published`: a "Publish to the web" link; `gid`: a gid that is not a number. */
  E_SHEETS_URL: (p: { text: string; problem: "published" | "gid" | "not-a-link"; gid?: string }) => {
    switch (p.problem) {
      case "published":
        return `${p.text} is a "Publish to the web" link, which does not name the spreadsheet itself; open the sheet and copy the link from the browser's address bar instead.`;
      case "gid":
        return `${p.text} has gid=${p.gid ?? ""}, which is not a tab id; copy the link again from the browser.`;
      default:
        return `${p.text} is not a Google Sheets link; copy the link from the browser's address bar while the sheet is open (https://docs.google.com/spreadsheets/d/.../edit).`;
    }
  },
  // E_EMPTY (a Google Sheets tab with no row at all) is the sources area's, shared with an empty XLSX sheet.
  E_WATCH_TARGET: (p: { target: string }) =>
    `${p.target} does not name a Google Sheet; ctdial watch follows a sheet's link.`,
  /** An error that is not ctdial's own (only a bug raises one), in its own words. */
  googleErrorMessage: (p: { message: string }) => p.message,
  googleWriteNotPlaced: (p: { count: number }) =>
    `${enCount(p.count, ["result", "results"])} not written into the sheet: ${p.count === 1 ? "its row was" : "their rows were"} changed or removed while the run went on; the next run writes ${enNoun(p.count, ["it", "them"])}.`,
  /** `reason`: the failure, already in words. */
  googleWriteDeferred: (p: { reason: string; retryInSeconds: number }) =>
    `results not written into the sheet yet (${p.reason}); trying again in ${p.retryInSeconds} s.`,
  googleWatchConfirm: (p: { spreadsheet: string; tab: string; endpoint: string }) =>
    `Dial every new row of "${p.spreadsheet}" / ${p.tab} through ${p.endpoint} until stopped?`,
  googleWatchStopping: () =>
    "stopping: requests in flight finish and results are written, then the watch ends",
  googleWatchStarted: () => "watching the sheet",
  googleWatchNewRowsSent: () => "new rows sent",
  /** `reason`: the failed look's error, already in words. */
  googleWatchGoesOn: (p: { reason: string; seconds: number }) =>
    `${p.reason} (the watch goes on; next look in ${p.seconds} s)`,
  /** Cleanup steps of `watch <sheet>`, as "could not <step>" names them. */
  googleCleanupSignals: () => "stop listening for Ctrl+C",
  googleCleanupConnection: () => "close the connection",
  googleCleanupLog: () => "flush the log",
} satisfies Messages;
