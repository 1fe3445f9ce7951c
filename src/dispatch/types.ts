import type { CallbackRequest, CallOutcome, CalltouchClient, Decision } from "../calltouch/types.js";
import type { RowOutcome } from "../outcome.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { RetryOptions } from "./retry-delay.js";

/** One row ready to send; `rowNumber` is how the report and the journal name it. */
export interface DispatchItem {
  readonly rowNumber: number;
  readonly request: CallbackRequest;
}

/** The per-row results the dispatcher produces (a subset of RowOutcome). */
export type DispatchOutcome = Extract<RowOutcome, { status: "sent" | "failed" | "pending" | "unknown" }>;
export type DispatchStatus = DispatchOutcome["status"];

export interface DispatchHooks {
  /**
   * Awaited inside the limiter slot, right BEFORE the request leaves (the journal's intent, which must
   * be durable first). Keep it quick: its time sits between the slot and the request on the wire. A
   * throw stops the whole run and `dispatch` rethrows it.
   */
  beforeSend?(item: DispatchItem, attempt: number): Promise<void> | void;
  /** The final outcome of every row taken from the source, exactly once per row. */
  onOutcome(item: DispatchItem, outcome: DispatchOutcome): Promise<void> | void;
  /** Every answer (or lost answer) and what it means: for logs and progress. Must not throw. */
  onAttempt?(item: DispatchItem, attempt: number, outcome: CallOutcome, decision: Decision): void;
}

export interface DispatchOptions {
  client: CalltouchClient;
  /** The process-wide limiter: every request of every campaign goes through the same one. */
  limiter: RateLimiter;
  hooks: DispatchHooks;
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
  /** Most rows held at once (waiting, in flight or backing off); memory stays flat. @default 256 */
  maxHeld?: number;
  /** Backoff sleeps; resolves early when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Clock for `sentAt` and retry budgets. @default Date.now */
  now?: () => number;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
}

/** Why a dispatch ended early; `advice` is one sentence telling the user what to do next. */
export interface DispatchStop {
  readonly code: number | string;
  readonly message: string;
  readonly advice: string;
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
