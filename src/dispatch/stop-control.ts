import { StopError } from "../errors.js";
import { say } from "../i18n/catalog.js";
import type { DispatchStop, RouteStop } from "./types.js";

/** Abort reason of the dispatcher's own signals: tells a withdrawn row from a real failure. */
export const STOPPED = Symbol("dispatch stopped");

export const SIGNAL_STOP: DispatchStop = {
  kind: "signal",
  code: "SIGNAL",
  // The default English sentence (DispatchStop.message); the CLI words the stop from its code.
  message: say("en", { code: "SIGNAL", params: {} }),
};

/**
 * The stop state of one dispatch. Three signals with different reach:
 * - `stopSignal`: no new request may start (withdraws rows waiting for a slot, wakes backoff sleeps);
 * - one per routeKey: the same, for the rows of a widget Calltouch refused (10003);
 * - `drainSignal`: fired `drainTimeoutMs` after a stop; requests still in flight are given up.
 * The first stop wins: its kind and code are what the user is told.
 */
export class StopControl {
  #stopped: DispatchStop | undefined;
  #fatal: { error: unknown } | undefined;
  readonly #stop = new AbortController();
  readonly #drain = new AbortController();
  readonly #routes = new Map<
    string,
    { controller: AbortController; signal: AbortSignal; stop?: RouteStop }
  >();
  #drainTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly drainTimeoutMs: number,
    private readonly onChange: () => void,
  ) {}

  get stopping(): boolean {
    return this.#stopped !== undefined;
  }

  get stopped(): DispatchStop | undefined {
    return this.#stopped;
  }

  get stopSignal(): AbortSignal {
    return this.#stop.signal;
  }

  get drainSignal(): AbortSignal {
    return this.#drain.signal;
  }

  /** A hook threw (the journal could not write): nothing more may be sent, and dispatch rethrows it. */
  get fatal(): { error: unknown } | undefined {
    return this.#fatal;
  }

  stop(reason: DispatchStop): void {
    if (this.#stopped !== undefined) return;
    this.#stopped = reason;
    this.#stop.abort(STOPPED);
    this.#drainTimer = setTimeout(() => this.#drain.abort(STOPPED), this.drainTimeoutMs);
    this.onChange();
  }

  failHard(error: unknown): void {
    // A rule that ends sending (daily limit, call window with --no-wait, a journal that cannot write)
    // is a stop with its own code and advice, not a crash: dispatch returns it as `stopped`.
    if (error instanceof StopError) {
      this.stop({
        kind: error.kind,
        code: error.code,
        message: error.message,
        ...(error.said === undefined ? {} : { messageSaid: error.said }),
        params: error.params,
        ...(error.advice === undefined ? {} : { advice: error.advice }),
        ...(error.adviceSaid === undefined ? {} : { adviceSaid: error.adviceSaid }),
      });
      return;
    }
    this.#fatal ??= { error };
    this.stop({
      kind: "failure",
      code: "E_HOOK",
      message: error instanceof Error ? error.message : String(error),
    });
  }

  stopRoute(stop: RouteStop): void {
    const route = this.#route(stop.routeKey);
    if (route.stop !== undefined) return;
    route.stop = stop;
    route.controller.abort(STOPPED);
    this.onChange();
  }

  routeStop(routeKey: string): RouteStop | undefined {
    return this.#routes.get(routeKey)?.stop;
  }

  routeStops(): RouteStop[] {
    return [...this.#routes.values()].flatMap((route) => (route.stop === undefined ? [] : [route.stop]));
  }

  /** Aborts when the campaign or this row's widget stops. One per routeKey, reused by every row of it. */
  rowSignal(routeKey: string): AbortSignal {
    return this.#route(routeKey).signal;
  }

  /** The stop that keeps a row from being sent now (its code and message), or undefined when it may be sent. */
  blocked(routeKey: string): DispatchStop | undefined {
    return this.#stopped ?? this.routeStop(routeKey);
  }

  dispose(): void {
    clearTimeout(this.#drainTimer);
  }

  #route(routeKey: string) {
    let route = this.#routes.get(routeKey);
    if (route === undefined) {
      const controller = new AbortController();
      route = { controller, signal: AbortSignal.any([this.#stop.signal, controller.signal]) };
      this.#routes.set(routeKey, route);
    }
    return route;
  }
}
