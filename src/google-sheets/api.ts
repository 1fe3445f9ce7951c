import { sheets, type sheets_v4 } from "@googleapis/sheets";
import { type AuthOptions, type SheetsCredentials, sheetsCredentials } from "./auth.js";
import { isRetryable, type SheetsErrorContext, sheetsError } from "./errors.js";
import { type SheetsRetryPolicy, sheetsRetryDelay } from "./retry.js";

export const DEFAULT_SHEETS_ROOT = "https://sheets.googleapis.com/";

export interface SheetsApiOptions extends AuthOptions {
  readonly retry?: SheetsRetryPolicy;
  /** Waits between attempts (tests pass one that does not wait). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told before each wait, e.g. to log "Google Sheets quota: waiting 4 s". */
  readonly onRetry?: (info: { status: number | undefined; delayMs: number; attempt: number }) => void;
}

/**
 * The Sheets client with ctdial's own retry and error wording. gaxios' built-in retries are off
 * (`retry: false`): every request is counted once against Google's per-minute quota, and 429s
 * wait here with exponential backoff.
 */
export interface SheetsApi {
  readonly api: sheets_v4.Sheets;
  readonly credentials: SheetsCredentials;
  /** Runs one request with retries; a refusal becomes a CtdialError naming `spreadsheetId`. */
  call<T>(
    spreadsheetId: string,
    action: SheetsErrorContext["action"],
    request: () => Promise<{ data: T }>,
  ): Promise<T>;
}

/** What the process asked of Google Sheets: each request (every attempt counts against the quota), and each wait on a 429. */
export type SheetsActivity =
  | { readonly kind: "request"; readonly action: SheetsErrorContext["action"] }
  | { readonly kind: "quota-wait"; readonly delayMs: number };

const observers = new Set<(activity: SheetsActivity) => void>();

/**
 * Follows every Sheets request of this process (the monitoring of `watch --ui`); returns the
 * function that stops following. Observers must not throw: one that does is ignored.
 */
export function observeSheets(observer: (activity: SheetsActivity) => void): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

function tell(activity: SheetsActivity): void {
  for (const observer of observers) {
    try {
      observer(activity);
    } catch {
      // Monitoring never costs a request its result.
    }
  }
}

export async function openSheetsApi(
  env: NodeJS.ProcessEnv,
  options: SheetsApiOptions = {},
): Promise<SheetsApi> {
  const credentials = await sheetsCredentials(env, options);
  const root = env.GOOGLE_SHEETS_API_URL?.trim() || DEFAULT_SHEETS_ROOT;
  const api = sheets({
    version: "v4",
    // google-auth-library is one major version for both, but googleapis-common bundles its own copy,
    // so the class types differ by a private field; the client only calls request() on it.
    auth: credentials.client as unknown as sheets_v4.Options["auth"],
    rootUrl: root.endsWith("/") ? root : `${root}/`,
    retry: false,
    timeout: 120_000,
  });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    api,
    credentials,
    async call(spreadsheetId, action, request) {
      let waited = 0;
      for (let attempt = 1; ; attempt++) {
        tell({ kind: "request", action });
        try {
          return (await request()).data;
        } catch (error) {
          const delay = isRetryable(error) ? sheetsRetryDelay(attempt, waited, options.retry) : 0;
          if (delay === 0) {
            throw sheetsError(error, {
              spreadsheetId,
              action,
              account: credentials.kind,
              ...(credentials.principal === undefined ? {} : { email: credentials.principal }),
              ...(credentials.file === undefined ? {} : { credentialsFile: credentials.file }),
            });
          }
          const status = (error as { response?: { status?: number } }).response?.status;
          options.onRetry?.({ status, delayMs: delay, attempt });
          if (status === 429) tell({ kind: "quota-wait", delayMs: delay });
          await sleep(delay);
          waited += delay;
        }
      }
    },
  };
}
