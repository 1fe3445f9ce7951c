import { ConfigError, type CtdialError, InputError, StopError } from "../errors.js";

/** What ctdial was doing when Google answered, so the message can say it in the user's terms. */
export interface SheetsErrorContext {
  readonly spreadsheetId: string;
  /** Who the sheet must be shared with (see auth.ts). */
  readonly principal: string;
  readonly hasEmail: boolean;
  readonly action: "read" | "write";
}

/** Google's error body: `{"error": {"code", "message", "status", "details"}}`. */
interface GoogleErrorBody {
  readonly code?: number;
  readonly message?: string;
  readonly status?: string;
}

export function googleErrorOf(error: unknown): { httpStatus?: number; body: GoogleErrorBody } {
  const e = error as { status?: number; response?: { status?: number; data?: { error?: GoogleErrorBody } } };
  const body = e?.response?.data?.error ?? {};
  return { httpStatus: e?.response?.status ?? e?.status, body };
}

/** True for answers that a later attempt may pass: quota (429), Google's 5xx, a dropped connection. */
export function isRetryable(error: unknown): boolean {
  const { httpStatus } = googleErrorOf(error);
  if (httpStatus === undefined) return isNetworkError(error);
  return (
    httpStatus === 429 || httpStatus === 500 || httpStatus === 502 || httpStatus === 503 || httpStatus === 504
  );
}

function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  return (
    typeof code === "string" &&
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|EPIPE|UND_ERR)/.test(code)
  );
}

/**
 * One clear sentence per way Google refuses, with a stable code; exit 2 before anything was sent.
 * Never quotes a request (its headers carry the token): only Google's own short message.
 */
export function sheetsError(error: unknown, context: SheetsErrorContext): CtdialError {
  const { httpStatus, body } = googleErrorOf(error);
  const id = context.spreadsheetId;
  const who = context.principal;
  const subject = context.hasEmail ? `The service account ${who}` : capital(who);
  const cause = { cause: new Error(body.message ?? String((error as Error)?.message ?? error)) };
  if (httpStatus === undefined) {
    return new ConfigError(
      `Google Sheets could not be reached (${(error as Error)?.message ?? "no answer"}); check the internet connection (and GOOGLE_SHEETS_API_URL if you set it) and run again.`,
      [],
      { ...cause, code: "E_SHEETS_UNREACHABLE" },
    );
  }
  if (httpStatus === 401) {
    return new ConfigError(
      `Google refused the credentials (expired or revoked) for spreadsheet ${id}; create a new key or token and run again.`,
      [],
      { ...cause, code: "E_SHEETS_UNAUTHENTICATED" },
    );
  }
  if (httpStatus === 403 && context.action === "write") {
    return new ConfigError(
      `${subject} can only view spreadsheet ${id}, and ctdial writes each row's result into it; share the sheet with ${who} as an editor, or pass --report FILE to write the results to a local file instead.`,
      [],
      { ...cause, code: "E_SHEETS_VIEW_ONLY" },
    );
  }
  if (httpStatus === 403) {
    const share = context.hasEmail
      ? `share the sheet with ${who} as an editor (the Share button in Google Sheets)`
      : `share the sheet with ${who} as an editor`;
    return new ConfigError(`${subject} has no access to spreadsheet ${id}; ${share} and run again.`, [], {
      ...cause,
      code: "E_SHEETS_FORBIDDEN",
    });
  }
  if (httpStatus === 404) {
    return new InputError(
      `Spreadsheet ${id} was not found (a mistyped link, or the file was deleted); copy the link again from the browser's address bar.`,
      { ...cause, code: "E_SHEETS_NOT_FOUND" },
    );
  }
  if (body.status === "FAILED_PRECONDITION") {
    return new InputError(
      `Spreadsheet ${id} is an Excel file stored in Google Drive, which the Sheets API cannot read; open it in Google Sheets, choose File -> Save as Google Sheets, and use the new sheet's link.`,
      { ...cause, code: "E_SHEETS_NOT_CONVERTED" },
    );
  }
  if (httpStatus === 429) {
    return new StopError(
      "E_SHEETS_QUOTA",
      `Google Sheets kept refusing requests over its per-minute quota for spreadsheet ${id}; wait a few minutes and run again (nothing is lost).`,
      cause,
    );
  }
  return new InputError(
    `Google Sheets answered ${httpStatus} ${body.status ?? ""} for spreadsheet ${id}: ${body.message ?? "no message"}`.trim(),
    { ...cause, code: "E_SHEETS_API" },
  );
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A tab the user named (or linked with gid=) is not in the spreadsheet: list the ones that are. */
export function noSuchTab(spreadsheetTitle: string, wanted: string, titles: readonly string[]): InputError {
  return new InputError(
    `Spreadsheet "${spreadsheetTitle}" has no tab ${wanted}; its tabs are: ${titles.map((t) => `"${t}"`).join(", ")}.`,
    { code: "E_SHEETS_NO_TAB" },
  );
}
