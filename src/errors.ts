/**
 * Errors that stop a whole run. Row-level problems are data (see mapping/types.ts), never thrown.
 * Every class carries a stable `code`, the `params` that say what went wrong (a path, a limit, a
 * process id), and an exit code from docs/contract.md. The English `message` is a default for library
 * users; the CLI words an error from its code and params (src/cli/messages.ts). None of them may hold a
 * secret: callers pass messages and params built without the token, and `cause` is kept
 * non-enumerable so that loggers which serialise errors do not walk into request objects that carry
 * headers.
 */
export type ExitCode = 0 | 1 | 2 | 3;

/** What an error or a stop names: plain values only, so they can be worded in any language. */
export type ErrorParams = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

export interface ErrorOptions {
  readonly cause?: unknown;
  readonly params?: ErrorParams;
}

export class CtdialError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly params: ErrorParams;

  constructor(code: string, message: string, exitCode: ExitCode, options?: ErrorOptions) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.params = options?.params ?? {};
    if (options?.cause !== undefined) {
      Object.defineProperty(this, "cause", {
        value: options.cause,
        enumerable: false,
        writable: true,
        configurable: true,
      });
    }
  }
}

/** The input file cannot be read as a table (encoding, quotes, missing headers, ...). Exit 2. */
export class InputError extends CtdialError {
  constructor(message: string, options?: ErrorOptions & { code?: string }) {
    super(options?.code ?? "E_INPUT", message, 2, options);
  }
}

/** Usage or configuration is wrong; `problems` lists every one at once as `path: message`. Exit 2. */
export class ConfigError extends CtdialError {
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = [], options?: ErrorOptions & { code?: string }) {
    super(
      options?.code ?? "E_CONFIG",
      problems.length > 0 ? `${message}\n  ${problems.join("\n  ")}` : message,
      2,
      options,
    );
    this.problems = problems;
  }
}

/**
 * Why sending stopped early; what a caller may do about a stop depends on this, never on its wording.
 * - `calltouch-refusal`: Calltouch refused the campaign, a widget key or the token (`code` is its
 *   number or the HTTP status, `message` its own words);
 * - `signal`: Ctrl+C or SIGTERM;
 * - `daily-limit`, `call-window`: a rule of the campaign (it goes on tomorrow, when the window opens);
 * - `sender-busy`: another ctdial sends from this machine;
 * - `failure`: anything else that ended sending (the journal could not be written, the file became
 *   unreadable part-way).
 */
export type StopKind =
  | "calltouch-refusal"
  | "signal"
  | "daily-limit"
  | "call-window"
  | "sender-busy"
  | "failure";

const KIND_OF_CODE: Readonly<Record<string, StopKind>> = {
  SIGNAL: "signal",
  E_DAILY_LIMIT: "daily-limit",
  E_CALL_WINDOW: "call-window",
  E_SENDER_BUSY: "sender-busy",
};

/** Calltouch refused the whole campaign, a budget ran out, or a signal arrived. Exit 3. */
export class StopError extends CtdialError {
  readonly kind: StopKind;
  /**
   * One sentence telling the user what to do next, when the thrower knows better than the stop's
   * kind does (Calltouch's own refusals); the CLI otherwise words the advice from the kind.
   */
  readonly advice: string | undefined;

  constructor(code: string, message: string, options?: ErrorOptions & { advice?: string; kind?: StopKind }) {
    super(code, message, 3, options);
    this.kind = options?.kind ?? KIND_OF_CODE[code] ?? "failure";
    this.advice = options?.advice;
  }
}

export function isCtdialError(error: unknown): error is CtdialError {
  return error instanceof CtdialError;
}
