import { ConfigError, type CtdialError, InputError, StopError } from "../errors.js";
import type { SheetsAccount } from "../i18n/catalog/google.en.js";

/** What ctdial was doing when Google answered, so the message can say it in the user's terms. */
export interface SheetsErrorContext {
  readonly spreadsheetId: string;
  /** The e-mail the sheet must be shared with, when the credentials have one (see auth.ts). */
  readonly email?: string;
  /** What kind of credentials read the sheet: what to do about a refusal depends on it. */
  readonly account: SheetsAccount;
  readonly action: "read" | "write";
  /** The file the credentials came from (see auth.ts). */
  readonly credentialsFile?: string;
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
 * One error per way Google refuses, with a stable code and what it names as data (the catalog's
 * google area words it); exit 2 before anything was sent. Never holds a request (its headers carry
 * the token): only Google's own short message.
 */
export function sheetsError(error: unknown, context: SheetsErrorContext): CtdialError {
  const { httpStatus, body } = googleErrorOf(error);
  const spreadsheetId = context.spreadsheetId;
  const who = {
    ...(context.email === undefined ? {} : { email: context.email }),
    account: context.account,
  };
  const cause = { cause: new Error(body.message ?? String((error as Error)?.message ?? error)) };
  const file = context.credentialsFile === undefined ? {} : { file: context.credentialsFile };
  const reason = (error as Error)?.message;
  const said = reason === undefined ? {} : { reason };
  if (isExpiredSignIn(error)) {
    return new ConfigError({ code: "E_SHEETS_SIGNIN_EXPIRED", params: file }, cause);
  }
  if (httpStatus === undefined && context.account === "service-account" && isUnusableKey(error)) {
    return new ConfigError(
      { code: "E_SHEETS_KEY_UNUSABLE", params: { ...file, email: context.email ?? "", ...said } },
      cause,
    );
  }
  if (httpStatus === undefined) {
    return new ConfigError({ code: "E_SHEETS_UNREACHABLE", params: said }, cause);
  }
  if (httpStatus === 401) {
    return new ConfigError({ code: "E_SHEETS_UNAUTHENTICATED", params: { spreadsheetId } }, cause);
  }
  if (httpStatus === 403 && context.action === "write") {
    return new ConfigError({ code: "E_SHEETS_VIEW_ONLY", params: { spreadsheetId, ...who } }, cause);
  }
  if (httpStatus === 403) {
    return new ConfigError({ code: "E_SHEETS_FORBIDDEN", params: { spreadsheetId, ...who } }, cause);
  }
  if (httpStatus === 404) {
    return new InputError({ code: "E_SHEETS_NOT_FOUND", params: { spreadsheetId } }, cause);
  }
  if (body.status === "FAILED_PRECONDITION") {
    return new InputError({ code: "E_SHEETS_NOT_CONVERTED", params: { spreadsheetId } }, cause);
  }
  if (httpStatus === 429) {
    return new StopError({ code: "E_SHEETS_QUOTA", params: { spreadsheetId } }, cause);
  }
  return new InputError(
    {
      code: "E_SHEETS_API",
      params: {
        spreadsheetId,
        httpStatus,
        ...(body.status === undefined ? {} : { status: body.status }),
        ...(body.message === undefined ? {} : { message: body.message }),
      },
    },
    cause,
  );
}

/**
 * A tab the user named (`title`) or linked with gid= (`gid`) is not in the spreadsheet, or it has
 * no tab at all (neither): list the ones that are.
 */
export function noSuchTab(
  spreadsheetTitle: string,
  wanted: { readonly title?: string; readonly gid?: number },
  tabs: readonly string[],
): InputError {
  return new InputError({ code: "E_SHEETS_NO_TAB", params: { spreadsheetTitle, ...wanted, tabs } });
}
