import { ConfigError, type CtdialError, InputError, StopError } from "../errors.js";

/** What ctdial was doing when Google answered, so the message can say it in the user's terms. */
export interface SheetsErrorContext {
  readonly spreadsheetId: string;
  /** Who the sheet must be shared with (see auth.ts). */
  readonly principal: string;
  readonly hasEmail: boolean;
  readonly action: "read" | "write";
  /** Where the credentials came from and what they are (see sheets-auth.ts). */
  readonly credentialsFile?: string;
  readonly credentialsKind?: "token" | "service-account" | "signed-in" | "cloud";
}

/** Google's error body: `{"error": {"code", "message", "status", "details"}}`. */
interface GoogleErrorBody {
  readonly code?: number;
  readonly message?: string;
  readonly status?: string;
}

export function googleErrorOf(error: unknown): { httpStatus?: number; body: GoogleErrorBody } {
  const e = error as {
    status?: number;
    response?: { status?: number; data?: { error?: GoogleErrorBody | string } };
  };
  // The OAuth token endpoint answers `{"error": "invalid_grant", ...}`: a string, not an object.
  const raw = e?.response?.data?.error;
  const body = typeof raw === "object" && raw !== null ? raw : {};
  return { httpStatus: e?.response?.status ?? e?.status, body };
}

/**
 * The OAuth token endpoint refused the saved refresh token: it expired (a test-mode OAuth app's
 * tokens last 7 days), the password changed, or the access was revoked. Signing in again fixes it.
 */
function isExpiredSignIn(error: unknown): boolean {
  const data = (error as { response?: { data?: { error?: unknown } } })?.response?.data;
  return data?.error === "invalid_grant";
}

/**
 * The key could not sign a token: it never left this machine, so it is not a network failure. Node's
 * crypto says so with an ERR_OSSL_* / ERR_CRYPTO_* code (a damaged or truncated PEM), jws with
 * "secretOrPrivateKey" or "private key".
 */
function isUnusableKey(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && /^ERR_(OSSL|CRYPTO)_/.test(code)) return true;
  const message = String((error as Error)?.message ?? "");
  return /DECODER routines|PEM routines|secretOrPrivateKey|private key|asymmetric key/i.test(message);
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
  const file = context.credentialsFile;
  if (isExpiredSignIn(error)) {
    return new ConfigError(
      `The saved Google sign-in${file === undefined ? "" : ` (${file})`} has expired or was revoked; sign in again with gcloud auth application-default login (or create a service-account key and point GOOGLE_APPLICATION_CREDENTIALS at it) and run again.`,
      [],
      { ...cause, code: "E_SHEETS_SIGNIN_EXPIRED" },
    );
  }
  if (httpStatus === undefined && context.credentialsKind === "service-account" && isUnusableKey(error)) {
    return new ConfigError(
      `The private key in ${file ?? "the service-account key file"} cannot sign (${(error as Error)?.message ?? "unreadable"}); create a new key for ${who} (Google Cloud console, IAM -> Service accounts -> Keys -> Add key -> JSON), point GOOGLE_APPLICATION_CREDENTIALS at it and run again.`,
      [],
      { ...cause, code: "E_SHEETS_KEY_UNUSABLE" },
    );
  }
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
