import type { CallbackRequest, CallOutcome, CalltouchClient, Decision } from "../calltouch/types.js";
import type { ErrorParams, StopKind } from "../errors.js";
import type { Said } from "../i18n/catalog.js";
import type { RowOutcome } from "../outcome.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { RetryOptions } from "./retry-delay.js";

/** One row ready to send; `rowNumber` is how the report and the journal name it. */
export interface DispatchItem {
  readonly rowNumber: number;
  readonly request: CallbackRequest;
}

/**
 * The per-row results the dispatcher produces (a subset of RowOutcome); `skipped` only when
 * `beforeSend` held the row back.
 */
export type DispatchOutcome = Extract<
  RowOutcome,
  { status: "sent" | "failed" | "pending" | "unknown" | "skipped" }
>;
export type DispatchStatus = DispatchOutcome["status"];

/** What happens to a row after one answer: known before it is logged, so a log never promises a retry. */
export type AttemptNext =
  | { readonly kind: "settled"; readonly outcome: DispatchOutcome }
  /** Sent again through the limiter after `afterMs` (transient failure, 10007, a resend without sessionId). */
  | { readonly kind: "again"; readonly afterMs: number };

/** One answer (or lost answer) of one row, what it means, and what happens next. */
export interface AttemptEvent<T extends DispatchItem = DispatchItem> {
  readonly item: T;
  /** This row's requests so far in this dispatch, this one included. */
  readonly attempt: number;
  readonly answer: CallOutcome;
  readonly decision: Decision;
  readonly next: AttemptNext;
}

/**
 * The last word before a request leaves: `hold` keeps it home and settles the row with that outcome
 * (through `onOutcome`, as any row); `request` sends this instead of what was about to leave.
 */
export type SendGate =
  | { readonly hold: Extract<RowOutcome, { status: "skipped" }> }
  | { readonly request: CallbackRequest };

export interface DispatchHooks<T extends DispatchItem = DispatchItem> {
  /**
   * Awaited inside the limiter slot, right BEFORE the request leaves (the journal's intent, which must
   * be durable first), on every attempt: `request` is what would leave now. Keep it quick: its time
   * sits between the slot and the request on the wire. A throw stops the whole run and `dispatch`
   * rethrows it.
   */
  beforeSend?(
    item: T,
    attempt: number,
    request: CallbackRequest,
    // biome-ignore lint/suspicious/noConfusingVoidType: a hook that returns nothing lets the request leave as it is
  ): Promise<SendGate | undefined> | SendGate | void;
  /** The final outcome of every row taken from the source, exactly once per row. */
  onOutcome(item: T, outcome: DispatchOutcome): Promise<void> | void;
  /**
   * Every answer and what follows from it: for logs and progress. A throw here is swallowed (and
   * handed to `onHookError`): a log line must never leave a row with an intent and no outcome.
   */
  onAttempt?(event: AttemptEvent<T>): void;
  /** Told when `onAttempt` threw; the row goes on regardless. */
  onHookError?(error: unknown): void;
}

export interface DispatchOptions<T extends DispatchItem = DispatchItem> {
  client: CalltouchClient;
  /** The process-wide limiter: every request of every campaign goes through the same one. */
  limiter: RateLimiter;
  hooks: DispatchHooks<T>;
  /** What an answer means. @default decide from ../calltouch/decide.js */
  decide?: (outcome: CallOutcome) => Decision;
  retry?: Partial<RetryOptions>;
  /** Stop taking rows; rows in flight get `drainTimeoutMs` to finish. */
  signal?: AbortSignal;
  /**
   * Retry a row whose answer was lost after the request was written. Off by default: such a request
   * may have created a callback, and a retry would ring the client twice.
   */
  retryUnknown?: boolean;
  /** On 10004 (unknown sessionId), send the row once more without its sessionId. @default false */
  resendWithoutSessionId?: boolean;
  /** The campaign-wide routeKey: a 10003 for it stops the whole campaign, not only its rows. */
  campaignRouteKey?: string;
  /** After a stop, how long rows in flight may take before they are `unknown`. @default 10000 */
  drainTimeoutMs?: number;
  /** Rows kept waiting for a limiter slot, so no slot goes unused and few are held. @default 2 */
  lookahead?: number;
  /**
   * Most rows held at once (waiting for a slot, in flight, or waiting to be sent again, 10007's long
   * delay included); memory stays flat. @default 256
   */
  maxHeld?: number;
  /** Backoff sleeps; resolves early when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Clock for `sentAt` and retry budgets. @default Date.now */
  now?: () => number;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
}

/**
 * Why a dispatch ended early, as data: `kind` says what the caller may do about it, `code` is
 * Calltouch's number (or HTTP status) for a refusal and a stable E_* code otherwise, `params` what the
 * stop names (a limit, the widget keys refused). `message` is Calltouch's own words for a refusal and a
 * default English sentence otherwise (pending rows carry it as their reason); `advice` is set only when
 * the source of the stop knows what to do (Calltouch's refusals). The CLI words the rest.
 */
export interface DispatchStop {
  readonly kind: StopKind;
  readonly code: number | string;
  readonly message: string;
  /**
   * `message` as data when ctdial wrote it (Calltouch's own text stays verbatim in `message`): the
   * report's pending reason and the CLI word it in the reader's language.
   */
  readonly messageSaid?: Said;
  readonly params?: ErrorParams;
  readonly advice?: string;
  /** `advice` as data, for the user's language; set by throwers that made their advice a `Said`. */
  readonly adviceSaid?: Said;
}

export interface RouteStop extends DispatchStop {
  readonly routeKey: string;
}

export interface DispatchResult {
  /** Set when the campaign stopped early (10001, 10002, refused token, campaign-wide 10003, a signal). */
  readonly stopped?: DispatchStop;
  /** Per-row routeKeys that Calltouch refused (10003); their rows are `pending`. */
  readonly stoppedRoutes: readonly RouteStop[];
  /** Rows reported through onOutcome, by status. */
  readonly counts: Readonly<Record<DispatchStatus, number>>;
  /** Requests that left, retries included. */
  readonly attempts: number;
}
